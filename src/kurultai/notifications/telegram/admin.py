"""Telegram in the admin: links and channel posts are read, not edited (changes go through the services)."""

from django.contrib import admin

from kurultai.notifications.telegram import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Link)
class LinkAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "user", "active", "linked_at", "ended_at"]
    list_filter = ["active"]
    raw_id_fields = ["user"]


@admin.register(models.ChannelPost)
class ChannelPostAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "channel", "language", "status", "approved_by", "sent_at", "last_error"]
    list_filter = ["status", "language"]
