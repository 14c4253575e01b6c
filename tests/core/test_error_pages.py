"""Error pages wear the site's layout and speak the language of the address, with DEBUG off."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import path

from kurultai import urls as site_urls
from kurultai.core.views import server_error

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("the database is on fire")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    *site_urls.urlpatterns,
    *i18n_patterns(path("boom/", boom), path("forbidden/", forbidden), prefix_default_language=True),
]
handler500 = "kurultai.core.views.server_error"


@pytest.fixture
def debug_off(settings):
    settings.DEBUG = False


def test_404_under_ru_is_a_russian_page_of_the_site(client, debug_off):
    response = client.get("/ru/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ru">' in html
    assert 'href="/ru/forums/"' in html and "Форумы" in html  # the site's own navigation, in Russian
    assert 'href="/ru/search/"' in html  # a way on from the error


@pytest.mark.urls(__name__)
def test_403_under_ru_is_a_russian_page_of_the_site(client, debug_off):
    response = client.get("/ru/forbidden/")
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="ru">' in html and "Форумы" in html
    assert 'href="/ru/accounts/login/?next=/ru/forbidden/"' in html


@pytest.mark.urls(__name__)
def test_500_under_ru_is_a_russian_page_of_the_site(client, debug_off):
    client.raise_request_exception = False
    response = client.get("/ru/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ru">' in html and "Форумы" in html
    assert "the database is on fire" not in html


def test_500_page_needs_no_database(rf):
    request = rf.get("/ru/anything/")
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500 and '<html lang="ru">' in response.content.decode()
    assert len(queries.captured_queries) == 0
