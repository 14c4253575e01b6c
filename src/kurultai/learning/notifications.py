"""The news the learning app sends: cohort announcements and reminders, to the people concerned only."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.text import plain_excerpt
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Message, events


def _announcement(event: Event) -> Message:
    cohort = event.target
    if cohort is None:
        return Message(title=_("A course announcement"))
    return Message(
        title=_("Announcement in “%(cohort)s”") % {"cohort": cohort.name},
        text=plain_excerpt(str(event.params.get("text", "")), 500),
        path=cohort.get_absolute_url(),
    )


def _reminder(event: Event) -> Message:
    cohort = event.target
    if cohort is None:
        return Message(title=_("Your course is waiting for you"))
    return Message(
        title=_("Your course “%(course)s” is waiting for you") % {"course": cohort.course.title},
        text=_("Continue where you left off."),
        path=cohort.course.get_absolute_url(),
    )


events.register(EventType("learning.announcement", gettext_lazy("Announcement to a course cohort"), _announcement))
events.register(EventType("learning.reminder", gettext_lazy("Reminder to continue a course"), _reminder))
