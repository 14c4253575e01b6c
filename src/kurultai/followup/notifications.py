"""What the follow-up tells followers: responses, progress updates and assessments on recommendations."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.text import plain_excerpt
from kurultai.forums.models import Addressee, Recommendation
from kurultai.notifications.models import Event
from kurultai.notifications.registry import (
    Dimension,
    EventType,
    Followable,
    Message,
    Stream,
    dimensions,
    events,
    followables,
    streams,
)


def topics_of(target: Any) -> dict[str, list[Any]]:
    """Everything a tracked subject is about: who follows any of these hears of it."""
    from kurultai.followup.models import Trackable

    if isinstance(target, Trackable):
        if target.kind != "recommendation":
            spec = target.kind_spec
            extra = spec.topics(target.subject) if spec.topics is not None else {}
            return {"stream": ["followup"], **extra}
        target = target.subject
    return recommendation_topics(target)


def recommendation_topics(rec: Recommendation) -> dict[str, list[Any]]:
    """Everything a recommendation is about."""
    return {
        "stream": ["followup"],
        "recommendation": [rec.pk],
        "forum": [rec.forum.slug],
        "theme": [t.slug for t in rec.themes.all()],
        "country": [c.code for c in rec.countries.all()],
        "addressee": [a.code for a in rec.addressees.all()],
    }


def _target(event: Event) -> Any:
    """The response, update or assessment, with its recommendation; None when deleted since."""
    return event.target


def _render(template: str, event: Event) -> Message:
    item = _target(event)
    trackable = getattr(item, "trackable", None) if item is not None else None
    subject = trackable.subject if trackable is not None else None
    if subject is None:
        return Message(title=_("A recommendation you follow has news"))
    params = {"reference": subject.reference if trackable.kind == "recommendation" else trackable.title}
    if hasattr(item, "addressee"):
        params["addressee"] = str(item.addressee) if item.addressee_id else ""
    if hasattr(item, "organisation"):
        params["organisation"] = str(item.organisation) if getattr(item, "organisation_id", None) else ""
    params["status"] = str(item.get_status_display())
    title = str(template) % params
    text = plain_excerpt(str(item.text) or str(getattr(subject, "text", "")))
    return Message(title=title, text=text, path=trackable.get_absolute_url())


def _addressees() -> list[tuple[str, str]]:
    return [(a.code, str(a)) for a in Addressee.objects.all()]


followables.register(
    Followable(
        kind="recommendation",
        label=gettext_lazy("Recommendation"),
        model=Recommendation,
        visible=lambda qs: qs.published().select_related("forum", "session"),
    )
)
streams.register(
    Stream(
        key="followup",
        label=gettext_lazy("Follow-up of recommendations"),
        dimensions=("country", "theme", "addressee", "forum"),
    )
)
dimensions.register(Dimension(key="addressee", label=gettext_lazy("Addressed to"), choices=_addressees))
events.register(
    EventType(
        code="followup.response",
        label=gettext_lazy("Response to a recommendation"),
        render=lambda e: _render(gettext_lazy("%(reference)s: new response from %(addressee)s — %(status)s"), e),
        public=True,
    )
)
events.register(
    EventType(
        code="followup.update",
        label=gettext_lazy("Progress update on a recommendation"),
        render=lambda e: _render(gettext_lazy("%(reference)s: progress update — %(status)s"), e),
        public=True,
    )
)
events.register(
    EventType(
        code="followup.assessment",
        label=gettext_lazy("Civil society assessment of a recommendation"),
        render=lambda e: _render(gettext_lazy("%(reference)s: assessment by %(organisation)s — %(status)s"), e),
        public=True,
    )
)
