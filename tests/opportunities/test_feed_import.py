"""Donor feeds read from a small site on 127.0.0.1 into the editors' queue, never straight to the public."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kurultai.core.models import AuditEntry
from kurultai.opportunities import importer
from kurultai.opportunities.models import DonorFeed, Opportunity
from tests.factories import UserFactory
from tests.opportunities.factories_opportunities import OrganisationFactory
from tests.opportunities.feed_server import DonorSite

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    with DonorSite() as server:
        yield server


@pytest.fixture
def editor():
    return UserFactory(role="editor")


def register(client, site, name="eu-calls.rss", donor=None):
    donor = donor or OrganisationFactory(type="eu", slug="eu-delegation-tj")
    response = client.post(
        "/en/opportunities/sources/",
        {"name": "EU Delegation calls", "url": site.url(name), "donor": donor.pk, "kind": "call",
         "time_zone": "Europe/Brussels"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    return DonorFeed.objects.get(url=site.url(name))


def test_an_editor_registers_a_feed_and_its_entries_wait_as_drafts(client, site, editor):
    client.force_login(editor)
    feed = register(client, site)
    response = client.post("/en/opportunities/sources/", {"action": "read", "feed": feed.pk}, follow=True)
    assert "3 new drafts" in response.content.decode()
    drafts = Opportunity.objects.filter(feed=feed).order_by("pk")
    assert drafts.count() == 3 and {d.status for d in drafts} == {"proposed"}
    water = drafts[0]
    assert str(water.title) == "Civil society for water governance in Tajikistan"
    assert water.source_id == "EuropeAid/182001/DD/ACT/TJ" and water.donor == feed.donor
    assert "<script>" not in str(water.summary) and "alert" not in str(water.summary)
    assert water.deadline == dt.datetime(2031, 3, 14, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    assert drafts[1].deadline.date() == dt.date(2031, 4, 30)
    assert drafts[2].deadline is None
    # Nothing reaches the public before an editor publishes it.
    client.logout()
    assert "water governance" not in client.get("/en/opportunities/").content.decode()
    assert client.get(water.get_absolute_url()).status_code == 404
    # The review queue lists them; reading again adds nothing.
    client.force_login(editor)
    assert "water governance" in client.get("/en/opportunities/review/").content.decode()
    assert len(importer.read_feed(feed).created) == 0
    assert Opportunity.objects.count() == 3
    assert AuditEntry.objects.filter(action="opportunity.feed_imported").count() == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-feed.html", "does not return an RSS or Atom feed"),
        ("huge.xml", "larger than 2 MB"),
        ("gone", "HTTP status 404"),
    ],
)
def test_a_feed_that_cannot_be_read_says_why_and_writes_nothing(client, site, editor, name, message):
    client.force_login(editor)
    feed = register(client, site, name=name)
    response = client.post("/en/opportunities/sources/", {"action": "read", "feed": feed.pk}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Opportunity.objects.exists()
    feed.refresh_from_db()
    assert message in feed.last_error


def test_the_scheduled_reading_goes_on_past_a_broken_feed(site, editor):
    importer.add_feed(editor, name="Broken", url=site.url("not-a-feed.html"))
    importer.add_feed(editor, name="Good", url=site.url("eu-calls.rss"))
    assert importer.read_all_feeds() == {"created": 3, "failed": 1}


def test_bad_feed_registrations_are_refused(client, site, editor):
    client.force_login(editor)
    register(client, site)
    response = client.post(
        "/en/opportunities/sources/",
        {"name": "Again", "url": site.url("eu-calls.rss"), "kind": "call", "time_zone": "Europe/Brussels"},
    )
    assert "registered already" in response.content.decode()
    response = client.post(
        "/en/opportunities/sources/",
        {"name": "Zone", "url": site.url("other.rss"), "kind": "call", "time_zone": "Atlantis/Capital"},
    )
    assert "Unknown time zone" in response.content.decode()
    assert DonorFeed.objects.count() == 1


def test_members_cannot_register_or_read_feeds(client, site):
    client.force_login(UserFactory())
    assert client.get("/en/opportunities/sources/").status_code == 403
    assert client.post("/en/opportunities/sources/", {"name": "x", "url": site.url("eu-calls.rss")}).status_code == 403
    assert site.requests == []
