"""iCalendar documents for every app: stable UIDs, time zones, reminders, and each person's secret calendar link.

An app turns its records into ``CalendarEvent`` values and hands them to ``calendar_response``. UIDs
(``session-12@kurultai.example.org``) never change, and ``SEQUENCE``/``LAST-MODIFIED`` move on when an event's
content changes (``kurultai.core.stamps``), so subscribed calendars replace an event instead of duplicating it.
Apps add to the personal calendar (``/calendar/<token>.ics``) with ``register_personal_source`` in their
``calendars.py`` module, which is discovered at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import F
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from kurultai.core import audit
from kurultai.core.feeds import site_host
from kurultai.core.models import CalendarKey
from kurultai.core.stamps import stamps
from kurultai.core.text import absolute_url

CONTENT_TYPE = "text/calendar; charset=utf-8"
TOKEN_SALT = "kurultai.core.calendar"  # noqa: S105 - a namespace, not a secret
TIMED_REMINDER = dt.timedelta(hours=-1)
ALL_DAY_REMINDER = dt.timedelta(days=-1)
# Where a country has several zones, the one its capital or forums use.
COUNTRY_ZONES = {
    "KZ": "Asia/Almaty",
    "KG": "Asia/Bishkek",
    "TJ": "Asia/Dushanbe",
    "TM": "Asia/Ashgabat",
    "UZ": "Asia/Tashkent",
    "AF": "Asia/Kabul",
    "EU": "Europe/Brussels",
}


@audit.actions
class CalendarAction(models.TextChoices):
    RESET_LINK = "calendar.reset_link", gettext_lazy("Reset the personal calendar link")


@dataclass
class CalendarEvent:
    """One event: ``start``/``end`` are aware datetimes (timed) or dates (all day, ``end`` inclusive)."""

    uid: str
    title: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None = None
    time_zone: str = ""
    path: str = ""
    location: str = ""
    description: str = ""
    revision: Any = field(default=None)
    # How long before the start each reminder rings (one alarm each); the default reminder when empty.
    reminders: tuple[dt.timedelta, ...] = ()

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


def event_uid(obj: Any) -> str:
    """``<model>-<pk>@<site host>``: the same for an event in every calendar and language, for ever."""
    return f"{obj._meta.model_name}-{obj.pk}@{site_host()}"


@cache
def _zone_table() -> dict[str, str]:
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    table: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and not line.startswith("#"):
            table.setdefault(parts[0], parts[2])
    return table


def country_time_zone(code: str | None) -> str:
    """The IANA time zone of a country code (the site's zone when unknown)."""
    code = (code or "").upper()
    return COUNTRY_ZONES.get(code) or _zone_table().get(code) or settings.TIME_ZONE


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def build_calendar(events: Iterable[CalendarEvent], name: str, description: str = "") -> bytes:
    """An iCalendar document (RFC 5545) with VTIMEZONEs, one VEVENT and one VALARM per event.

    Side effects: records change stamps (``kurultai.core.stamps``) for events seen for the first time or changed.
    """
    events = list(events)
    found = stamps({f"ics:{e.uid}": e.revision if e.revision is not None else e.__dict__ for e in events})
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{settings.SITE_NAME}//Kurultai//{(get_language() or 'en').upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", description)
    cal.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    days: list[dt.date] = []
    for event in events:
        stamp = found[f"ics:{event.uid}"]
        cal.add_component(_vevent(event, stamp.sequence, stamp.changed_at))
        days.append(event.start.date() if isinstance(event.start, dt.datetime) else event.start)
    if days:
        cal.add_missing_timezones(
            first_date=min(days) - dt.timedelta(days=31), last_date=max(days) + dt.timedelta(days=366)
        )
    return cal.to_ical()


def _vevent(event: CalendarEvent, sequence: int, changed_at: dt.datetime) -> icalendar.Event:
    # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545 §3.8.7.2), like LAST-MODIFIED.
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", changed_at.astimezone(dt.UTC))
    vevent.add("last-modified", changed_at.astimezone(dt.UTC))
    vevent.add("sequence", sequence)
    vevent.add("summary", event.title)
    if event.all_day:
        end = event.end if isinstance(event.end, dt.date) and event.end >= event.start else event.start
        vevent.add("dtstart", event.start)
        vevent.add("dtend", end + dt.timedelta(days=1))
    else:
        zone = _zone(event.time_zone)
        vevent.add("dtstart", event.start.astimezone(zone))
        if isinstance(event.end, dt.datetime) and event.end > event.start:
            vevent.add("dtend", event.end.astimezone(zone))
    if event.path:
        vevent.add("url", absolute_url(event.path))
    if event.location:
        vevent.add("location", event.location)
    link = absolute_url(event.path) if event.path else ""
    description = "\n\n".join(part for part in (event.description, link) if part)
    if description:
        vevent.add("description", description)
    for before in event.reminders or [-(ALL_DAY_REMINDER if event.all_day else TIMED_REMINDER)]:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event.title)
        alarm.add("trigger", -before)
        vevent.add_component(alarm)
    return vevent


def calendar_response(events: Iterable[CalendarEvent], name: str, filename: str, description: str = "") -> HttpResponse:
    """Serve events as ``text/calendar``; subscribers poll it, so it is never stored in shared caches."""
    response = HttpResponse(build_calendar(events, name, description), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def webcal_url(path: str) -> str:
    """The ``webcal://`` address of a calendar path: calendar apps subscribe to it instead of importing once."""
    url = absolute_url(path)
    return "webcal://" + url.split("://", 1)[1]


# The personal calendar: a secret, revocable link per person.


def _signer() -> signing.Signer:
    return signing.Signer(salt=TOKEN_SALT)


def _generation(user: Any) -> int:
    return CalendarKey.objects.filter(user=user).values_list("generation", flat=True).first() or 0


def calendar_token(user: Any) -> str:
    """The secret part of a person's calendar link (``12-0:signature``); valid until they reset it."""
    return _signer().sign(f"{user.pk}-{_generation(user)}")


def user_from_calendar_token(token: str) -> Any | None:
    """The active person a calendar token belongs to, or None for a forged, reset or erased one."""
    from django.contrib.auth import get_user_model

    try:
        value = _signer().unsign(token)
        pk, generation = (int(part) for part in value.split("-"))
    except (signing.BadSignature, ValueError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None or getattr(user, "erased_at", None) or _generation(user) != generation:
        return None
    return user


def reset_calendar_token(user: Any) -> str:
    """Make every earlier calendar link of this person stop working and return the new token.

    Side effects: raises the person's ``CalendarKey`` generation; writes an audit entry.
    """
    if not CalendarKey.objects.filter(user=user).update(generation=F("generation") + 1):
        CalendarKey.objects.bulk_create([CalendarKey(user=user, generation=1)], ignore_conflicts=True)
    audit.record(user, CalendarAction.RESET_LINK, user)
    return calendar_token(user)


def personal_calendar_urls(user: Any) -> dict[str, str]:
    """The https and webcal addresses of a person's calendar, for their notifications page."""
    path = reverse("core:personal_calendar", kwargs={"token": calendar_token(user)})
    return {"https": absolute_url(path), "webcal": webcal_url(path)}


PersonalSource = Callable[[Any], Iterable[CalendarEvent]]
_personal_sources: list[PersonalSource] = []


def register_personal_source(source: PersonalSource) -> PersonalSource:
    """Decorator: ``source(user)`` yields the events this app puts in a person's calendar."""
    if source not in _personal_sources:
        _personal_sources.append(source)
    return source


def personal_events(user: Any) -> list[CalendarEvent]:
    """Everything every app puts in this person's calendar, in time order."""
    events = [event for source in _personal_sources for event in source(user)]

    def when(event: CalendarEvent) -> dt.datetime:
        if isinstance(event.start, dt.datetime):
            return event.start
        return dt.datetime.combine(event.start, dt.time(), tzinfo=_zone(event.time_zone))

    return sorted(events, key=when)


def personal_calendar_name() -> str:
    return _("%(site)s: what I follow") % {"site": settings.SITE_NAME}
