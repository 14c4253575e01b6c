"""Follow-up records in the Django admin (history is added to, never edited)."""

from django.contrib import admin

from kurultai.core.admin import AuditedModelAdmin
from kurultai.followup import models


class EvidenceInline(admin.TabularInline):
    model = models.Evidence
    extra = 0
    fields = ["title", "url", "file", "content_type", "size"]
    readonly_fields = ["content_type", "size"]


@admin.register(models.ResponsibleActor)
class ResponsibleActorAdmin(AuditedModelAdmin):
    list_display = ["recommendation", "organisation", "role", "deadline"]
    raw_id_fields = ["trackable", "recommendation", "organisation"]


@admin.register(models.Response)
class ResponseAdmin(AuditedModelAdmin):
    list_display = ["recommendation", "addressee", "status", "responded_on", "is_demo"]
    list_filter = ["status", "addressee", "is_demo"]
    raw_id_fields = ["trackable", "recommendation", "organisation", "author"]


@admin.register(models.ProgressUpdate)
class ProgressUpdateAdmin(AuditedModelAdmin):
    list_display = ["recommendation", "status", "reported_on", "reporter", "is_demo"]
    list_filter = ["status", "reporter", "is_demo"]
    raw_id_fields = ["trackable", "recommendation", "organisation", "author", "corrects"]
    inlines = [EvidenceInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_change_permission(request, obj)


@admin.register(models.Assessment)
class AssessmentAdmin(AuditedModelAdmin):
    list_display = ["recommendation", "organisation", "status", "assessed_on", "is_demo"]
    list_filter = ["status", "is_demo"]
    raw_id_fields = ["trackable", "recommendation", "organisation", "author"]
    inlines = [EvidenceInline]


@admin.register(models.Trackable)
class TrackableAdmin(AuditedModelAdmin):
    list_display = ["__str__", "kind", "status", "deadline"]
    list_filter = ["kind", "status"]
    readonly_fields = ["kind", "content_type", "object_id", "status"]
    filter_horizontal = ["addressees"]
