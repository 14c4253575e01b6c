from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TelegramConfig(AppConfig):
    name = "kurultai.notifications.telegram"
    label = "telegram"
    verbose_name = _("Telegram")

    def ready(self) -> None:
        from datetime import timedelta

        from kurultai.notifications.channels import register_channel
        from kurultai.notifications.scheduler import register_job
        from kurultai.notifications.signals import event_created
        from kurultai.notifications.telegram.channel import TelegramChannel
        from kurultai.notifications.telegram.signals import prepare_channel_posts
        from kurultai.notifications.telegram.tasks import clean_up

        register_channel(TelegramChannel())
        event_created.connect(prepare_channel_posts, dispatch_uid="telegram.prepare_channel_posts")
        register_job("telegram.clean_up", timedelta(days=1), clean_up)
