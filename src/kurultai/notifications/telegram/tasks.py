"""Background work of Telegram: posting approved channel posts."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import default_task_backend, task


@task()
def send_channel_post(post_id: int) -> None:
    """Post one approved channel post; when Telegram is busy, try again later in a new job."""
    from kurultai.notifications.telegram.services import deliver_channel_post

    retry_after = deliver_channel_post(post_id)
    if retry_after is not None:
        if default_task_backend.supports_defer:
            when = timezone.now() + dt.timedelta(seconds=max(retry_after, 1.0))
            send_channel_post.using(run_after=when).enqueue(post_id)
        else:
            send_channel_post.enqueue(post_id)


@task()
def clean_up() -> None:
    """Forget handled update ids after a week and link tokens a day after they stopped working."""
    from kurultai.notifications.telegram.models import LinkToken, ProcessedUpdate

    now = timezone.now()
    ProcessedUpdate.objects.filter(received_at__lt=now - dt.timedelta(days=7)).delete()
    LinkToken.objects.filter(expires_at__lt=now - dt.timedelta(days=1)).delete()
