"""People in the Django admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from kurultai.accounts import models
from kurultai.core.admin import AuditedModelAdmin
from kurultai.core.audit import AuditedAdminMixin


@admin.register(models.User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "erased_at"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "preferred_language", "email_digest"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined", "erased_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    readonly_fields = ["erased_at", "last_login", "date_joined"]


@admin.register(models.LegalDocument)
class LegalDocumentAdmin(AuditedModelAdmin):
    list_display = ["__str__", "kind", "version", "published_at"]


@admin.register(models.Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "document", "accepted_at"]
    list_select_related = ["user", "document"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
