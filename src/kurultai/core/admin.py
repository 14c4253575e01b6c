"""Taxonomy in the Django admin."""

from django.contrib import admin

from kurultai.core import models
from kurultai.core.audit import AuditedAdminMixin


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Base of every Kurultai admin: changes go to the audit log."""


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, readable by administrators and never editable."""

    list_display = ["at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "action"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser


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
