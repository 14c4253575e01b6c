"""``kurultai rebuild_search_index``: index every searchable record again (after imports or upgrades)."""

from django.core.management.base import BaseCommand, CommandError

from kurultai.core import search


class Command(BaseCommand):
    help = "Rebuild the search index from the database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("kinds", nargs="*", help="Only these kinds of records (default: all).")
        parser.add_argument(
            "--background", action="store_true", help="Leave the work to background workers, in batches."
        )

    def handle(self, *args, **options) -> None:
        unknown = sorted(set(options["kinds"]) - set(search.REGISTRY))
        if unknown:
            raise CommandError(f"Unknown kinds: {', '.join(unknown)}. Known: {', '.join(sorted(search.REGISTRY))}.")
        kinds = options["kinds"] or None
        if options["background"]:
            count = search.enqueue_rebuild(kinds)
            self.stdout.write(self.style.SUCCESS(f"Queued {count} records for indexing."))
            return
        count = search.rebuild(kinds)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} records."))
