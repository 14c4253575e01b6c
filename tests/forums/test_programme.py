"""The public programme: days and parallel slots, the reader's time zone, speakers, private online links and
drafts that only organisers see."""

import datetime as dt
import gzip

import pytest

from kurultai.core.models import Country
from kurultai.forums import hooks
from tests.factories import ForumFactory, RecommendationFactory, SessionFactory, UserFactory
from tests.forums.factories import AppearanceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def _forum(**extra):
    return ForumFactory(
        start_date=dt.date(2031, 5, 20),
        end_date=dt.date(2031, 5, 21),
        country=Country.objects.get(code="KG"),
        **extra,
    )


def _slot(forum, start_utc_hour, count, day=20, first_number=1):
    sessions = []
    for i in range(count):
        start = dt.datetime(2031, 5, day, start_utc_hour, tzinfo=dt.UTC)
        sessions.append(
            SessionFactory(
                forum=forum,
                number=first_number + i,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
                room=f"Hall {i + 1}",
                track=f"Group {i + 1}",
                online_url=f"https://meet.example.org/private-{first_number + i}",
            )
        )
    return sessions


def test_days_slots_and_times_in_the_forums_and_the_readers_zone(client):
    forum = _forum()
    _slot(forum, 3, 1)  # 09:00 Bishkek plenary
    _slot(forum, 5, 2, first_number=2)  # 11:00 two parallel groups
    _slot(forum, 4, 1, day=21, first_number=4)
    html = client.get(f"/en/forums/{forum.slug}/programme/").content.decode()
    assert "Asia/Bishkek" in html
    assert html.index("20 May 2031</h2>") < html.index("21 May 2031</h2>")
    assert html.count("tracks-2") == 1 and html.count("tracks-1") == 2
    assert "09:00" in html and "11:00" in html and "10:00" in html

    response = client.get(f"/en/forums/{forum.slug}/programme/?tz=Europe/Berlin")
    html = response.content.decode()
    assert response.cookies["kurultai_tz"].value == "Europe/Berlin"
    assert "Your time (Europe/Berlin)" in html
    assert "(<time" in html and "05:00" in html  # 09:00 in Bishkek is 05:00 in Berlin (summer time)
    remembered = client.get(f"/en/forums/{forum.slug}/programme/").content.decode()
    assert "Your time (Europe/Berlin)" in remembered

    response = client.get(f"/en/forums/{forum.slug}/programme/?tz=Mars/Olympus")
    assert response.status_code == 200
    assert "Unknown time zone" in response.content.decode()
    response = client.get(f"/en/forums/{forum.slug}/programme/?tz=")
    assert "Your time" not in response.content.decode()


def test_online_links_only_for_organisers_and_registered_viewers(client):
    forum = _forum()
    session = _slot(forum, 5, 1)[0]
    member = UserFactory()
    pages = [f"/en/forums/{forum.slug}/programme/", session.get_absolute_url()]
    for url in pages:
        assert "private-1" not in client.get(url).content.decode()
    client.force_login(member)
    for url in pages:
        assert "private-1" not in client.get(url).content.decode()

    def registered(user, s):
        return user.pk == member.pk and s.pk == session.pk

    hooks.register_online_link_viewer(registered)
    try:
        for url in pages:
            assert "private-1" in client.get(url).content.decode()
    finally:
        hooks.online_link_viewers.remove(registered)
    client.force_login(UserFactory(role="editor"))
    assert "private-1" in client.get(pages[0]).content.decode()
    api = client.get(f"/api/v1/forums/{forum.slug}").content.decode()
    assert "private-1" not in api


def test_drafts_are_invisible_to_visitors_and_marked_for_organisers(client):
    forum = _forum(is_published=False, title={"en": "Zebracorn draft forum"}, slug="zebra-draft")
    session = _slot(forum, 5, 1)[0]
    RecommendationFactory(forum=forum, session=session)
    AppearanceFactory(session=session)
    urls = [
        "/en/forums/zebra-draft/",
        "/en/forums/zebra-draft/programme/",
        "/en/forums/zebra-draft/speakers/",
        session.get_absolute_url(),
        "/en/forums/zebra-draft/programme.ics",
        "/en/forums/zebra-draft/sessions/1.ics",
        "/api/v1/forums/zebra-draft",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for url in (
        "/en/forums/",
        "/en/forums/feed.atom",
        "/en/forums/calendar.ics",
        "/api/v1/forums",
        "/en/search/?q=Zebracorn",
    ):
        assert "Zebracorn draft" not in client.get(url).content.decode(), url
    member = UserFactory()
    client.force_login(member)
    assert client.get(urls[1]).status_code == 404
    client.force_login(UserFactory(role="editor"))
    for url in urls[:4]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "only organisers can see this forum" in response.content.decode()


def test_speakers_page_lists_people_with_their_roles(client):
    forum = _forum()
    session = _slot(forum, 5, 1)[0]
    speaker = SpeakerFactory(name={"en": "Nurlan Example"}, bio={"en": "Runs a youth centre."})
    AppearanceFactory(session=session, speaker=speaker, role="rapporteur")
    html = client.get(f"/en/forums/{forum.slug}/speakers/").content.decode()
    assert "Nurlan Example" in html and "Runs a youth centre." in html and "Rapporteur" in html


def test_programme_budget_bytes_and_constant_queries(client, django_assert_max_num_queries):
    forum = _forum()
    _slot(forum, 3, 2)
    url = f"/en/forums/{forum.slug}/programme/"
    client.cookies["seen"] = "1"  # past the anonymous page cache: measure the rendering itself
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    number = 3
    for hour in range(4, 12):
        for session in _slot(forum, hour, 2, first_number=number):
            for _ in range(2):
                AppearanceFactory(session=session)
        number += 2
    with django_assert_max_num_queries(len(small)):
        response = client.get(url)
    assert response.status_code == 200
    assert len(gzip.compress(response.content)) <= 14 * 1024
    with django_assert_max_num_queries(len(small)):
        assert client.get(f"/en/forums/{forum.slug}/speakers/").status_code == 200
