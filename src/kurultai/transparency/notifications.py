"""What people follow here (a donor project, the transparency stream) and the news it sends: monitoring notes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.text import plain_excerpt
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Followable, Message, Stream, events, followables, streams
from kurultai.transparency.models import Activity, MonitoringNote


def topics_of(note: MonitoringNote) -> dict[str, list[Any]]:
    """Who hears of a monitoring note: followers of the project, its countries, its donor, the stream."""
    activity = note.activity
    return {
        "stream": ["transparency"],
        "project": [activity.pk],
        "country": [a.code for a in activity.areas.all() if a.kind == "country"],
        "donor": [activity.reporting_org_ref] if activity.reporting_org_ref else [],
        "organisation": [note.organisation.slug],
    }


def _note_posted(event: Event) -> Message:
    note = event.target
    if not isinstance(note, MonitoringNote) or note.is_hidden:
        return Message(title=_("A donor project you follow has a new monitoring note"))
    return Message(
        title=_("%(organisation)s on “%(project)s”: %(rating)s")
        % {"organisation": note.organisation, "project": note.activity, "rating": note.get_rating_display()},
        text=plain_excerpt(str(note.text)),
        path=note.get_absolute_url(),
    )


followables.register(Followable(kind="project", label=gettext_lazy("Donor project"), model=Activity))
streams.register(
    Stream(key="transparency", label=gettext_lazy("Donor projects and monitoring"), dimensions=("country",))
)
events.register(
    EventType(
        code="transparency.note",
        label=gettext_lazy("Monitoring note on a donor project"),
        render=_note_posted,
        public=True,
    )
)
