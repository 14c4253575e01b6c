"""What people follow in the knowledge hub (the "knowledge" stream by theme, country and type; single practices)
and the news it sends: review steps to reviewers, publishers and contributors, new practices to followers of their
themes, messages and visit requests to the people behind a practice or a site."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.text import plain_excerpt
from kurultai.knowledge import hub
from kurultai.knowledge.models import DemoSite, Practice, PracticeVersion
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


def topics_of_version(version: PracticeVersion) -> dict[str, list[Any]]:
    """Who hears of a published practice: its followers, the stream, its themes, its country."""
    return {
        "stream": ["knowledge"],
        "practice": [version.practice_id],
        "theme": [t.slug for t in version.themes.all()],
        "country": [version.country.code] if version.country_id else [],
        "knowledge_type": ["practice"],
    }


def _version(event: Event) -> PracticeVersion | None:
    target = event.target
    return target if isinstance(target, PracticeVersion) else None


def _draft_path(event: Event) -> str:
    version = _version(event)
    return reverse("knowledge:practice_draft", kwargs={"pk": version.practice_id}) if version else ""


def _submitted(event: Event) -> Message:
    version = _version(event)
    title = str(version.title) if version else ""
    return Message(title=_("A good practice waits for review: “%(title)s”") % {"title": title}, path=_draft_path(event))


def _passed(event: Event) -> Message:
    version = _version(event)
    title = str(version.title) if version else ""
    return Message(
        title=_("A reviewed good practice waits for a publisher: “%(title)s”") % {"title": title},
        text=str(event.params.get("comment", ""))[:500],
        path=_draft_path(event),
    )


def _returned(event: Event) -> Message:
    version = _version(event)
    title = str(version.title) if version else ""
    return Message(
        title=_("Your good practice “%(title)s” was returned with comments") % {"title": title},
        text=str(event.params.get("comment", ""))[:500],
        path=_draft_path(event),
    )


def _published(event: Event) -> Message:
    version = _version(event)
    if version is None:
        return Message(title=_("A new good practice"))
    return Message(
        title=_("Good practice published: %(title)s") % {"title": version.title},
        text=plain_excerpt(str(version.summary), 300),
        path=version.practice.get_absolute_url(),
    )


def _contact(event: Event) -> Message:
    practice = event.target
    title = str(practice) if isinstance(practice, Practice) else ""
    return Message(
        title=_("%(name)s wrote to you about “%(title)s”") % {"name": event.params.get("sender", ""), "title": title},
        text=str(event.params.get("text", ""))[:1500],
        path=reverse("knowledge:practice", kwargs={"pk": practice.pk}) if isinstance(practice, Practice) else "",
    )


def _visit(event: Event) -> Message:
    site = event.target
    name = str(site) if isinstance(site, DemoSite) else ""
    text = _("When: %(when)s · visitors: %(size)s") % {
        "when": event.params.get("when", ""),
        "size": event.params.get("group_size", ""),
    }
    return Message(
        title=_("%(name)s asks to visit “%(site)s”") % {"name": event.params.get("sender", ""), "site": name},
        text=f"{text}\n{str(event.params.get('text', ''))[:1500]}",
        path=site.get_absolute_url() if isinstance(site, DemoSite) else "",
    )


def _site_proposed(event: Event) -> Message:
    site = event.target
    name = str(site) if isinstance(site, DemoSite) else ""
    return Message(
        title=_("A demonstration site waits for a publisher: “%(site)s”") % {"site": name},
        text=_("Proposed by its host, %(host)s.") % {"host": event.params.get("host", "")},
        path=site.get_absolute_url() if isinstance(site, DemoSite) else "",
    )


def _site_decided(event: Event) -> Message:
    site = event.target
    name = str(site) if isinstance(site, DemoSite) else ""
    if event.params.get("published"):
        title = _("Your demonstration site “%(site)s” was published") % {"site": name}
    else:
        title = _("Your demonstration site “%(site)s” was not accepted") % {"site": name}
    return Message(
        title=title,
        text=str(event.params.get("note", ""))[:1000],
        path=site.get_absolute_url() if isinstance(site, DemoSite) else "",
    )


followables.register(
    Followable(
        kind="practice",
        label=gettext_lazy("Good practice"),
        model=Practice,
        visible=lambda qs: qs.published(),
    )
)
streams.register(
    Stream(
        key="knowledge",
        label=gettext_lazy("Knowledge hub"),
        dimensions=("theme", "country", "knowledge_type"),
    )
)
dimensions.register(
    Dimension(
        key="knowledge_type",
        label=gettext_lazy("Kinds of knowledge"),
        choices=lambda: [(key, str(label)) for key, label in hub.types()],
    )
)
events.register(EventType("knowledge.submitted", gettext_lazy("Good practice submitted for review"), _submitted))
events.register(EventType("knowledge.passed", gettext_lazy("Good practice passed to a publisher"), _passed))
events.register(EventType("knowledge.returned", gettext_lazy("Good practice returned with comments"), _returned))
events.register(EventType("knowledge.published", gettext_lazy("New good practice published"), _published, public=True))
events.register(EventType("knowledge.contact", gettext_lazy("Message about a good practice"), _contact))
events.register(EventType("knowledge.visit", gettext_lazy("Request to visit a demonstration site"), _visit))
events.register(
    EventType("knowledge.site_proposed", gettext_lazy("Demonstration site proposed by its host"), _site_proposed)
)
events.register(
    EventType("knowledge.site_decided", gettext_lazy("Decision on a proposed demonstration site"), _site_decided)
)
