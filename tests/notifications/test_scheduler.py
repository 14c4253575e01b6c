"""Scheduled work runs once per slot, however many workers tick at the same moment."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kurultai.notifications import scheduler
from kurultai.notifications.models import ScheduledRun

pytestmark = pytest.mark.django_db


def test_two_workers_ticking_in_the_same_minute_run_the_drain_once():
    now = timezone.now().replace(second=5)
    first = scheduler.tick(now)
    second = scheduler.tick(now + dt.timedelta(seconds=30))
    assert "notifications.drain" in first
    assert "notifications.drain" not in second
    assert ScheduledRun.objects.filter(job="notifications.drain").count() == 1
    assert DBTaskResult.objects.filter(task_path__endswith="drain_deliveries").count() == 1
    assert "notifications.drain" in scheduler.tick(now + dt.timedelta(minutes=1))
