"""The knowledge hub in the Django admin (administrators; editors work on the hub's own pages)."""

from django.contrib import admin

from kurultai.core.admin import AuditedModelAdmin
from kurultai.knowledge import models


@admin.register(models.HubRole)
class HubRoleAdmin(AuditedModelAdmin):
    list_display = ["user", "hub", "role", "granted_at"]
    list_filter = ["hub", "role"]
    raw_id_fields = ["user", "granted_by"]


class VersionInline(admin.TabularInline):
    model = models.PracticeVersion
    fields = ["number", "status", "title", "published_at"]
    readonly_fields = ["number", "status", "title", "published_at"]
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(models.Practice)
class PracticeAdmin(AuditedModelAdmin):
    list_display = ["__str__", "created_by", "contact_organisation", "is_demo", "created_at"]
    list_filter = ["is_demo"]
    list_select_related = ["current", "created_by", "contact_organisation"]
    raw_id_fields = ["created_by", "contact_person", "contact_organisation", "current"]
    filter_horizontal = ["inspired_by"]
    inlines = [VersionInline]


@admin.register(models.PracticeVersion)
class PracticeVersionAdmin(AuditedModelAdmin):
    list_display = ["__str__", "practice", "number", "status", "country", "published_at"]
    list_filter = ["status", "country"]
    list_select_related = ["practice", "country"]
    raw_id_fields = ["practice", "created_by", "published_by", "organisations", "building_blocks"]
    filter_horizontal = ["themes", "sdgs"]


@admin.register(models.BuildingBlock)
class BuildingBlockAdmin(AuditedModelAdmin):
    list_display = ["__str__", "is_demo", "created_at"]
    raw_id_fields = ["created_by"]


@admin.register(models.DemoSite)
class DemoSiteAdmin(AuditedModelAdmin):
    list_display = ["__str__", "host", "country", "region", "status"]
    list_filter = ["status", "country"]
    list_select_related = ["host", "country"]
    raw_id_fields = ["host", "practice", "created_by"]
    filter_horizontal = ["themes"]
