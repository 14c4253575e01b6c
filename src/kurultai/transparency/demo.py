"""Demo: the shipped IATI file (111 real activities in Kyrgyzstan and Tajikistan) and a few 2021 links.

The projects are real published data; the links to recommendations and the monitoring note are demo content.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kurultai.forums.models import Recommendation
from kurultai.organisations.models import Organisation
from kurultai.transparency import codelists
from kurultai.transparency.importer import import_file
from kurultai.transparency.models import Activity, MonitoringNote, RecommendationLink
from kurultai.transparency.services import suggest_links

EU_PUBLISHERS = ("XI-IATI-EC", "XT-IATI-EC")
CONFIRMED = 3


def load() -> dict[str, int]:
    """Import the shipped file, suggest links for the 2021 recommendations, confirm a few EU ones."""
    summary = import_file(codelists.DEMO_FILE, source=codelists.DEMO_FILE.name)
    recs = Recommendation.objects.filter(forum__slug="2021-almaty")
    suggested = suggest_links(recs, is_demo=True) if recs.exists() else []
    confirmed = 0
    with transaction.atomic():
        seen_recs: set[int] = set()
        eu_links = (
            RecommendationLink.objects.filter(recommendation__in=recs, is_demo=True)
            .filter(activity__reporting_org_ref__startswith=EU_PUBLISHERS[0])
            .order_by("-score", "pk")
        )
        already = set(
            RecommendationLink.objects.filter(
                recommendation__in=recs, is_demo=True, status=RecommendationLink.Status.CONFIRMED
            ).values_list("recommendation_id", flat=True)
        )
        seen_recs |= already
        for link in eu_links:
            if len(seen_recs) >= CONFIRMED:
                break
            if link.recommendation_id in seen_recs or link.status != RecommendationLink.Status.SUGGESTED:
                continue
            link.status, link.decided_at = RecommendationLink.Status.CONFIRMED, timezone.now()
            link.save(update_fields=["status", "decided_at"])
            seen_recs.add(link.recommendation_id)
            confirmed += 1
    notes = _note()
    return {
        "projects": Activity.objects.count(),
        "transactions imported": summary["transactions"] if summary["created"] or summary["updated"] else 0,
        "suggested links": len(suggested),
        "confirmed demo links": confirmed,
        "monitoring notes": notes,
    }


def _note() -> int:
    """One demo monitoring note by a demo organisation on a civil-society-implemented Kyrgyz project."""
    organisation = Organisation.objects.filter(slug="green-steppe").first()
    activity = (
        Activity.objects.filter(cso_implemented=True, areas__code="KG").order_by("iati_identifier").first()
        or Activity.objects.order_by("iati_identifier").first()
    )
    if organisation is None or activity is None:
        return 0
    _note_obj, created = MonitoringNote.objects.get_or_create(
        activity=activity,
        organisation=organisation,
        is_demo=True,
        defaults={
            "observed_on": dt.date(2024, 5, 14),
            "place": "Naryn",
            "rating": "minor_issues",
            "text": {
                "en": "Demo note: the training sessions took place as announced; the promised equipment for the "
                "two village centres had not yet arrived at the time of our visit.",
                "ru": "Демо-заметка: обучение прошло, как было объявлено; обещанное оборудование для двух "
                "сельских центров на момент нашего визита ещё не поступило.",
            },
            "original_language": "en",
        },
    )
    return int(created)
