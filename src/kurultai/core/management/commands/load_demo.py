"""``kurultai load_demo``: fill an installation with the demo content of every app (safe to run twice)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand

from kurultai.core.taxonomy import sync_taxonomy


class Command(BaseCommand):
    help = "Load the demo forums, organisations and follow-up data. Safe to run more than once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when the demo has been loaded before.")

    def handle(self, *args, **options) -> None:
        from kurultai.forums.models import ForumSeries

        if options["if_empty"] and ForumSeries.objects.exists():
            self.stdout.write("Demo data already present; nothing to do.")
            return
        from kurultai.core import search

        sync_taxonomy()
        with search.suspended():  # one rebuild below instead of re-indexing a record at every save
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if not config.name.startswith("kurultai.") or find_spec(module_name) is None:
                    continue
                counts = import_module(module_name).load()
                summary = ", ".join(f"{n} {label}" for label, n in counts.items())
                self.stdout.write(self.style.SUCCESS(f"{config.verbose_name}: {summary}"))
        # The demo is searchable at once, with or without a worker running.

        self.stdout.write(self.style.SUCCESS(f"Search: {search.rebuild()} records indexed"))
