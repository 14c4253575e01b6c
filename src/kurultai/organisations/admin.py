"""The directory in the Django admin."""

from django.contrib import admin

from kurultai.core.admin import AuditedModelAdmin
from kurultai.organisations import models


class MembershipInline(admin.TabularInline):
    model = models.Membership
    fk_name = "organisation"
    extra = 0
    raw_id_fields = ["user", "decided_by"]


@admin.register(models.Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["__str__", "short_name", "type", "country", "verified_at"]
    list_filter = ["is_listed", "type", "country", "networks"]
    list_select_related = ["country"]
    search_fields = ["slug", "short_name", "name"]
    filter_horizontal = ["themes", "networks"]
    raw_id_fields = ["verified_by"]
    inlines = [MembershipInline]


@admin.register(models.Network)
class NetworkAdmin(AuditedModelAdmin):
    list_display = ["__str__", "slug"]
    filter_horizontal = ["themes"]


@admin.register(models.PartnerRequest)
class PartnerRequestAdmin(AuditedModelAdmin):
    list_display = ["__str__", "organisation", "status", "deadline", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["organisation", "author"]


@admin.register(models.Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ["user", "organisation", "role", "status", "requested_at"]
    list_filter = ["status", "role"]
    raw_id_fields = ["user", "organisation", "decided_by"]
