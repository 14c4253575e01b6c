"""Audit actions of the delivery system."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class NotificationAction(models.TextChoices):
    SUBSCRIBED = "notifications.subscribe", _("Started following")
    CHANGED = "notifications.change", _("Changed how news arrives")
    UNSUBSCRIBED = "notifications.unsubscribe", _("Stopped following")
    RETRIED = "notifications.retry", _("Deliveries sent again")
    CHANNEL_REMOVED = "notifications.unsubscribe_channel", _("Unsubscribed from a channel by link")
