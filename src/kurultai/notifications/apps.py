from datetime import timedelta

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "kurultai.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from kurultai.notifications.channels import register_channel
        from kurultai.notifications.email import EmailChannel
        from kurultai.notifications.scheduler import register_job
        from kurultai.notifications.tasks import drain_deliveries

        register_channel(EmailChannel())
        register_job("notifications.drain", timedelta(minutes=1), drain_deliveries)
        # Every app's notifications.py declares what can be followed and the events it emits.
        autodiscover_modules("notifications")
