"""What people follow here (a consultation, the dialogue stream) and the news it sends.

Moderation decisions on anyone's content (``core.moderation``) are told to its author from here too: the
``moderation.decided`` event goes to the author alone.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core import moderation
from kurultai.core.text import plain_excerpt
from kurultai.dialogue.models import Consultation, Position
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Followable, Message, Stream, events, followables, streams


def _consultation(event: Event) -> Consultation | None:
    target = event.target
    return target if isinstance(target, Consultation) else None


def _new_consultation(event: Event) -> Message:
    c = _consultation(event)
    if c is None:
        return Message(title=_("A new consultation"))
    return Message(
        title=_("New consultation: %(title)s") % {"title": c.title},
        text=plain_excerpt(str(c.question)),
        path=c.get_absolute_url(),
    )


def _phase(event: Event) -> Message:
    c = _consultation(event)
    if c is None:
        return Message(title=_("A consultation you follow changed its phase"))
    return Message(
        title=_("“%(title)s” is now: %(phase)s")
        % {"title": c.title, "phase": Consultation.Phase(event.params.get("phase", c.phase)).label},
        path=c.get_absolute_url(),
    )


def _report(event: Event) -> Message:
    c = _consultation(event)
    if c is None:
        return Message(title=_("A consultation published its report"))
    return Message(
        title=_("Report published: %(title)s") % {"title": c.title},
        text=plain_excerpt(str(c.report)),
        path=c.get_absolute_url() + "#report",
    )


def _position(event: Event, title: str) -> Message:
    p = event.target
    if not isinstance(p, Position) or p.is_hidden:
        return Message(title=title % {"title": "", "organisation": ""})
    return Message(title=title % {"title": p, "organisation": p.organisation}, path=p.get_absolute_url())


def _opened(event: Event) -> Message:
    return _position(event, _("%(organisation)s asks organisations to co-sign “%(title)s”"))


def _confirm(event: Event) -> Message:
    return _position(event, _("“%(title)s” has a new version: please read it and confirm your signature"))


def _submitted(event: Event) -> Message:
    return _position(event, _("“%(title)s” by %(organisation)s was submitted to its addressees"))


def _decided(event: Event) -> Message:
    action = event.params.get("action", "")
    reason = event.params.get("reason", "")
    path = event.params.get("path", "")
    if action == moderation.ModerationAction.HIDDEN:
        return Message(title=_("A moderator hid what you wrote: %(reason)s") % {"reason": reason}, path=path)
    if action == moderation.ModerationAction.APPROVED:
        return Message(title=_("A moderator approved what you wrote; it is visible now"), path=path)
    return Message(title=_("A moderator restored what you wrote: %(reason)s") % {"reason": reason}, path=path)


followables.register(Followable(kind="consultation", label=gettext_lazy("Consultation"), model=Consultation))
streams.register(Stream(key="dialogue", label=gettext_lazy("Consultations and positions"), dimensions=()))
for code, label, render, public in (
    ("dialogue.consultation", gettext_lazy("New consultation"), _new_consultation, True),
    ("dialogue.phase", gettext_lazy("Consultation opened or closed"), _phase, True),
    ("dialogue.report", gettext_lazy("Consultation report published"), _report, True),
    ("dialogue.position", gettext_lazy("Position open for co-signature"), _opened, True),
    ("dialogue.confirm", gettext_lazy("New version of a position you signed"), _confirm, False),
    ("dialogue.submitted", gettext_lazy("Position submitted to addressees"), _submitted, True),
    ("moderation.decided", gettext_lazy("A moderator's decision on what you wrote"), _decided, False),
):
    events.register(EventType(code=code, label=label, render=render, public=public))


def tell_author(sender: Any, obj: Any, action: Any, actor: Any, reason: str, **kwargs: Any) -> None:
    """The author hears of a moderator's decision on their content (never of who reported it)."""
    from kurultai.notifications import services

    author = moderation.author_of(obj)
    if author is None or author == actor:
        return
    path = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
    services.emit(
        "moderation.decided",
        obj,
        actor=actor,
        recipients=[author],
        params={"action": str(action.value if hasattr(action, "value") else action), "reason": reason, "path": path},
    )


moderation.decided.connect(tell_author, dispatch_uid="dialogue.tell_author")
