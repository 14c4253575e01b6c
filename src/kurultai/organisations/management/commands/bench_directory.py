"""``kurultai bench_directory``: seed 10,000 organisations (unless present) and time the directory pages."""

import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kurultai.organisations.models import Organisation

PAGES = [
    ("directory, page 1", "/en/organisations/"),
    ("directory, page 200", "/en/organisations/?page=200"),
    ("country + type filter", "/en/organisations/?country=KZ&type=cso"),
    ("theme + network filter", "/en/organisations/?theme=climate-change&network=bench-network"),
    ("search 'water'", "/en/organisations/?q=water"),
    ("search in Cyrillic 'вода'", "/ru/organisations/?q=%D0%B2%D0%BE%D0%B4%D0%B0"),
    ("organisation page", None),
]


class Command(BaseCommand):
    help = "Seed the directory to a benchmark volume and report server time and query counts per page."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--organisations", type=int, default=10000)
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args, **options) -> None:
        missing = options["organisations"] - Organisation.objects.count()
        if missing > 0:
            call_command("seed_bench", forums=0, recommendations=0, organisations=missing, stdout=self.stdout)
        client = Client()
        client.cookies["bench"] = "1"  # a cookie keeps the page cache out: this measures rendering
        sample = Organisation.objects.order_by("-pk").first()
        self.stdout.write(f"{Organisation.objects.count()} organisations on {connection.vendor}\n")
        self.stdout.write(f"| {'page':28} | {'queries':>7} | {'median ms':>9} | {'max ms':>7} |")
        self.stdout.write(f"|{'-' * 30}|{'-' * 9}|{'-' * 11}|{'-' * 9}|")
        for label, url in PAGES:
            url = url or sample.get_absolute_url()
            timings = []
            for _ in range(options["repeat"]):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            self.stdout.write(
                f"| {label:28} | {len(queries.captured_queries):>7} | {statistics.median(timings):>9.1f} | "
                f"{max(timings):>7.1f} |"
            )
