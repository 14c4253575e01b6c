"""Forum programmes in calendar apps: programme.ics, one session's .ics, the forums calendar and the page links."""

import datetime as dt

import icalendar
import pytest

from kurultai.core.models import Country
from tests.factories import ForumFactory, SessionFactory

pytestmark = pytest.mark.django_db

SITE = "https://kurultai.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def forum():
    forum = ForumFactory(
        slug="2030-tashkent",
        title={"en": "Forum in Tashkent", "ru": "Форум в Ташкенте"},
        city={"en": "Tashkent"},
        country=Country.objects.get(code="UZ"),
        start_date=dt.date(2030, 3, 10),
    )
    start = dt.datetime(2030, 3, 10, 4, 0, tzinfo=dt.UTC)
    for number in (1, 2):
        SessionFactory(
            forum=forum,
            number=number,
            title={"en": f"Session on topic {number}", "ru": f"Сессия {number}"},
            room=f"Hall {number}",
            starts_at=start + dt.timedelta(hours=2 * number),
            ends_at=start + dt.timedelta(hours=2 * number + 1),
        )
    return forum


def calendar(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_programme_has_one_event_per_session_in_the_forums_time_zone(client, forum):
    cal = calendar(client, "/en/forums/2030-tashkent/programme.ics")
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Session on topic 1", "Session on topic 2"]
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tashkent"]
    first = events[0]
    assert first.decoded("DTSTART") == dt.datetime(2030, 3, 10, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    assert first["DTSTART"].params["TZID"] == "Asia/Tashkent"
    session = forum.sessions.get(number=1)
    assert str(first["UID"]) == f"session-{session.pk}@kurultai.example.org"
    assert str(first["URL"]) == f"{SITE}/en/forums/2030-tashkent/sessions/1/"
    assert str(first["LOCATION"]) == "Hall 1; Tashkent, Uzbekistan"
    assert first.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(hours=-1)


def test_an_edited_session_keeps_its_uid_and_raises_its_sequence(client, forum):
    before = calendar(client, "/en/forums/2030-tashkent/programme.ics").walk("VEVENT")[0]
    session = forum.sessions.get(number=1)
    session.room = "Hall 7"
    session.save()
    after = calendar(client, "/en/forums/2030-tashkent/programme.ics").walk("VEVENT")[0]
    assert after["UID"] == before["UID"]
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert str(after["LOCATION"]).startswith("Hall 7")
    # Reading the programme in another language is not an edit.
    russian = calendar(client, "/ru/forums/2030-tashkent/programme.ics").walk("VEVENT")[0]
    assert str(russian["SUMMARY"]) == "Сессия 1" and russian["SEQUENCE"] == 1


def test_without_session_times_the_forum_is_one_all_day_event(client):
    forum = ForumFactory(start_date=dt.date(2030, 1, 28), end_date=dt.date(2030, 1, 30))
    SessionFactory(forum=forum)
    (vevent,) = calendar(client, f"/en/forums/{forum.slug}/programme.ics").walk("VEVENT")
    assert str(vevent["UID"]) == f"forum-{forum.pk}@kurultai.example.org"
    assert vevent.decoded("DTSTART") == dt.date(2030, 1, 28) and vevent.decoded("DTEND") == dt.date(2030, 1, 31)
    assert vevent.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(days=-1)


def test_one_session_calendar(client, forum):
    (vevent,) = calendar(client, "/en/forums/2030-tashkent/sessions/2.ics").walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Session on topic 2"
    untimed = SessionFactory(forum=forum, number=3)
    assert client.get(f"/en/forums/2030-tashkent/sessions/{untimed.number}.ics").status_code == 404
    assert client.get("/en/forums/2030-tashkent/sessions/99.ics").status_code == 404


def test_unpublished_forums_have_no_calendar(client, forum):
    forum.is_published = False
    forum.save()
    assert client.get("/en/forums/2030-tashkent/programme.ics").status_code == 404
    assert client.get("/en/forums/2030-tashkent/sessions/1.ics").status_code == 404
    assert client.get("/en/forums/calendar.ics").content.count(b"BEGIN:VEVENT") == 0


def test_forums_calendar_has_every_published_edition_with_known_dates(client, forum):
    ForumFactory(date_precision="year", title={"en": "Only the year is known"})
    cal = calendar(client, "/en/forums/calendar.ics")
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Forum in Tashkent"]


def test_forum_and_session_pages_offer_the_calendar(client, forum):
    html = client.get("/en/forums/2030-tashkent/").content.decode()
    assert 'href="/en/forums/2030-tashkent/programme.ics"' in html
    assert 'href="webcal://kurultai.example.org/en/forums/2030-tashkent/programme.ics"' in html
    html = client.get("/en/forums/2030-tashkent/sessions/1/").content.decode()
    assert 'href="/en/forums/2030-tashkent/sessions/1.ics"' in html
