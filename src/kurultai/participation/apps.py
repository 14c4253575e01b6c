from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "kurultai.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from kurultai.forums.hooks import register_online_link_viewer
        from kurultai.forums.panels import register_forum_panel
        from kurultai.notifications.scheduler import register_job
        from kurultai.participation import calendars, signals  # noqa: F401 - personal calendar source, file clean-up
        from kurultai.participation.hooks import accepted_online_participant, forget_online_forums
        from kurultai.participation.models import Registration
        from kurultai.participation.panels import forum_panel
        from kurultai.participation.tasks import remove_expired_personal_data, send_reminders

        register_online_link_viewer(accepted_online_participant)
        for signal in (post_save, post_delete):
            signal.connect(forget_online_forums, sender=Registration, dispatch_uid=f"forget-online-forums-{signal}")
        register_forum_panel(forum_panel)
        register_job("participation.reminders", timedelta(hours=1), send_reminders)
        register_job("participation.retention", timedelta(days=1), remove_expired_personal_data)
