"""Atom feeds: absolute links, named authors, stable ids, the page's language and no active content."""

import re

import feedparser
import pytest

from kurultai.followup.models import ProgressUpdate, Response
from kurultai.forums.models import Addressee
from kurultai.organisations.models import Organisation, PartnerRequest
from tests.factories import ForumFactory, RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "https://kurultai.example.org"
HOSTILE = "Done. <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) See the report."
ACTIVE = ("<script", "script>", "onerror", "javascript:", "alert(")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def news():
    """A recommendation with one hostile response and one hostile progress update."""
    ministry = Organisation.objects.create(slug="ministry", name={"en": "Ministry of Ecology"})
    rec = RecommendationFactory()
    author = UserFactory(email="focal.point@ministry.example.org", display_name="Aigerim")
    response = Response.objects.create(
        recommendation=rec,
        addressee=Addressee.objects.get(code="governments"),
        organisation=ministry,
        status="accepted",
        text={"en": HOSTILE},
        author=author,
    )
    update = ProgressUpdate.objects.create(
        recommendation=rec, status="in_progress", text={"en": HOSTILE}, reporter="secretariat", author=author
    )
    return {"rec": rec, "response": response, "update": update, "author": author}


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content.decode(), feedparser.parse(response.content)


def test_followup_feed_carries_no_script_handler_or_javascript_link(client, news):
    raw, feed = fetch(client, "/en/follow-up/feed/")
    assert not feed.bozo
    assert len(feed.entries) == 2
    for entry in feed.entries:
        assert "Done." in entry.summary and "See the report." in entry.summary
    lowered = raw.lower()
    for needle in ACTIVE:
        assert needle not in lowered, needle


def test_followup_feed_links_ids_and_authors(client, news):
    raw, feed = fetch(client, "/en/follow-up/feed/")
    assert feed.feed.link == f"{SITE}/en/follow-up/"
    assert feed.feed.language == "en"
    by_id = {entry.id: entry for entry in feed.entries}
    response_id = f"tag:kurultai.example.org,2025:followup.response/{news['response'].pk}"
    update_id = f"tag:kurultai.example.org,2025:followup.progressupdate/{news['update'].pk}"
    assert set(by_id) == {response_id, update_id}
    rec_url = f"{SITE}/en/recommendations/{news['rec'].pk}/"
    assert all(entry.link == rec_url for entry in feed.entries)
    assert by_id[response_id].author == "Ministry of Ecology"
    assert by_id[update_id].author == "Forum secretariat"
    assert all(entry.updated for entry in feed.entries)
    assert news["author"].email not in raw and "@" not in raw


def test_followup_feed_keeps_its_filters(client, news):
    other = RecommendationFactory(session__forum=ForumFactory())
    ProgressUpdate.objects.create(recommendation=other, status="planned", text={"en": "Planned."}, reporter="cso")
    _raw, feed = fetch(client, f"/en/follow-up/feed/?forum={other.forum.slug}")
    assert [entry.summary for entry in feed.entries] == ["<p>Planned.</p>"]
    assert len(fetch(client, "/en/follow-up/feed/?country=UZ")[1].entries) == 3
    assert len(fetch(client, "/en/follow-up/feed/?theme=no-such-theme")[1].entries) == 0


def test_a_feed_speaks_the_language_of_its_address(client, news):
    _raw, feed = fetch(client, "/ru/follow-up/feed/")
    assert feed.feed.language == "ru"
    assert feed.entries[0].link.startswith(f"{SITE}/ru/")


def test_entry_ids_do_not_change_when_a_record_is_edited(client):
    forum = ForumFactory(title={"en": "Forum on water"})
    _raw, before = fetch(client, "/en/forums/feed.atom")
    forum.title = {"en": "Forum on water and energy"}
    forum.save()
    _raw, after = fetch(client, "/en/forums/feed.atom")
    assert before.entries[0].id == after.entries[0].id == f"tag:kurultai.example.org,2025:forums.forum/{forum.pk}"
    assert after.entries[0].title == "Forum on water and energy"
    assert after.entries[0].updated_parsed >= before.entries[0].updated_parsed


def test_forum_feed_lists_published_editions_only(client):
    ForumFactory(title={"en": "Published forum"}, theme={"en": "Water <script>alert(1)</script>"})
    ForumFactory(title={"en": "Draft forum"}, is_published=False)
    raw, feed = fetch(client, "/en/forums/feed.atom")
    assert [entry.title for entry in feed.entries] == ["Published forum"]
    assert feed.entries[0].link.startswith(f"{SITE}/en/forums/")
    assert "<script" not in raw and "alert(" not in raw


def test_directory_and_partner_feeds_are_signed_by_organisations_not_people(client):
    cso = Organisation.objects.create(
        slug="green-steppe", name={"en": "Green Steppe"}, description={"en": "Water. <img src=x onerror=alert(1)>"}
    )
    person = UserFactory(email="secret.person@example.org", display_name="Dana")
    PartnerRequest.objects.create(
        organisation=cso, author=person, title={"en": "Partners for a water project"}, purpose={"en": HOSTILE}
    )
    raw, feed = fetch(client, "/en/organisations/feed.atom")
    assert feed.entries[0].title == "Green Steppe" and feed.entries[0].author == "Green Steppe"
    assert feed.entries[0].link == f"{SITE}/en/organisations/green-steppe/"
    assert "onerror" not in raw
    raw, feed = fetch(client, "/en/partners/feed.atom")
    assert feed.entries[0].title == "Partners for a water project"
    assert feed.entries[0].author == "Green Steppe"
    assert "secret.person" not in raw and "Dana" not in raw
    for needle in ACTIVE:
        assert needle not in raw.lower(), needle


ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">')


def alternates(client, url):
    html = client.get(url).content.decode()
    head = html.split("</head>")[0]
    return [(kind, href) for kind, _title, href in ALTERNATE.findall(head)]


def test_recommendation_list_advertises_a_feed_that_parses(client, news):
    links = alternates(client, "/en/recommendations/")
    assert ("application/atom+xml", "/en/follow-up/feed/") in links
    _raw, feed = fetch(client, "/en/follow-up/feed/")
    assert len(feed.entries) == 2
    filtered = alternates(client, "/en/recommendations/?theme=climate-change&country=UZ&page=2")
    assert ("application/atom+xml", "/en/follow-up/feed/?theme=climate-change&amp;country=UZ") in filtered


@pytest.mark.parametrize(
    ("page", "kind", "href"),
    [
        ("/en/", "application/atom+xml", "/en/forums/feed.atom"),
        ("/en/", "application/atom+xml", "/en/follow-up/feed/"),
        ("/en/forums/", "application/atom+xml", "/en/forums/feed.atom"),
        ("/en/forums/", "text/calendar", "/en/forums/calendar.ics"),
        ("/en/follow-up/", "application/atom+xml", "/en/follow-up/feed/"),
        ("/en/organisations/", "application/atom+xml", "/en/organisations/feed.atom"),
        ("/en/partners/", "application/atom+xml", "/en/partners/feed.atom"),
    ],
)
def test_list_pages_advertise_their_feeds(client, page, kind, href):
    ForumFactory()
    assert (kind, href) in alternates(client, page)
    response = client.get(href)
    assert response.status_code == 200 and response["Content-Type"].startswith(kind)
    if kind == "application/atom+xml":
        assert not feedparser.parse(response.content).bozo


def test_forum_page_advertises_its_news_and_programme(client):
    forum = ForumFactory()
    links = alternates(client, forum.get_absolute_url())
    assert ("application/atom+xml", f"/en/follow-up/feed/?forum={forum.slug}") in links
    assert ("text/calendar", f"/en/forums/{forum.slug}/programme.ics") in links
