"""``kurultai rebuild_search_index``: index every searchable record again (after imports or upgrades)."""

from django.core.management.base import BaseCommand

from kurultai.core import search


class Command(BaseCommand):
    help = "Rebuild the search index from the database."

    def handle(self, *args, **options) -> None:
        count = search.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} records."))
