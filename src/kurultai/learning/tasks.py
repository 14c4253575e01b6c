"""Scheduled work: the daily micro-lesson for learners taking a course in Telegram."""

from django_tasks import task


@task()
def send_telegram_lessons() -> None:
    """Send each Telegram learner their lesson of the day (checked every hour; one lesson per learner per day)."""
    from kurultai.learning.telegram import send_due
    from kurultai.notifications.telegram.client import get_bot

    bot = get_bot()
    if bot is not None:
        send_due(bot)
