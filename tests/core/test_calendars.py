"""iCalendar documents and the personal calendar link."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from kurultai.core.calendars import (
    CalendarEvent,
    build_calendar,
    calendar_token,
    country_time_zone,
    personal_calendar_urls,
    reset_calendar_token,
    user_from_calendar_token,
)
from kurultai.notifications.services import subscribe
from tests.factories import ForumFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://kurultai.example.org"


def event(**changes) -> CalendarEvent:
    values = {
        "uid": "session-1@kurultai.example.org",
        "title": "Water and climate",
        "start": dt.datetime(2025, 1, 28, 10, 0, tzinfo=dt.UTC),
        "end": dt.datetime(2025, 1, 28, 11, 30, tzinfo=dt.UTC),
        "time_zone": "Asia/Almaty",
        "path": "/en/forums/2025-almaty/sessions/1/",
        "location": "Hall A; Almaty, Kazakhstan",
        "description": "What the session is for.",
    }
    values.update(changes)
    values.setdefault("revision", [values["title"], values["start"], values["end"]])
    return CalendarEvent(**values)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def only_event(cal: icalendar.Calendar) -> icalendar.Event:
    (vevent,) = cal.walk("VEVENT")
    return vevent


def test_a_timed_event_in_its_own_time_zone_with_a_reminder():
    cal = parse(build_calendar([event()], "Programme"))
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Almaty"]
    vevent = only_event(cal)
    assert vevent["UID"] == "session-1@kurultai.example.org"
    start = vevent.decoded("DTSTART")
    assert start.tzinfo.key == "Asia/Almaty" and start == dt.datetime(2025, 1, 28, 15, 0, tzinfo=ALMATY)
    assert vevent.decoded("DTEND") - start == dt.timedelta(minutes=90)
    assert str(vevent["URL"]) == "https://kurultai.example.org/en/forums/2025-almaty/sessions/1/"
    assert str(vevent["LOCATION"]) == "Hall A; Almaty, Kazakhstan"
    assert "What the session is for." in str(vevent["DESCRIPTION"])
    (alarm,) = vevent.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=-1) and str(alarm["ACTION"]) == "DISPLAY"
    assert vevent.decoded("DTSTAMP") == vevent.decoded("LAST-MODIFIED")


def test_an_all_day_event_ends_the_day_after_and_reminds_a_day_before():
    cal = parse(build_calendar([event(uid="forum-1@x", start=dt.date(2025, 1, 28), end=dt.date(2025, 1, 30))], "F"))
    vevent = only_event(cal)
    assert vevent.decoded("DTSTART") == dt.date(2025, 1, 28)
    assert vevent.decoded("DTEND") == dt.date(2025, 1, 31)
    assert vevent.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(days=-1)


def test_an_edit_keeps_the_uid_and_raises_the_sequence():
    first = only_event(parse(build_calendar([event()], "P")))
    again = only_event(parse(build_calendar([event()], "P")))
    moved = event(start=dt.datetime(2025, 1, 28, 11, 0, tzinfo=dt.UTC), title="Water, climate and energy")
    edited = only_event(parse(build_calendar([moved], "P")))
    assert first["UID"] == again["UID"] == edited["UID"]
    assert (first["SEQUENCE"], again["SEQUENCE"], edited["SEQUENCE"]) == (0, 0, 1)
    assert edited.decoded("LAST-MODIFIED") >= first.decoded("LAST-MODIFIED")


def test_country_time_zones():
    assert country_time_zone("KZ") == "Asia/Almaty"
    assert country_time_zone("UZ") == "Asia/Tashkent"
    assert country_time_zone("be") == "Europe/Brussels"
    assert country_time_zone(None) == "Asia/Almaty"  # the site's zone


def test_calendar_tokens_are_signed_and_revocable():
    person, other = UserFactory(), UserFactory()
    token = calendar_token(person)
    assert user_from_calendar_token(token) == person
    assert user_from_calendar_token(token.replace(f"{person.pk}-", f"{other.pk}-", 1)) is None
    assert user_from_calendar_token("garbage") is None
    new = reset_calendar_token(person)
    assert new != token
    assert user_from_calendar_token(token) is None
    assert user_from_calendar_token(new) == person
    person.is_active = False
    person.save()
    assert user_from_calendar_token(new) is None


def follow_forum_with_sessions(person):
    forum = ForumFactory(title={"en": "Followed forum"})
    start = dt.datetime(2030, 5, 1, 4, 0, tzinfo=dt.UTC)
    for hours, title in ((0, "Opening"), (2, "Water")):
        SessionFactory(
            forum=forum,
            title={"en": title},
            starts_at=start + dt.timedelta(hours=hours),
            ends_at=start + dt.timedelta(hours=hours + 1),
        )
    subscribe(user=person, terms={"forum": [forum.slug]}, channels=[])
    return forum


def test_personal_calendar_lists_the_sessions_of_followed_forums(client):
    person = UserFactory()
    follow_forum_with_sessions(person)
    other = ForumFactory(title={"en": "Not followed"})
    SessionFactory(forum=other, title={"en": "Elsewhere"}, starts_at=dt.datetime(2030, 6, 1, 4, 0, tzinfo=dt.UTC))
    urls = personal_calendar_urls(person)
    assert urls["https"].startswith("https://kurultai.example.org/en/calendar/")
    assert urls["webcal"] == urls["https"].replace("https://", "webcal://")
    response = client.get(urls["https"].removeprefix("https://kurultai.example.org"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = parse(response.content)
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Opening", "Water"]
    assert cal.walk("VTIMEZONE") and all(e.walk("VALARM") for e in cal.walk("VEVENT"))


def test_a_reset_link_stops_the_old_calendar_address(client):
    person = UserFactory()
    follow_forum_with_sessions(person)
    old = personal_calendar_urls(person)["https"].removeprefix("https://kurultai.example.org")
    client.force_login(person)
    response = client.post("/en/calendar/new-link/", {"next": "/en/account/notifications/"})
    assert response.status_code == 302 and response["Location"] == "/en/account/notifications/"
    client.logout()
    assert client.get(old).status_code == 404
    new = personal_calendar_urls(person)["https"].removeprefix("https://kurultai.example.org")
    assert new != old and client.get(new).status_code == 200


def test_reset_needs_a_signed_in_post(client):
    assert client.post("/en/calendar/new-link/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/en/calendar/new-link/").status_code == 405
    response = client.post("/en/calendar/new-link/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/en/account/"


def test_the_calendar_snippet_shows_both_addresses_to_its_owner_only(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template import RequestContext, Template

    template = Template("{% load sharing %}{% personal_calendar %}")
    person = UserFactory()
    request = rf.get("/en/account/notifications/")
    request.user = person
    page = template.render(RequestContext(request, {}))
    urls = personal_calendar_urls(person)
    assert f'href="{urls["webcal"]}"' in page and f'value="{urls["https"]}"' in page
    assert 'action="/en/calendar/new-link/"' in page and "csrfmiddlewaretoken" in page
    request.user = AnonymousUser()
    assert "calendar" not in template.render(RequestContext(request, {}))
