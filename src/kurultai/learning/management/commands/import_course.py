"""``kurultai import_course FILE.json [...] [--replace]``: create courses from JSON files.

The format is described in ``kurultai/learning/importer.py``."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kurultai.learning.importer import import_file


class Command(BaseCommand):
    help = "Create courses from JSON files (one course in one language per file)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--replace", action="store_true", help="Rebuild courses that already exist.")

    def handle(self, *args, files, replace, **options):
        for path in files:
            try:
                course, created = import_file(path, replace=replace)
            except (ValidationError, KeyError, TypeError, ValueError) as error:
                raise CommandError(f"{path}: {error}") from error
            state = "created" if created else ("rebuilt" if replace else "already there (use --replace)")
            self.stdout.write(f"{course.slug}: {state}")
