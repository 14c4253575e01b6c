"""Cost that does not grow with the data: server time and queries per page, and search p95, at this volume.

Run with the benchmark's environment after ``seed_bench`` (``bench/run.py`` does, with BENCH_SCALE):

    python bench/scale.py --notifications 1000000      # top up notifications in bulk, then measure

Pages are rendered in-process for a signed-in participant whose browser has no CSRF cookie yet (so neither
page cache answers), each BENCH_REPEAT times; the median server time and the query count are printed per
page, then the cost of a page filled in from the copy shared by people with the same roles and of a person's
own stored copy, then the 95th percentile of 100 searches over the search index.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurultai.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kurultai.accounts.legal import documents_in_force  # noqa: E402
from kurultai.accounts.services import record_consent  # noqa: E402
from kurultai.core.models import SearchDocument  # noqa: E402
from kurultai.core.personalpages import bump_person  # noqa: E402
from kurultai.forums.models import Forum, Recommendation  # noqa: E402
from kurultai.notifications.models import Notification  # noqa: E402
from kurultai.organisations.models import Organisation  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
WORDS = ["water", "youth", "climate", "women", "health", "вода", "молодёжь", "education", "network", "green"]


def top_up_notifications(target: int) -> int:
    """Bring the number of notifications up to ``target`` (spread over 1,000 bench people), in bulk."""
    have = Notification.objects.count()
    if have >= target:
        return have
    users = []
    for n in range(1000):
        user, _ = get_user_model().objects.get_or_create(
            email=f"bench-reader-{n}@example.org", defaults={"display_name": f"Reader {n}"}
        )
        users.append(user.pk)
    batch = []
    for i in range(target - have):
        batch.append(Notification(user_id=users[i % len(users)], title=f"Bench news {i}", url="/en/"))
        if len(batch) == 20000:
            Notification.objects.bulk_create(batch)
            batch = []
    Notification.objects.bulk_create(batch)
    return Notification.objects.count()


def participant(email: str = "bench-scale@example.org") -> Client:
    user, _ = get_user_model().objects.get_or_create(email=email, defaults={"display_name": "Scale"})
    record_consent(user, documents_in_force())
    client = Client()
    client.force_login(user)
    return client


def measure(client: Client, path: str, keep_copy: bool = False, first_read: bool = False) -> tuple[float, int, int]:
    times, queries, status = [], 0, 0
    for _ in range(REPEAT):
        if not keep_copy:  # without the CSRF cookie no stored copy is served: the page is rendered
            client.cookies.pop(settings.CSRF_COOKIE_NAME, None)
        if first_read:  # the person's own copies are out of date: served from the shared copy, filled in
            bump_person(client.session["_auth_user_id"])
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    return statistics.median(times), queries, status


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notifications", type=int, default=0)
    args = parser.parse_args()
    if args.notifications:
        top_up_notifications(args.notifications)
    forum = Forum.objects.filter(slug__startswith="bench-").order_by("pk").first()
    rec = Recommendation.objects.filter(forum=forum).order_by("pk").first()
    from kurultai.followup.models import ProgressUpdate

    print(
        f"volume: {Recommendation.objects.count()} recommendations, {ProgressUpdate.objects.count()} progress updates, "
        f"{Organisation.objects.count()} organisations, {Notification.objects.count()} notifications, "
        f"{SearchDocument.objects.count()} search documents ({connection.vendor})"
    )
    client = participant()
    pages = {
        "forum page": f"/en/forums/{forum.slug}/",
        "recommendation list": "/ru/recommendations/",
        "recommendation list, page 50": "/ru/recommendations/?page=50",
        "recommendation page": f"/en/recommendations/{rec.pk}/",
        "follow-up dashboard": "/en/follow-up/",
        "directory": "/en/organisations/",
        "directory, page 200": "/en/organisations/?page=200",
        "what I follow (notifications)": "/en/account/notifications/",
    }
    print(f"\n| page | status | queries | median ms (signed in, {REPEAT} runs) |\n|---|---|---|---|")
    for name, path in pages.items():
        ms, queries, status = measure(client, path)
        print(f"| {name} | {status} | {queries} | {ms:.0f} |", flush=True)
    # With the browser's CSRF cookie: the forum-day pages from the copy shared by everyone with the same roles
    # (another bench participant stores it), with this person's parts filled in; the directory from this
    # person's own stored copy.
    other = participant("bench-scale-other@example.org")
    for name in ("forum page", "recommendation page", "recommendation list"):
        measure(other, pages[name], keep_copy=True)
        measure(client, pages[name], keep_copy=True)
        ms, queries, status = measure(client, pages[name], keep_copy=True, first_read=True)
        print(f"| {name}, first read: the shared copy filled in | {status} | {queries} | {ms:.1f} |", flush=True)
    for name in ("forum page", "directory"):
        measure(client, pages[name], keep_copy=True)
        ms, queries, status = measure(client, pages[name], keep_copy=True)
        print(f"| {name}, read again: the person's stored copy | {status} | {queries} | {ms:.1f} |", flush=True)
    anonymous = Client()
    times = []
    for i in range(100):
        started = time.perf_counter()
        anonymous.get(f"/en/search/?q={WORDS[i % len(WORDS)]}&n={i}", HTTP_COOKIE="bench=1")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"\nsearch over {SearchDocument.objects.count()} documents: p50 {times[49]:.0f} ms, p95 {times[94]:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
