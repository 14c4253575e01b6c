"""``kurultai worker``: runs background jobs and the schedule (digests, retries, reminders); no cron needed."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from kurultai.notifications.scheduler import Ticker


class Command(BaseCommand):
    help = "Run background jobs and scheduled work. Run one or more beside the web servers."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--tick", type=float, default=20.0, help="Seconds between schedule checks.")
        parser.add_argument("--batch", action="store_true", help="Tick once, run what is queued, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch"]:
            from kurultai.notifications.scheduler import tick

            tick()
            call_command("db_worker", batch=True, no_startup_delay=True, interval=0)
            return
        ticker = Ticker(interval=options["tick"])
        ticker.start()
        try:
            call_command("db_worker", no_startup_delay=True)
        finally:
            ticker.stopped.set()
