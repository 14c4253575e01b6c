"""Benchmark volume for the follow-up: dated progress updates and a response for benchmark recommendations."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from kurultai.followup import facts
from kurultai.followup.models import ImplementationStatus, ProgressUpdate, Response, Trackable
from kurultai.forums.models import Addressee, Recommendation
from kurultai.organisations.models import Organisation

UPDATES_PER_RECOMMENDATION = 25  # 400 recommendations → 10,000 updates, as the issue's ×1 volume
CHUNK = 2000  # recommendations per round, so a ×100 volume never holds a million updates in memory


@transaction.atomic
def seed(volume: dict[str, int]) -> dict[str, int]:
    rng = random.Random(2021)  # noqa: S311 - repeatable filler, not security
    recs = list(
        Recommendation.objects.filter(forum__slug__startswith="bench-")
        .order_by("pk")
        .values_list("pk", "forum__start_date")
    )
    if not recs:
        return {}
    addressees = list(Addressee.objects.all())
    # Official responses come from an organisation (unattributed ones are not counted as answers).
    responders = list(Organisation.objects.order_by("pk").values_list("pk", flat=True)[:50]) or [None]
    statuses = ImplementationStatus.values
    content_type = ContentType.objects.get_for_model(Recommendation)
    total = 0
    for start in range(0, len(recs), CHUNK):
        chunk = recs[start : start + CHUNK]
        # bulk_create skips save(), which links a record to its subject's trackable and refreshes the facts kept
        # on it: both are done here.
        trackables = Trackable.objects.bulk_create(
            [Trackable(content_type=content_type, object_id=pk, kind="recommendation") for pk, _date in chunk],
            batch_size=CHUNK,
        )
        by_rec = {t.object_id: t.pk for t in trackables}
        updates = [
            ProgressUpdate(
                recommendation_id=pk,
                trackable_id=by_rec[pk],
                status=rng.choice(statuses),
                reporter="actor",
                is_demo=True,
                reported_on=start_date + dt.timedelta(days=15 * (i + 1)),
                text={"en": f"Benchmark progress note {i + 1}."},
            )
            for pk, start_date in chunk
            for i in range(UPDATES_PER_RECOMMENDATION)
        ]
        ProgressUpdate.objects.bulk_create(updates, batch_size=5000)
        Response.objects.bulk_create(
            [
                Response(
                    recommendation_id=pk,
                    trackable_id=by_rec[pk],
                    addressee=rng.choice(addressees),
                    organisation_id=rng.choice(responders),
                    status="accepted",
                    is_demo=True,
                    responded_on=start_date + dt.timedelta(days=60),
                )
                for pk, start_date in chunk[::2]
            ],
            batch_size=CHUNK,
        )
        facts.refresh(by_rec.values())
        total += len(updates)
    return {"progress updates": total}
