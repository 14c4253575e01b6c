"""Benchmark volume for the follow-up: ten dated updates and a response per benchmark recommendation."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from kurultai.followup.models import ImplementationStatus, ProgressUpdate, Response, trackable_of
from kurultai.forums.models import Addressee, Recommendation


@transaction.atomic
def seed(volume: dict[str, int]) -> dict[str, int]:
    rng = random.Random(2021)  # noqa: S311 - repeatable filler, not security
    recs = list(Recommendation.objects.filter(forum__slug__startswith="bench-").select_related("forum"))
    if not recs:
        return {}
    # bulk_create skips save(), which links a record to its subject's trackable: link them here.
    trackables = {rec.pk: trackable_of(rec, create=True) for rec in recs}
    addressees = list(Addressee.objects.all())
    statuses = ImplementationStatus.values
    updates = [
        ProgressUpdate(
            recommendation=rec,
            trackable=trackables[rec.pk],
            status=rng.choice(statuses),
            reporter="actor",
            is_demo=True,
            reported_on=rec.forum.start_date + dt.timedelta(days=30 * (i + 1)),
            text={"en": f"Benchmark progress note {i + 1}."},
        )
        for rec in recs
        for i in range(10)
    ]
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    Response.objects.bulk_create(
        [
            Response(
                recommendation=rec,
                trackable=trackables[rec.pk],
                addressee=rng.choice(addressees),
                status="accepted",
                is_demo=True,
                responded_on=rec.forum.start_date + dt.timedelta(days=60),
            )
            for rec in recs[::2]
        ],
        batch_size=2000,
    )
    return {"progress updates": len(updates)}
