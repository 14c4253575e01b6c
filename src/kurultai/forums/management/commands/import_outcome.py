"""``kurultai import_outcome FILE --forum SLUG [--dry-run]``: the web importer's parser on the command line."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kurultai.forums.models import Forum
from kurultai.forums.outcome.document import OutcomeError
from kurultai.forums.outcome.readers import parse_document
from kurultai.forums.services import detect_language, import_outcome


class Command(BaseCommand):
    help = (
        "Import an outcome document (Markdown, text, DOCX or text-based PDF) into a forum. "
        "With --dry-run, print the parsed structure as JSON and write nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="Path of the document.")
        parser.add_argument("--forum", help="Slug of the forum to import into (optional with --dry-run).")
        parser.add_argument("--dry-run", action="store_true", help="Print the parsed structure; write nothing.")
        parser.add_argument("--language", help="Language of the document (default: detected, en or ru).")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        try:
            document = parse_document(path.name, data)
        except OutcomeError as exc:
            raise CommandError(f"{path.name}: {exc}") from exc
        language = options["language"] or detect_language(document.text)
        if options["dry_run"]:
            self.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
            return
        if not options["forum"]:
            raise CommandError("--forum is required unless --dry-run is given.")
        try:
            forum = Forum.objects.get(slug=options["forum"])
        except Forum.DoesNotExist as exc:
            raise CommandError(f"No forum with the slug “{options['forum']}”.") from exc
        plan = import_outcome(forum, document, language)
        summary = ", ".join(f"{n} {action}" for action, n in plan.summary().items())
        self.stderr.write(self.style.SUCCESS(f"Imported into {forum.slug} ({language}): {summary}."))
