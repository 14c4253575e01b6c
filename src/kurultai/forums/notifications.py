"""What people follow in the forums app: a forum edition (and through it, everything about its outcome), and the
news it sends: a forum is published, its programme changes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.templatetags.kurultai import date_range
from kurultai.forums.models import Forum
from kurultai.notifications.models import Event
from kurultai.notifications.registry import (
    Dimension,
    EventType,
    Followable,
    Message,
    dimensions,
    events,
    followables,
)

PUBLISHED = "forums.published"
PROGRAMME_CHANGED = "forums.programme_changed"

followables.register(
    Followable(
        kind="forum", label=gettext_lazy("Forum"), model=Forum, key_field="slug", visible=lambda qs: qs.published()
    )
)


def _forums() -> list[tuple[str, str]]:
    return [(f.slug, str(f)) for f in Forum.objects.published()]


dimensions.register(Dimension(key="forum", label=gettext_lazy("Forums"), choices=_forums))


def topics_of(forum: Forum) -> dict[str, list[Any]]:
    """Who hears about a forum: its followers, and followers of its host country and themes."""
    return {
        "forum": [forum.slug],
        "country": [forum.country.code] if forum.country_id else [],
        "theme": [t.slug for t in forum.themes.all()],
    }


def _when_where(forum: Forum) -> str:
    if forum.date_precision == Forum.DatePrecision.DAY:
        when = str(date_range(forum.start_date, forum.end_date))
    else:
        when = str(forum.start_date.year)
    place = ", ".join(str(p) for p in (forum.city, forum.country or "") if str(p))
    return " · ".join(p for p in (when, place) if p)


def _published(event: Event) -> Message:
    forum = event.target
    if forum is None or not forum.is_published:
        return Message(title=_("A forum was published"))
    text = " · ".join(p for p in (str(forum.theme), _when_where(forum)) if p)
    return Message(
        title=_("Forum published: %(forum)s") % {"forum": forum.title}, text=text[:500], path=forum.get_absolute_url()
    )


def _programme_changed(event: Event) -> Message:
    forum = event.target
    if forum is None or not forum.is_published:
        return Message(title=_("A forum's programme changed"))
    session = str(event.params.get("session", ""))
    text = _("Session: %(title)s") % {"title": session} if session else ""
    return Message(
        title=_("Programme changed: %(forum)s") % {"forum": forum.title},
        text=text[:500],
        path=reverse("forums:programme", kwargs={"slug": forum.slug}),
    )


events.register(EventType(PUBLISHED, gettext_lazy("Forum published"), _published, public=True))
events.register(EventType(PROGRAMME_CHANGED, gettext_lazy("Forum programme changed"), _programme_changed))
