"""``kurultai bench_fanout``: one event reaching 10,000 followers; prints queries per batch and the time taken."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kurultai.notifications import services
from kurultai.notifications.models import Delivery, Event, Notification, Subscription, SubscriptionTerm


class Command(BaseCommand):
    help = "Seed followers (unless present) and fan out one event to them; run it on a benchmark database."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--followers", type=int, default=10000)

    def handle(self, *args: Any, **options: Any) -> None:
        from kurultai.accounts.models import User
        from kurultai.core.models import Country

        wanted = options["followers"]
        country = Country.objects.get(code="TJ")
        have = Subscription.objects.filter(signature="country=TJ", user__email__startswith="bench-follower-").count()
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(email=f"bench-follower-{have + i}@bench.invalid", preferred_language=("ru", "en", "tg")[i % 3])
                for i in range(max(0, wanted - have))
            )
            subscriptions = Subscription.objects.bulk_create(
                Subscription(user=u, signature="country=TJ", dims=1, channels=["email"], frequency="daily")
                for u in users
            )
            SubscriptionTerm.objects.bulk_create(
                SubscriptionTerm(subscription=s, dimension="country", value="TJ") for s in subscriptions
            )
            event = Event.objects.create(
                code="followup.update",
                object_type="core.Country",
                object_id=str(country.pk),
                topics={"country": ["TJ"]},
            )
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries, transaction.atomic():
            created = services.fan_out(event.pk)
        elapsed = time.perf_counter() - started
        batches = -(-wanted // services.FAN_OUT_BATCH)
        self.stdout.write(
            f"followers {wanted}: {created} deliveries, "
            f"{Notification.objects.filter(event=event).count()} notifications, "
            f"{len(queries.captured_queries)} queries in {batches} batches of {services.FAN_OUT_BATCH} "
            f"({len(queries.captured_queries) / max(batches, 1):.1f} per batch), {elapsed:.2f} s"
        )
        Delivery.objects.filter(event=event).delete()
        Notification.objects.filter(event=event).delete()
        event.delete()
