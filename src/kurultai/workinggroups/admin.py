"""Working groups in the Django admin (editors create groups and name conveners here)."""

from django.contrib import admin

from kurultai.core.admin import AuditedModelAdmin
from kurultai.workinggroups import models


class MembershipInline(admin.TabularInline):
    model = models.GroupMembership
    extra = 0
    raw_id_fields = ["organisation", "requested_by", "decided_by"]


@admin.register(models.WorkingGroup)
class WorkingGroupAdmin(AuditedModelAdmin):
    list_display = ["slug", "forum", "is_demo"]
    raw_id_fields = ["forum"]
    filter_horizontal = ["conveners", "themes"]
    inlines = [MembershipInline]


@admin.register(models.ActionPlan)
class ActionPlanAdmin(AuditedModelAdmin):
    list_display = ["__str__", "group", "changed_since_adoption"]
    raw_id_fields = ["group"]
