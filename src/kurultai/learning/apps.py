from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "kurultai.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up
        from django.contrib.auth.signals import user_logged_in

        from kurultai.learning import learners, rules  # noqa: F401
        from kurultai.learning.tasks import send_telegram_lessons
        from kurultai.notifications.scheduler import register_job

        register_job("learning.telegram_lessons", timedelta(hours=1), send_telegram_lessons)
        from kurultai.learning.telegram import on_poll_answer
        from kurultai.notifications.telegram.bot import register_update_handler

        # Answers to the quiz polls of Telegram mode arrive as "poll_answer" updates.
        register_update_handler("poll_answer", lambda answer, _replies: on_poll_answer(answer))
        user_logged_in.connect(learners.on_sign_in, dispatch_uid="learning-guest-merge")
        user_signed_up.connect(learners.on_sign_in, dispatch_uid="learning-guest-merge-signup")
