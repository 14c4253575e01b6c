"""Background work of the participation app: reminders before forums and the removal of personal data after the
retention period."""

from __future__ import annotations

from django_tasks import task


@task()
def send_reminders() -> None:
    from kurultai.participation.services import send_reminders as remind

    remind()


@task()
def remove_expired_personal_data() -> None:
    from kurultai.participation.services import remove_expired_personal_data as remove

    remove()
