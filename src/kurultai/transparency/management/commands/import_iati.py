"""``kurultai import_iati FILE_OR_URL [--dry-run]``: import IATI activities and print a JSON summary."""

import json

from django.core.management.base import BaseCommand, CommandError

from kurultai.transparency.iati import FileRefused
from kurultai.transparency.importer import import_source


class Command(BaseCommand):
    help = "Import IATI activity XML (2.01–2.03) from a file or an http(s) address; prints a JSON summary."

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", help="Path of an IATI activity file, or an http(s) address")
        parser.add_argument("--dry-run", action="store_true", help="Read and check everything, write nothing.")

    def handle(self, *args, **options) -> None:
        try:
            summary = import_source(options["source"], dry_run=options["dry_run"])
        except FileRefused as refused:
            raise CommandError(f"Not imported: {refused}") from refused
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
