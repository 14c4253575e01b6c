"""Calendars of forums: every edition, one forum's programme, one session."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kurultai.core.calendars import calendar_response
from kurultai.forums import selectors
from kurultai.forums.calendars import forum_event, programme_events, session_event


def forums_calendar(request: HttpRequest) -> HttpResponse:
    """Every published edition with known dates as an all-day event."""
    events = [event for forum in selectors.published_forums() if (event := forum_event(forum))]
    name = _("%(site)s: forums") % {"site": settings.SITE_NAME}
    return calendar_response(events, name, "forums.ics")


def programme_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """A forum's programme: one event per timed session, else the forum itself (same visibility as its page)."""
    forum = get_object_or_404(selectors.published_forums(), slug=slug)
    events = programme_events(forum, forum.sessions.order_by("starts_at", "number"))
    name = _("%(forum)s: programme") % {"forum": forum.title}
    return calendar_response(events, name, f"{forum.slug}.ics", description=str(forum.theme))


def session_calendar(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """One session; a session without a time yet has no calendar entry of its own."""
    forum = get_object_or_404(selectors.published_forums(), slug=slug)
    session = get_object_or_404(forum.sessions, number=number)
    event = session_event(session, forum)
    if event is None:
        raise Http404(_("This session has no time yet; add the forum's programme instead."))
    return calendar_response([event], str(session.title), f"{forum.slug}-session-{session.number}.ics")
