"""Scheduled work without cron: the worker ticks, and a unique run row per job and time slot makes each run
happen once, however many workers tick at the same moment."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from kurultai.notifications.registry import Registry

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """A task enqueued once per ``every`` (e.g. the delivery drain each minute, reminders each hour)."""

    name: str
    every: dt.timedelta
    task: Any

    def slot(self, now: dt.datetime) -> str:
        seconds = int(self.every.total_seconds())
        return str(int(now.timestamp()) // seconds)


jobs: Registry[Job] = Registry("name")


def register_job(name: str, every: dt.timedelta, task: Any) -> Job:
    """Run ``task`` (a django-tasks task without arguments) once per period."""
    return jobs.register(Job(name=name, every=every, task=task))


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose slot has not run yet; returns the names enqueued by this call."""
    from kurultai.notifications.models import ScheduledRun

    now = now or timezone.now()
    started = []
    for job in jobs:
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, slot=job.slot(now), started_at=now)
                job.task.enqueue()
        except IntegrityError:
            continue  # another worker took this slot
        started.append(job.name)
    return started


def prune(before: dt.datetime) -> int:
    """Old run rows are only a record of what ran; keep a week."""
    from kurultai.notifications.models import ScheduledRun

    return ScheduledRun.objects.filter(started_at__lt=before).delete()[0]


class Ticker(threading.Thread):
    """Ticks every ``interval`` seconds beside the task worker, in the same process."""

    def __init__(self, interval: float = 20.0) -> None:
        super().__init__(name="kurultai-scheduler", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                close_old_connections()
                tick()
            except Exception:
                logger.exception("Scheduler tick failed")
            finally:
                close_old_connections()
            self.stopped.wait(self.interval)
