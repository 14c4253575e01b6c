"""The news the participation app sends: what happened to a person's registration (received, confirmed,
wait-listed, promoted, declined, cancelled, changed) and the reminder before the forum. Each goes only to the
registered person, in their language, with the forum's programme as an .ics file where it helps."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.text import absolute_url
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Message, events

PREFIX = "participation.registration_"
# What happened to a registration → the label people see in their notification settings and the admin.
KINDS = {
    "applied": gettext_lazy("Application for a forum received"),
    "accepted": gettext_lazy("Forum registration confirmed"),
    "waitlisted": gettext_lazy("Put on a forum's waiting list"),
    "promoted": gettext_lazy("Promoted from a forum's waiting list"),
    "declined": gettext_lazy("Forum application declined"),
    "cancelled": gettext_lazy("Forum registration cancelled"),
    "format_changed": gettext_lazy("Forum registration changed"),
    "reminder": gettext_lazy("Reminder before a forum"),
}
# Which messages carry the forum's programme as an .ics file.
WITH_CALENDAR = {"applied", "accepted", "waitlisted", "promoted", "format_changed", "reminder"}


def code_for(kind: str) -> str:
    return PREFIX + (kind if kind in KINDS else "format_changed")


def _title(kind: str, forum) -> str:
    titles = {
        "applied": _("Application received — %(forum)s"),
        "accepted": _("Your place is confirmed — %(forum)s"),
        "promoted": _("A place has become free for you — %(forum)s"),
        "waitlisted": _("You are on the waiting list — %(forum)s"),
        "declined": _("About your application — %(forum)s"),
        "cancelled": _("Registration cancelled — %(forum)s"),
        "reminder": _("Soon: %(forum)s"),
    }
    return titles.get(kind, _("Your registration has changed — %(forum)s")) % {"forum": forum.title}


def calendar_of(forum) -> bytes:
    """The forum's whole programme as an iCalendar file."""
    from kurultai.core.calendars import build_calendar
    from kurultai.forums.calendars import programme_events

    sessions = forum.sessions.order_by("starts_at", "number")
    return build_calendar(programme_events(forum, sessions), str(forum.title))


def render_registration(event: Event) -> Message:
    """The message about a registration, in the active language (the recipient's)."""
    kind = event.code.removeprefix(PREFIX)
    registration = event.target
    if registration is None:
        return Message(title=str(KINDS.get(kind, _("Your registration has changed"))))
    forum = registration.call.forum
    path = reverse("participation:mine", kwargs={"slug": forum.slug})
    context = {
        "registration": registration,
        "forum": forum,
        "kind": kind,
        "with_calendar": kind in WITH_CALENDAR,
        "site_name": settings.SITE_NAME,
        "page_url": absolute_url(path),
    }
    text = render_to_string("participation/email/message.txt", context).strip()
    attachments = ()
    if kind in WITH_CALENDAR:
        ics = calendar_of(forum)
        attachments = ((f"{forum.slug}.ics", ics if isinstance(ics, bytes) else ics.encode(), "text/calendar"),)
    return Message(title=_title(kind, forum), text=text, path=path, attachments=attachments)


for _kind, _label in KINDS.items():
    events.register(EventType(PREFIX + _kind, _label, render_registration))
