"""The library in the Django admin (administrators): research projects with their events, interviews' consent."""

from django.contrib import admin

from kurultai.core.admin import AuditedModelAdmin
from kurultai.library import models


class EventInline(admin.TabularInline):
    model = models.ProjectEvent
    raw_id_fields = ["forum", "session"]
    extra = 0


@admin.register(models.ResearchProject)
class ResearchProjectAdmin(AuditedModelAdmin):
    list_display = ["__str__", "slug", "starts_on", "ends_on", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo"]
    filter_horizontal = ["implementers", "themes", "countries"]
    raw_id_fields = ["funder"]
    inlines = [EventInline]


class CreatorInline(admin.TabularInline):
    model = models.Creator
    raw_id_fields = ["organisation"]
    extra = 0


@admin.register(models.Publication)
class PublicationAdmin(AuditedModelAdmin):
    list_display = ["__str__", "type", "year", "status", "is_demo"]
    list_filter = ["type", "status", "is_demo"]
    raw_id_fields = ["project", "forum", "session", "created_by"]
    readonly_fields = ["status", "published_at", "updated_at"]
    inlines = [CreatorInline]


class TranscriptInline(admin.StackedInline):
    model = models.Transcript
    extra = 0


@admin.register(models.Interview)
class InterviewAdmin(AuditedModelAdmin):
    list_display = ["__str__", "interviewed_on", "consent_scope", "status", "is_demo"]
    list_filter = ["status", "consent_scope", "anonymised", "is_demo"]
    raw_id_fields = ["project", "publication", "country"]
    readonly_fields = ["audio", "content_type", "audio_seconds", "audio_bitrate", "audio_size"]
    inlines = [TranscriptInline]
