"""Taxonomy in the Django admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kurultai.core import models
from kurultai.core.audit import AuditedAdminMixin, action_label


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Base of every Kurultai admin: changes go to the audit log."""


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, readable by administrators and never editable."""

    list_display = ["at", "actor", "action_label", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["=object_id", "action"]
    date_hierarchy = "at"

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, obj: models.AuditEntry) -> str:
        return action_label(obj.action)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("core.view_audit_log")


@admin.register(models.Country)
class CountryAdmin(AuditedModelAdmin):
    list_display = ["__str__", "code", "region", "position"]
    list_filter = ["region"]


@admin.register(models.Theme)
class ThemeAdmin(AuditedModelAdmin):
    list_display = ["__str__", "slug", "kind", "position"]
    list_filter = ["kind"]


@admin.register(models.SDG)
class SDGAdmin(AuditedModelAdmin):
    list_display = ["__str__", "number"]
