"""Forums in the Django admin: editions with their programme and ordered outcome document."""

from django.contrib import admin

from kurultai.core.admin import AuditedModelAdmin
from kurultai.forums import models


class SessionInline(admin.StackedInline):
    model = models.Session
    extra = 0
    fields = ["number", "title", "purpose", "starts_at", "ends_at", "room", "format", "track", "online_url"]
    show_change_link = True


class ConclusionInline(admin.StackedInline):
    model = models.Conclusion
    extra = 0
    fields = ["position", "text", "original_language"]


class ForumAppearanceInline(admin.TabularInline):
    model = models.Appearance
    fk_name = "forum"
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "session", "position"]


class SessionAppearanceInline(admin.TabularInline):
    model = models.Appearance
    fk_name = "session"
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "position"]


@admin.register(models.ForumSeries)
class ForumSeriesAdmin(AuditedModelAdmin):
    list_display = ["__str__", "slug", "position"]


@admin.register(models.Forum)
class ForumAdmin(AuditedModelAdmin):
    list_display = ["__str__", "series", "number", "start_date", "format", "is_published"]
    list_filter = ["series", "format", "is_published"]
    date_hierarchy = "start_date"
    filter_horizontal = ["themes"]
    inlines = [SessionInline, ForumAppearanceInline, ConclusionInline]


class DiscussionPointInline(admin.StackedInline):
    model = models.DiscussionPoint
    extra = 0
    fields = ["position", "text", "original_language"]


class RecommendationInline(admin.StackedInline):
    model = models.Recommendation
    extra = 0
    fields = ["forum", "position", "text", "original_language", "addressees", "themes", "countries"]
    show_change_link = True


@admin.register(models.Session)
class SessionAdmin(AuditedModelAdmin):
    list_display = ["__str__", "forum"]
    list_filter = ["forum"]
    filter_horizontal = ["themes"]
    inlines = [SessionAppearanceInline, DiscussionPointInline, RecommendationInline]


@admin.register(models.Speaker)
class SpeakerAdmin(AuditedModelAdmin):
    list_display = ["__str__"]
    search_fields = ["name"]
    autocomplete_fields = ["organisation"]
    # Photos are checked and resized in the organisers' workspace only.
    exclude = ["photo", "content_type"]


@admin.register(models.Addressee)
class AddresseeAdmin(AuditedModelAdmin):
    list_display = ["__str__", "code", "position"]
    autocomplete_fields = ["organisations"]  # thousands of organisations: searched, not listed


@admin.register(models.Recommendation)
class RecommendationAdmin(AuditedModelAdmin):
    list_display = ["__str__", "forum", "session"]
    list_filter = ["forum", "addressees", "themes", "countries"]
    list_select_related = ["forum", "session"]
    filter_horizontal = ["addressees", "themes", "countries", "sdgs"]


@admin.register(models.DiscussionPoint)
class DiscussionPointAdmin(AuditedModelAdmin):
    list_display = ["__str__", "session"]
    list_filter = ["session__forum"]
    list_select_related = ["session"]
