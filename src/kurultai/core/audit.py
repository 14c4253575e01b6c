"""The audit log: one call records who did what to which record, by ids and an enumerated action."""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

_ACTIONS: dict[str, enum.Enum] = {}

ActionsT = TypeVar("ActionsT", bound=type[models.TextChoices])


def actions(cls: ActionsT) -> ActionsT:
    """Class decorator registering an app's ``TextChoices`` of audit actions; codes are unique site-wide."""
    for member in cls:
        known = _ACTIONS.get(member.value)
        if known is not None and known is not member:
            raise ImproperlyConfigured(f"Audit action {member.value!r} is declared twice.")
        _ACTIONS[member.value] = member
    return cls


def action_label(code: str) -> str:
    """The translated label of a stored action code (the code itself when its app no longer declares it)."""
    member = _ACTIONS.get(code)
    return str(member.label) if member is not None else code


@actions
class CoreAction(models.TextChoices):
    """What the admin and the site's own jobs do."""

    ADMIN_ADD = "admin.add", _("Added in the admin")
    ADMIN_CHANGE = "admin.change", _("Changed in the admin")
    ADMIN_DELETE = "admin.delete", _("Deleted in the admin")


def record(actor: Any, action: models.TextChoices, obj: models.Model | None, changes: dict[str, Any] | None = None):
    """Append an entry (ids and codes only, never names or emails); unknown actions are refused.

    Entries are never edited or deleted through the application.
    """
    from kurultai.core.models import AuditEntry

    if not isinstance(action, enum.Enum) or _ACTIONS.get(action.value) is not action:
        raise ValueError(f"Unknown audit action {action!r}: declare it in an @actions enumeration.")
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action.value,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        changes=changes or {},
    )


class AuditedAdminMixin:
    """Admin classes with this mixin write every add, change and delete to the audit log."""

    def log_addition(self, request, obj, message):
        record(request.user, CoreAction.ADMIN_ADD, obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record(request.user, CoreAction.ADMIN_CHANGE, obj, {"fields": _changed_fields(message)})
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            record(request.user, CoreAction.ADMIN_DELETE, obj)
        return super().log_deletions(request, queryset)


def _changed_fields(message: Any) -> list[str]:
    """Field names from the admin's change message; related objects' names are left out."""
    fields: list[str] = []
    for part in message if isinstance(message, list) else []:
        fields += list(part.get("changed", {}).get("fields", []))
    return fields
