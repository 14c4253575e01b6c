"""Choosing one organisation among thousands works without JavaScript and keeps the page small."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kurultai.followup.models import ResponsibleActor
from kurultai.organisations.models import Organisation
from tests.factories import RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many():
    Organisation.objects.bulk_create(Organisation(slug=f"cso-{n}", name={"en": f"Civil Group {n}"}) for n in range(300))
    from kurultai.core import search

    search.rebuild(["organisation"])
    return Organisation.objects.create(slug="aral-watch", name={"en": "Aral Sea Watch"})


@pytest.fixture
def page(client, many):
    client.force_login(UserFactory(role="editor"))
    rec = RecommendationFactory()
    return client, f"/en/recommendations/{rec.pk}/actor/", rec


def options(html: str) -> list[str]:
    select = re.search(r'<select name="organisation".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d+)"', select)


def test_the_form_does_not_list_every_organisation(page):
    client, url, _rec = page
    html = client.get(url).content.decode()
    assert options(html) == []
    assert 'name="organisation__q"' in html and 'name="organisation__find"' in html and "<script" not in html


def test_find_lists_matches_and_saves_nothing(page, many):
    client, url, _rec = page
    response = client.post(url, {"organisation__q": "aral", "organisation__find": "1", "role": "lead"})
    html = response.content.decode()
    assert response.status_code == 200 and options(html) == [str(many.pk)]
    assert "This field is required" not in html
    assert not ResponsibleActor.objects.exists()
    response = client.post(url, {"organisation__q": "civil group", "organisation__find": "1", "role": "lead"})
    assert len(options(response.content.decode())) == 20  # bounded
    assert "Add words to narrow the search" in response.content.decode()


def test_the_chosen_organisation_is_validated_and_saved(page, many):
    client, url, rec = page
    response = client.post(url, {"organisation__q": "aral", "organisation": many.pk, "role": "lead"})
    assert response.status_code == 302
    assert ResponsibleActor.objects.get(recommendation=rec).organisation == many
    other = Organisation.objects.get(slug="cso-7")  # never listed on the page, still a valid choice
    assert client.post(url, {"organisation": other.pk, "role": "contributing"}).status_code == 302
    bad = client.post(url, {"organisation": "999999999", "role": "lead"}).content.decode()
    assert "Select a valid choice" in bad
    unlisted = Organisation.objects.create(slug="proposed", name={"en": "Proposed"}, is_listed=False)
    assert "Select a valid choice" in client.post(url, {"organisation": unlisted.pk, "role": "lead"}).content.decode()


def test_queries_do_not_grow_with_the_directory(page):
    client, url, _rec = page
    client.get(url)  # the first request of a session also checks consent and second factor
    with CaptureQueriesContext(connection) as small:
        client.post(url, {"organisation__q": "civil group", "organisation__find": "1", "role": "lead"})
    Organisation.objects.bulk_create(
        Organisation(slug=f"more-{n}", name={"en": f"Civil Group more {n}"}) for n in range(300)
    )
    from kurultai.core import search

    search.rebuild(["organisation"])
    with CaptureQueriesContext(connection) as large:
        client.post(url, {"organisation__q": "civil group", "organisation__find": "1", "role": "lead"})
    assert len(large.captured_queries) == len(small.captured_queries) <= 15
