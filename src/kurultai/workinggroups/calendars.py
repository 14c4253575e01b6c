"""Working group meetings in the group's calendar and in the personal calendar of its members' people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kurultai.core.calendars import CalendarEvent, event_uid, register_personal_source
from kurultai.core.text import markdown_to_text
from kurultai.workinggroups.models import GroupMembership, Meeting


def meeting_event(meeting: Meeting) -> CalendarEvent:
    return CalendarEvent(
        uid=event_uid(meeting),
        title=f"{meeting.group}: {meeting.title}",
        start=meeting.starts_at,
        end=meeting.ends_at,
        time_zone=meeting.time_zone,
        path=meeting.get_absolute_url(),
        location=meeting.online_url or str(meeting.place),
        description=markdown_to_text(str(meeting.agenda))[:1500],
        revision=[str(meeting.title), meeting.starts_at.isoformat(), str(meeting.ends_at), meeting.time_zone,
                  meeting.online_url, str(meeting.place)],
    )  # fmt: skip


def meeting_events(meetings: Iterable[Meeting]) -> list[CalendarEvent]:
    return [meeting_event(m) for m in meetings]


@register_personal_source
def members_meetings(user: Any) -> list[CalendarEvent]:
    """Meetings of the groups the person's organisations belong to or that they convene."""
    from django.db.models import Q

    from kurultai.organisations.models import Membership

    if not getattr(user, "is_authenticated", False):
        return []
    orgs = Membership.objects.filter(user=user, status=Membership.Status.APPROVED).values("organisation")
    meetings = (
        Meeting.objects.filter(
            Q(group__memberships__organisation__in=orgs, group__memberships__status=GroupMembership.Status.APPROVED)
            | Q(group__conveners=user)
        )
        .select_related("group")
        .distinct()[:200]
    )
    return meeting_events(meetings)
