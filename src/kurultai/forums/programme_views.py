"""The programme of a forum (by day, parallel tracks side by side, in the forum's and the reader's time zone),
its speakers, and speakers' photos."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from kurultai.core.holes import personal, render_part
from kurultai.forums import selectors
from kurultai.forums.hooks import online_link_viewers
from kurultai.forums.models import Appearance, Forum, Session, Speaker, valid_time_zone

TZ_COOKIE = "kurultai_tz"
TZ_COOKIE_AGE = 365 * 24 * 60 * 60
# Offered in the time-zone choice; any other IANA name also works through ?tz=.
READER_ZONES = [
    "Asia/Almaty",
    "Asia/Bishkek",
    "Asia/Dushanbe",
    "Asia/Ashgabat",
    "Asia/Tashkent",
    "Asia/Kabul",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Europe/Kyiv",
    "Europe/Berlin",
    "Europe/Brussels",
    "Europe/London",
    "America/New_York",
    "UTC",
]


def visible_forum(request: HttpRequest, slug: str, queryset: QuerySet[Forum] | None = None) -> Forum:
    """A published forum, or a draft for its organisers; anyone else gets 404 for a draft."""
    forums = queryset if queryset is not None else Forum.objects.all()
    forum = get_object_or_404(forums.select_related("series", "country"), slug=slug)
    if not forum.is_published and not request.user.has_perm("forums.view_forum", forum):
        raise Http404
    return forum


@dataclass
class Slot:
    """Sessions starting at the same moment: more than one means parallel tracks."""

    start: dt.datetime | None
    end: dt.datetime | None
    reader_start: dt.datetime | None = None
    reader_end: dt.datetime | None = None
    sessions: list[Session] = field(default_factory=list)

    @property
    def parallel(self) -> bool:
        return len(self.sessions) > 1

    @property
    def columns(self) -> int:
        return min(len(self.sessions), 4)


@dataclass
class Day:
    date: dt.date | None
    slots: list[Slot] = field(default_factory=list)


def reader_zone(request: HttpRequest) -> tuple[str, str | None]:
    """The reader's chosen time zone (``?tz=`` or the remembered cookie) and an error for an unknown one."""
    if "tz" in request.GET:
        chosen = str(request.GET["tz"]).strip()[:64]
        if not chosen:
            return "", None
        if valid_time_zone(chosen):
            return chosen, None
        return "", _("Unknown time zone; choose one from the list.")
    remembered = str(request.COOKIES.get(TZ_COOKIE, ""))[:64]
    return (remembered if valid_time_zone(remembered) else ""), None


def build_days(sessions: list[Session], forum_zone: str, other_zone: str) -> list[Day]:
    """Sessions grouped by local day, then by start time; sessions without a time come last."""
    zone = zoneinfo.ZoneInfo(forum_zone)
    reader = zoneinfo.ZoneInfo(other_zone) if other_zone else None
    days: list[Day] = []
    untimed = Day(None, [Slot(None, None)])
    for session in sessions:
        if session.starts_at is None:
            untimed.slots[0].sessions.append(session)
            continue
        start = session.starts_at.astimezone(zone)
        end = session.ends_at.astimezone(zone) if session.ends_at else None
        if not days or days[-1].date != start.date():
            days.append(Day(start.date()))
        day = days[-1]
        if not day.slots or day.slots[-1].start != start:
            slot = Slot(start, end)
            if reader:
                slot.reader_start = start.astimezone(reader)
                slot.reader_end = end.astimezone(reader) if end else None
            day.slots.append(slot)
        slot = day.slots[-1]
        if end and (slot.end is None or end > slot.end):
            slot.end = end
            if reader:
                slot.reader_end = end.astimezone(reader)
        slot.sessions.append(session)
    for day in days:
        for slot in day.slots:
            slot.sessions.sort(key=lambda s: (s.track, s.number))
    if untimed.slots[0].sessions:
        days.append(untimed)
    return days


@personal("join_link")
def join_link(request: HttpRequest, session: Session, forum: Forum, shape: str = "p") -> str:
    """The session's "Join online" link for the people who may use it (organisers, accepted online participants)."""
    user = request.user
    if not session.online_url or not user.is_authenticated:
        return ""
    session.forum = forum
    if not user.has_perm("forums.organise", forum) and not any(v(user, session) for v in online_link_viewers):
        return ""
    return render_part("forums/_join_link.html", {"url": session.online_url, "shape": shape}, request)


def programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The forum's programme by day and time slot; parallel sessions side by side on wide screens."""
    forum = visible_forum(request, slug)
    chosen, zone_error = reader_zone(request)
    other = chosen if chosen and chosen != forum.zone else ""
    sessions = list(selectors.programme_sessions(forum))
    days = build_days(sessions, forum.zone, other)
    zones = READER_ZONES if not chosen or chosen in READER_ZONES else [chosen, *READER_ZONES]
    response = render(
        request,
        "forums/programme.html",
        {
            "forum": forum,
            "days": days,
            "forum_zone": forum.zone,
            "reader_zone": other,
            "chosen_zone": chosen,
            "zones": zones,
            "zone_error": zone_error,
            "has_tracks": any(slot.parallel for day in days for slot in day.slots),
            "can_organise": request.user.has_perm("forums.organise", forum),
            "nav": "forums",
        },
    )
    if "tz" in request.GET and not zone_error:
        if chosen:
            response.set_cookie(TZ_COOKIE, chosen, max_age=TZ_COOKIE_AGE, samesite="Lax", secure=request.is_secure())
        else:
            response.delete_cookie(TZ_COOKIE, samesite="Lax")
    return response


def speakers(request: HttpRequest, slug: str) -> HttpResponse:
    """Everyone who speaks at the forum, with their affiliation, short biography and sessions."""
    forum = visible_forum(request, slug)
    people = selectors.forum_speakers(forum)
    return render(
        request,
        "forums/speakers.html",
        {"forum": forum, "speakers": people, "forum_zone": forum.zone, "nav": "forums"},
    )


def speaker_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A speaker's photo (resized, re-encoded when uploaded); only of speakers seen on a published forum."""
    speaker = get_object_or_404(Speaker.objects.exclude(photo=""), pk=pk)
    public = Appearance.objects.filter(speaker=speaker, forum__is_published=True).exists()
    if not public and not request.user.has_perm("forums.organise"):
        raise Http404
    if speaker.content_type not in ("image/jpeg", "image/png") or not default_storage.exists(speaker.photo.name):
        raise Http404
    response = FileResponse(default_storage.open(speaker.photo.name, "rb"), content_type=speaker.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    return response
