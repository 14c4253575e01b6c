"""Opportunity deadlines as calendar events, with reminders a week and a day before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from kurultai.core.calendars import CalendarEvent, event_uid, register_personal_source
from kurultai.core.text import markdown_to_text
from kurultai.opportunities.models import Opportunity

REMINDERS = (dt.timedelta(days=7), dt.timedelta(days=1))


def deadline_event(opportunity: Opportunity) -> CalendarEvent | None:
    """The deadline as a timed event on the donor's clock; None for rolling calls."""
    if opportunity.deadline is None:
        return None
    donor = str(opportunity.donor) if opportunity.donor_id else ""
    title = _("Deadline: %(title)s") % {"title": opportunity.title}
    description = "\n\n".join(p for p in (donor, markdown_to_text(str(opportunity.summary))[:1500]) if p)
    return CalendarEvent(
        uid=event_uid(opportunity),
        title=title,
        start=opportunity.deadline,
        time_zone=opportunity.time_zone,
        path=opportunity.get_absolute_url(),
        description=description,
        reminders=REMINDERS,
        revision=[str(opportunity.title), opportunity.deadline.isoformat(), opportunity.time_zone, donor,
                  opportunity.stage],
    )  # fmt: skip


def deadline_events(opportunities: Iterable[Opportunity]) -> list[CalendarEvent]:
    return [event for o in opportunities if (event := deadline_event(o))]


@register_personal_source
def followed_and_saved(user: Any) -> list[CalendarEvent]:
    """Deadlines of the opportunities a person saved or follows."""
    from kurultai.notifications.selectors import followed_keys

    followed = {int(k) for k in followed_keys(user, "opportunity") if k.isdigit()}
    queryset = Opportunity.objects.published().filter(deadline__isnull=False).select_related("donor")
    chosen = queryset.filter(pk__in=followed) | queryset.filter(saved_by__user=user)
    return deadline_events(chosen.distinct())
