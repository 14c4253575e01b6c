"""Long lists count their rows once per content version: a page view after no write asks no COUNT, and any
write that changes the list shows in the count at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kurultai.organisations.models import Organisation
from tests.factories import RecommendationFactory
from tests.factories_more import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def view(client, path):
    client.cookies["nocache"] = "1"  # no stored page: the view runs
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(path).content.decode()
    return html, [q["sql"] for q in ctx.captured_queries]


def test_directory_counts_once_and_sees_new_organisations(client):
    OrganisationFactory.create_batch(3)
    html, _ = view(client, "/en/organisations/")
    assert "3 organisations" in html
    html, queries = view(client, "/en/organisations/")
    assert "3 organisations" in html
    assert not [q for q in queries if "COUNT(" in q.upper()], "the count and network sizes come from the cache"
    OrganisationFactory()
    html, _ = view(client, "/en/organisations/")
    assert "4 organisations" in html
    Organisation.objects.filter(slug=Organisation.objects.order_by("pk").first().slug).update(is_listed=False)
    Organisation.objects.order_by("pk").first().save()  # a save, as every change through the platform is
    html, _ = view(client, "/en/organisations/")
    assert "3 organisations" in html


def test_network_sizes_follow_membership(client):
    network = NetworkFactory()
    first, second = OrganisationFactory.create_batch(2)
    first.networks.add(network)
    html, _ = view(client, "/en/organisations/")
    assert f"{network.name['en']}</a> <span class=\"meta\">(1)" in html
    second.networks.add(network)
    html, _ = view(client, "/en/organisations/")
    assert f"{network.name['en']}</a> <span class=\"meta\">(2)" in html


def test_recommendation_list_counts_once_and_sees_new_ones(client):
    RecommendationFactory.create_batch(2)
    html, _ = view(client, "/en/recommendations/")
    assert "2 recommendations" in html
    _html, queries = view(client, "/en/recommendations/")
    assert not [q for q in queries if "COUNT(" in q.upper() and "forums_recommendation" in q]
    RecommendationFactory()
    html, _ = view(client, "/en/recommendations/")
    assert "3 recommendations" in html


def test_words_found_nowhere_give_an_empty_list_and_dashboard(client):
    RecommendationFactory()
    page = client.get("/en/recommendations/?q=zzqxv")
    assert page.status_code == 200 and "0 recommendations" in page.content.decode()
    dashboard = client.get("/en/follow-up/?q=zzqxv")
    assert dashboard.status_code == 200 and "0% (0 of 0 have a formal response)" in dashboard.content.decode()
