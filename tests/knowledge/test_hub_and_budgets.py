"""The hub's home (thematic areas with counts, sections registered by other apps), page weight and queries."""

from __future__ import annotations

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext_lazy as _

from kurultai.knowledge import hub
from kurultai.knowledge.models import Practice, PracticeVersion
from tests.factories import UserFactory
from tests.knowledge.factories_knowledge import published_practice, site
from tests.test_budgets import HTML_BUDGET, QUERY_BUDGET

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_home_counts_themes_and_shows_registered_sections(client):
    published_practice("Drip lines", themes=("water-saving", "climate-change"))
    published_practice("Tanks", themes=("water-saving",))
    hidden = published_practice("Not yet", themes=("water-saving",))
    Practice.objects.filter(pk=hidden.pk).update(current=None)
    PracticeVersion.objects.filter(practice=hidden).update(status="draft")
    site(themes=None)
    hub.register_section(_("Sample section"), "knowledge:sites", lambda: 7, description=_("Registered by an app."))
    try:
        page = client.get("/en/knowledge/").content.decode()
    finally:
        hub._sections.pop("knowledge:sites", None)
    assert "Sample section" in page and "Registered by an app." in page and ">7<" in page
    water_saving = page[page.index("?theme=water-saving") :][:200]
    assert "2 practices" in water_saving
    assert "Drip lines" in page and "Not yet" not in page
    assert "Demonstration garden" in page


@pytest.mark.parametrize("url", ["/en/knowledge/", "/en/knowledge/practices/", "/en/knowledge/sites/"])
def test_lists_queries_do_not_grow_and_pages_stay_light(client, url):
    published_practice("First")
    site()
    small = queries(client, url)
    for n in range(8):
        published_practice(f"Practice {n}", themes=("water-saving", "youth", "climate-change"))
        site(name={"en": f"Site {n}"}, region=f"Region {n % 3}")
    large = queries(client, url)
    assert large == small and large <= QUERY_BUDGET
    body = client.get(url).content
    assert len(gzip.compress(body, compresslevel=6)) <= HTML_BUDGET


def test_practice_page_queries_stay_within_budget(client):
    few = published_practice("Few")
    many = published_practice("Many", themes=("water-saving", "youth", "climate-change", "health"))
    for n in range(3):
        other = published_practice(f"Copy {n}")
        other.inspired_by.add(many)
    many_queries, few_queries = queries(client, many.get_absolute_url()), queries(client, few.get_absolute_url())
    assert many_queries == few_queries and many_queries <= QUERY_BUDGET
    body = client.get(many.get_absolute_url()).content
    assert len(gzip.compress(body, compresslevel=6)) <= HTML_BUDGET


def test_the_practice_form_stays_within_the_page_budget(client):
    client.force_login(UserFactory())
    body = client.get("/en/knowledge/practices/new/").content
    assert len(gzip.compress(body, compresslevel=6)) <= HTML_BUDGET


def test_the_knowledge_stream_can_be_followed_by_theme_and_kind(client):
    from kurultai.notifications.models import Subscription

    member = UserFactory()
    client.force_login(member)
    page = client.get("/en/account/notifications/new/?stream=knowledge&knowledge_type=practice")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kinds of knowledge" in text and "Good practice" in text and "Demonstration site" in text
    assert not Subscription.objects.filter(user=member).exists()
