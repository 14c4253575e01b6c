"""What following a working group tells people: new meetings, published minutes, adopted plans, and the follow-up
of the plan's actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kurultai.core.text import plain_excerpt
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Followable, Message, events, followables
from kurultai.workinggroups.models import WorkingGroup


def _render(template, event: Event) -> Message:
    item = event.target
    if item is None:
        return Message(title=str(gettext_lazy("A working group you follow has news")))
    if hasattr(item, "plan"):  # an adopted version
        group, path, title = item.plan.group, item.plan.get_absolute_url(), str(item.plan.title)
        text = plain_excerpt(str(item.plan.summary))
    else:  # a meeting
        group, path, title = item.group, item.get_absolute_url(), str(item.title)
        text = plain_excerpt(str(item.agenda))
    return Message(title=str(template) % {"group": group, "title": title}, text=text, path=path)


followables.register(
    Followable(kind="working_group", label=gettext_lazy("Working group"), model=WorkingGroup, key_field="slug")
)
events.register(
    EventType(
        code="workinggroups.meeting",
        label=gettext_lazy("New working group meeting"),
        render=lambda e: _render(gettext_lazy("%(group)s: new meeting — %(title)s"), e),
        public=True,
    )
)
events.register(
    EventType(
        code="workinggroups.minutes",
        label=gettext_lazy("Minutes of a working group meeting"),
        render=lambda e: _render(gettext_lazy("%(group)s: minutes of %(title)s"), e),
        public=True,
    )
)
events.register(
    EventType(
        code="workinggroups.plan_adopted",
        label=gettext_lazy("Action plan adopted"),
        render=lambda e: _render(gettext_lazy("%(group)s adopted the action plan %(title)s"), e),
        public=True,
    )
)
