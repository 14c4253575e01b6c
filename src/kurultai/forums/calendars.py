"""Forums and sessions as calendar events: programmes, the forum calendar and people's personal calendars."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from kurultai.core.calendars import CalendarEvent, event_uid, register_personal_source
from kurultai.core.text import markdown_to_text
from kurultai.forums.models import Forum, Session
from kurultai.forums.selectors import published_forums


def forum_time_zone(forum: Forum) -> str:
    """Where the forum takes place decides the clock its sessions are shown in."""
    return forum.zone


def _place(forum: Forum) -> str:
    return ", ".join(str(part) for part in (forum.city, forum.country if forum.country_id else "") if str(part))


def forum_event(forum: Forum) -> CalendarEvent | None:
    """The whole forum as an all-day event; None while only its month or year is known."""
    if forum.date_precision != Forum.DatePrecision.DAY:
        return None
    description = "\n\n".join(p for p in (str(forum.theme), markdown_to_text(str(forum.concept))[:1500]) if p)
    return CalendarEvent(
        uid=event_uid(forum),
        title=str(forum.title),
        start=forum.start_date,
        end=forum.end_date,
        time_zone=forum_time_zone(forum),
        path=forum.get_absolute_url(),
        location=_place(forum),
        description=description,
        revision=[forum.title, forum.theme, forum.start_date, forum.end_date, forum.city, forum.country_id],
    )


def session_event(session: Session, forum: Forum) -> CalendarEvent | None:
    """A session with a start time as a timed event (None when its time is not known)."""
    if session.starts_at is None:
        return None
    location = "; ".join(p for p in (session.room, _place(forum)) if p)
    # The online link is never part of a calendar file: those are public and get forwarded.
    parts = [str(session.purpose)]
    if session.room:
        parts.append(_("Room: %(room)s") % {"room": session.room})
    parts.append(str(forum.title))
    return CalendarEvent(
        uid=event_uid(session),
        title=str(session.title),
        start=session.starts_at,
        end=session.ends_at,
        time_zone=forum_time_zone(forum),
        path=session.get_absolute_url(),
        location=location,
        description="\n\n".join(p for p in parts if p),
        revision=[
            session.title,
            session.purpose,
            session.starts_at,
            session.ends_at,
            session.room,
            forum.title,
            forum.city,
            forum.country_id,
            forum.time_zone,
        ],
    )


def programme_events(forum: Forum, sessions: Iterable[Session]) -> list[CalendarEvent]:
    """One event per timed session; the forum as one all-day event when no session has a time yet."""
    events = [event for session in sessions if (event := session_event(session, forum))]
    if not events and (whole := forum_event(forum)):
        events.append(whole)
    return events


def forums_sessions(forums: Iterable[Forum]) -> list[CalendarEvent]:
    """The programmes of several forums, in two queries."""
    forums = list(forums)
    sessions: dict[int, list[Session]] = {forum.pk: [] for forum in forums}
    for session in Session.objects.filter(forum__in=forums).order_by("starts_at", "number"):
        sessions[session.forum_id].append(session)
    return [event for forum in forums for event in programme_events(forum, sessions[forum.pk])]


@register_personal_source
def followed_forums(user: Any) -> list[CalendarEvent]:
    """The programmes of the forums the person follows."""
    from kurultai.notifications.selectors import followed_keys

    slugs = followed_keys(user, "forum")
    if not slugs:
        return []
    return forums_sessions(published_forums().filter(slug__in=slugs))
