"""``kurultai seed_bench``: fill a database with a realistic volume for load benchmarks."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand

from kurultai.core.taxonomy import sync_taxonomy


class Command(BaseCommand):
    help = "Seed a benchmark volume (forums, recommendations, …) into an empty database. Not for production."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--forums", type=int, default=10)
        parser.add_argument("--recommendations", type=int, default=400)
        parser.add_argument("--organisations", type=int, default=10000)

    def handle(self, *args, **options) -> None:
        sync_taxonomy()
        volume = {k: options[k] for k in ("forums", "recommendations", "organisations")}
        for config in apps.get_app_configs():
            module_name = f"{config.name}.bench"
            if not config.name.startswith("kurultai.") or find_spec(module_name) is None:
                continue
            counts = import_module(module_name).seed(volume)
            summary = ", ".join(f"{n} {label}" for label, n in counts.items())
            self.stdout.write(self.style.SUCCESS(f"{config.verbose_name}: {summary}"))
