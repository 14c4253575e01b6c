"""The outbox in the admin: administrators see failed deliveries, their errors, and can send them again."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kurultai.core.admin import AuditedModelAdmin
from kurultai.notifications import models, services


class TermInline(admin.TabularInline):
    model = models.SubscriptionTerm
    extra = 0


@admin.register(models.Subscription)
class SubscriptionAdmin(AuditedModelAdmin):
    list_display = ["__str__", "frequency", "channels", "created_at"]
    list_filter = ["frequency"]
    raw_id_fields = ["user"]
    inlines = [TermInline]


@admin.register(models.Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["code", "object_type", "object_id", "created_at", "fanned_out_at"]
    list_filter = ["code"]
    readonly_fields = [f.name for f in models.Event._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(models.Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "channel", "user", "address", "frequency", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["status", "channel", "frequency"]
    readonly_fields = [f.name for f in models.Delivery._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send again now"))
    def retry(self, request, queryset):
        count = services.retry_deliveries(request.user, list(queryset.values_list("pk", flat=True)))
        self.message_user(request, _("%(count)d deliveries will be sent again.") % {"count": count})


@admin.register(models.ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ["job", "slot", "started_at", "finished_at", "error"]
    list_filter = ["job"]
    readonly_fields = [f.name for f in models.ScheduledRun._meta.fields]
