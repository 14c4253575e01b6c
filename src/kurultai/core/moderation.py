"""Moderation shared by every app: moderators hide user content with a reason, and restore it.

A model takes part by inheriting :class:`Moderated` and registering with :func:`register`; its pages show
``objects.visible()`` (or filter ``hidden_at__isnull=True``), and moderators get the hide/restore form from
``core/_moderate.html``. Hidden content stays in the database, so restoring it loses nothing.
"""

from __future__ import annotations

from typing import Any

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.accounts.roles import is_moderator
from kurultai.core.audit import actions, record

MAX_REASON = 500


@actions
class ModerationAction(models.TextChoices):
    HIDDEN = "moderation.hidden", gettext_lazy("Content hidden by a moderator")
    RESTORED = "moderation.restored", gettext_lazy("Content restored by a moderator")


class ModeratedQuerySet(models.QuerySet):
    def visible(self) -> ModeratedQuerySet:
        return self.filter(hidden_at__isnull=True)


class Moderated(models.Model):
    """Fields of content a moderator can hide: when, by whom and why."""

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


MODERATED: dict[str, type[Moderated]] = {}


def register(model: type[Moderated]) -> type[Moderated]:
    """Let moderators hide and restore records of ``model`` through the shared moderation page."""
    MODERATED[model._meta.label_lower] = model
    return model


def label_of(obj: Moderated) -> str:
    return obj._meta.label_lower


rules.add_perm("core.moderate", is_moderator)


def _check(actor: Any, reason: str) -> str:
    if not actor.has_perm("core.moderate"):
        raise PermissionDenied(_("Only moderators may hide or restore content."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason; the author and other moderators will read it."), code="no_reason")
    return reason[:MAX_REASON]


@transaction.atomic
def hide(obj: Moderated, *, actor: Any, reason: str) -> bool:
    """Hide content from everyone but moderators; False when it was hidden already.

    Side effects: an audit entry with the reason.
    """
    reason = _check(actor, reason)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if obj.is_hidden:
        return False
    obj.hidden_at, obj.hidden_by, obj.hidden_reason = timezone.now(), actor, reason
    obj.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    record(actor, ModerationAction.HIDDEN, obj, {"reason": reason})
    return True


@transaction.atomic
def restore(obj: Moderated, *, actor: Any, reason: str) -> bool:
    """Show hidden content again; False when it was not hidden.

    Side effects: an audit entry with the reason.
    """
    reason = _check(actor, reason)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if not obj.is_hidden:
        return False
    obj.hidden_at, obj.hidden_by, obj.hidden_reason = None, None, ""
    obj.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    record(actor, ModerationAction.RESTORED, obj, {"reason": reason})
    return True
