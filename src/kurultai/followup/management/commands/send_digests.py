"""``kurultai send_digests daily|weekly``: run from cron once a day / once a week."""

from django.core.management.base import BaseCommand

from kurultai.followup.notifications import send_digests


class Command(BaseCommand):
    help = "Email each follower one digest of the news they have not received yet."

    def add_arguments(self, parser) -> None:
        parser.add_argument("frequency", choices=["daily", "weekly"])

    def handle(self, *args, **options) -> None:
        count = send_digests(options["frequency"])
        self.stdout.write(f"{count} digests sent.")
