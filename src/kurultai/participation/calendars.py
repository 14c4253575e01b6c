"""The personal agenda in people's calendars: the sessions they chose at forums they registered for."""

from __future__ import annotations

from typing import Any

from kurultai.core.calendars import CalendarEvent, register_personal_source


@register_personal_source
def chosen_sessions(user: Any) -> list[CalendarEvent]:
    from kurultai.forums.calendars import session_event
    from kurultai.forums.models import Session
    from kurultai.participation.models import Registration

    forums = Registration.objects.filter(user=user).active().values("call__forum")
    sessions = Session.objects.filter(agenda_items__user=user, forum__in=forums).select_related("forum__country")
    return [event for session in sessions if (event := session_event(session, session.forum))]
