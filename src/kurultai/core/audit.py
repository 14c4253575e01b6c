"""The audit log: one call records who did what to which record."""

from __future__ import annotations

from typing import Any

from django.db import models


def record(actor: Any, action: str, obj: models.Model | None, changes: dict[str, Any] | None = None) -> None:
    """Append an entry; entries are never edited or deleted through the application."""
    from kurultai.core.models import AuditEntry

    AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        changes=changes or {},
    )


class AuditedAdminMixin:
    """Admin classes with this mixin write every add, change and delete to the audit log."""

    def log_addition(self, request, obj, message):
        record(request.user, "admin.add", obj, {"message": str(message)})
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record(request.user, "admin.change", obj, {"message": str(message)})
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            record(request.user, "admin.delete", obj, {})
        return super().log_deletions(request, queryset)
