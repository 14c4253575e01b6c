"""Moderation shared by every app that takes people's text: reports, a queue, hide and restore with a reason.

A model takes part by inheriting :class:`Moderated` and registering with :func:`register` (in its app's
``ready()``). Its pages, feeds, search entries and API show only ``objects.visible()`` (or, where a page keeps
the place of a hidden item, its public reason instead of its text). Anyone signed in reports an item
(:func:`report`, link: ``core/moderation_report_link.html``); moderators work through ``/moderation/`` and hide,
restore, dismiss the reports or approve content held for review. Every decision is audited and sent as the
``decided`` signal (the dialogue app tells the author). Hidden content stays in the database, so restoring it
loses nothing. Hiding also takes the record out of the search index at once; restoring puts it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.accounts.roles import is_member, is_moderator
from kurultai.core.audit import actions, record
from kurultai.core.moderation_models import ModerationReport, ReportReason

MAX_REASON = 500
MAX_DETAILS = 1000


@actions
class ModerationAction(models.TextChoices):
    HIDDEN = "moderation.hidden", gettext_lazy("Content hidden by a moderator")
    RESTORED = "moderation.restored", gettext_lazy("Content restored by a moderator")
    REPORTED = "moderation.reported", gettext_lazy("Content reported")
    DISMISSED = "moderation.dismissed", gettext_lazy("Reports dismissed by a moderator")
    APPROVED = "moderation.approved", gettext_lazy("Held content approved by a moderator")


# Sent after commit with ``obj``, ``action`` (a ModerationAction), ``actor`` and ``reason``.
decided = Signal()


class ModeratedQuerySet(models.QuerySet):
    def visible(self) -> ModeratedQuerySet:
        """What everyone may see: not hidden and not waiting for review."""
        queryset = self.filter(hidden_at__isnull=True)
        held = getattr(self.model, "moderation_held_field", "")
        return queryset.filter(**{held: False}) if held else queryset


class Moderated(models.Model):
    """Fields of content a moderator can hide: when, by whom and why.

    A model whose items may wait for review before they show names its boolean field in
    ``moderation_held_field``.
    """

    moderation_held_field = ""

    hidden_at = models.DateTimeField(gettext_lazy("hidden"), null=True, blank=True, db_index=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(gettext_lazy("reason for hiding"), max_length=MAX_REASON, blank=True)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_held(self) -> bool:
        return bool(self.moderation_held_field and getattr(self, self.moderation_held_field))


@dataclass(frozen=True)
class Registration:
    model: type[Moderated]
    author: str
    excerpt: Callable[[Any], str]


MODERATED: dict[str, type[Moderated]] = {}
REGISTRATIONS: dict[str, Registration] = {}


def _default_excerpt(obj: Any) -> str:
    for name in ("text", "purpose", "body", "title"):
        if hasattr(obj, name):
            return str(getattr(obj, name))
    return str(obj)


def register(
    model: type[Moderated], *, author: str = "author", excerpt: Callable[[Any], str] | None = None
) -> type[Moderated]:
    """Let people report records of ``model`` and moderators hide, restore and approve them.

    ``author`` names the field holding the person told of decisions; ``excerpt`` gives the text shown in the queue.
    """
    label = model._meta.label_lower
    MODERATED[label] = model
    REGISTRATIONS[label] = Registration(model, author, excerpt or _default_excerpt)
    return model


def label_of(obj: Moderated) -> str:
    return obj._meta.label_lower


def author_of(obj: Any) -> Any:
    registration = REGISTRATIONS.get(label_of(obj))
    return getattr(obj, registration.author, None) if registration else None


def excerpt_of(obj: Any) -> str:
    registration = REGISTRATIONS.get(label_of(obj))
    return registration.excerpt(obj) if registration else str(obj)


rules.add_perm("core.moderate", is_moderator)
rules.add_perm("core.report_content", is_member)


def _check(actor: Any, reason: str) -> str:
    if not actor.has_perm("core.moderate"):
        raise PermissionDenied(_("Only moderators may hide or restore content."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason; the author and other moderators will read it."), code="no_reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(
            _("The reason may be at most %(limit)d characters long.") % {"limit": MAX_REASON}, code="max_length"
        )
    return reason


def _search_kinds(model: type[models.Model]) -> list[str]:
    from kurultai.core import search

    return [kind for kind, registration in search.REGISTRY.items() if registration.model is model]


def _announce(obj: Any, action: ModerationAction, actor: Any, reason: str) -> None:
    transaction.on_commit(
        lambda: decided.send(sender=type(obj), obj=obj, action=action, actor=actor, reason=reason), robust=True
    )


def _close_reports(obj: Any, actor: Any, status: str) -> int:
    return ModerationReport.objects.filter(
        label=label_of(obj), object_id=obj.pk, status=ModerationReport.Status.OPEN
    ).update(status=status, decided_by=actor, decided_at=timezone.now())


@transaction.atomic
def hide(obj: Moderated, *, actor: Any, reason: str) -> bool:
    """Hide content from everyone but moderators; False when it was hidden already.

    Side effects: open reports of it are closed as upheld, it leaves the search index, an audit entry with the
    reason, and the ``decided`` signal after commit (its author is told).
    """
    reason = _check(actor, reason)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if obj.is_hidden:
        return False
    obj.hidden_at, obj.hidden_by, obj.hidden_reason = timezone.now(), actor, reason
    obj.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    _close_reports(obj, actor, ModerationReport.Status.UPHELD)
    from kurultai.core import search

    for kind in _search_kinds(type(obj)):
        search.remove(kind, obj.pk)
    record(actor, ModerationAction.HIDDEN, obj, {"reason": reason})
    _announce(obj, ModerationAction.HIDDEN, actor, reason)
    return True


@transaction.atomic
def restore(obj: Moderated, *, actor: Any, reason: str) -> bool:
    """Show hidden content again; False when it was not hidden.

    Side effects: it is indexed again (by its save), an audit entry with the reason, the ``decided`` signal.
    """
    reason = _check(actor, reason)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if not obj.is_hidden:
        return False
    obj.hidden_at, obj.hidden_by, obj.hidden_reason = None, None, ""
    obj.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    record(actor, ModerationAction.RESTORED, obj, {"reason": reason})
    _announce(obj, ModerationAction.RESTORED, actor, reason)
    return True


@transaction.atomic
def approve(obj: Moderated, *, actor: Any) -> bool:
    """Let content held for review show; False when it was not held.

    Side effects: an audit entry and the ``decided`` signal (its author is told).
    """
    if not actor.has_perm("core.moderate"):
        raise PermissionDenied(_("Only moderators may approve content."))
    field = type(obj).moderation_held_field
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if not field or not getattr(obj, field):
        return False
    setattr(obj, field, False)
    obj.save(update_fields=[field])
    record(actor, ModerationAction.APPROVED, obj)
    _announce(obj, ModerationAction.APPROVED, actor, "")
    return True


def report(obj: Moderated, *, actor: Any, reason: str, details: str = "") -> ModerationReport:
    """Ask moderators to look at ``obj``; a ValidationError when the person reported it already (and it is open).

    Side effects: an audit entry (ids only).
    """
    if not actor.has_perm("core.report_content"):
        raise PermissionDenied(_("Sign in to report content."))
    if label_of(obj) not in MODERATED:
        raise ValidationError(_("This kind of content cannot be reported."), code="not_moderated")
    if reason not in ReportReason.values:
        raise ValidationError(_("Choose a reason from the list."), code="bad_reason")
    details = (details or "").strip()
    if len(details) > MAX_DETAILS:
        raise ValidationError(
            _("The details may be at most %(limit)d characters long.") % {"limit": MAX_DETAILS}, code="max_length"
        )
    from kurultai.core.limits import prohibit_control_characters

    prohibit_control_characters(details)
    already = ValidationError(_("You have reported this already; moderators will look at it."), code="duplicate")
    try:
        with transaction.atomic():
            if ModerationReport.objects.filter(
                label=label_of(obj), object_id=obj.pk, reporter=actor, status=ModerationReport.Status.OPEN
            ).exists():
                raise already
            entry = ModerationReport.objects.create(
                label=label_of(obj), object_id=obj.pk, reporter=actor, reason=reason, details=details
            )
            record(actor, ModerationAction.REPORTED, obj, {"reason": reason, "report": entry.pk})
    except IntegrityError:
        raise already from None
    return entry


@transaction.atomic
def dismiss(obj: Moderated, *, actor: Any) -> int:
    """Close the open reports of ``obj`` without hiding it; the number closed.

    Side effects: an audit entry when any was open.
    """
    if not actor.has_perm("core.moderate"):
        raise PermissionDenied(_("Only moderators may dismiss reports."))
    closed = _close_reports(obj, actor, ModerationReport.Status.DISMISSED)
    if closed:
        record(actor, ModerationAction.DISMISSED, obj, {"reports": closed})
    return closed


@dataclass
class QueueItem:
    label: str
    obj: Any
    reports: list[ModerationReport]
    held: bool = False

    @property
    def reasons(self) -> list[str]:
        return sorted({r.get_reason_display() for r in self.reports})


def queue(limit: int = 100) -> list[QueueItem]:
    """What waits for a moderator: reported records (grouped, oldest report first) and content held for review.

    One query for the reports plus one per kind of content.
    """
    reports = list(ModerationReport.objects.filter(status=ModerationReport.Status.OPEN).order_by("created_at", "pk"))
    wanted: dict[str, list[int]] = {}
    for entry in reports:
        wanted.setdefault(entry.label, []).append(entry.object_id)
    items: dict[tuple[str, int], QueueItem] = {}
    for label, ids in wanted.items():
        model = MODERATED.get(label)
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=ids):
            items[(label, obj.pk)] = QueueItem(label, obj, [])
    for entry in reports:
        item = items.get((entry.label, entry.object_id))
        if item is not None:
            item.reports.append(entry)
    ordered = list(items.values())
    for label, model in MODERATED.items():
        field = model.moderation_held_field
        if field:
            for obj in model._default_manager.filter(**{field: True, "hidden_at__isnull": True}).order_by("pk")[:limit]:
                key = (label, obj.pk)
                if key in items:
                    items[key].held = True
                else:
                    ordered.append(QueueItem(label, obj, [], held=True))
    return ordered[:limit]
