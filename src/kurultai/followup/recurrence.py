"""Recurring recommendations: suggest likely repeats across editions by text similarity; editors decide."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.core.folding import fold
from kurultai.followup.models import RecurrenceLink
from kurultai.forums.models import Recommendation

THRESHOLD = 0.2
STOPWORDS = set(
    "the a an and or of to in on for with by be is are should should be that this as at from it its their "
    "into more other such also need needs can could would will been has have which than all any these those "
    "и в во на с со по для что как это быть также или к от до из о об а но же не их его ее её они".split()
)


STEM = 6


def _all_terms(text: str) -> list[str]:
    """Content words cut to their first letters: a crude stem that works for English and Russian alike."""
    words = "".join(c if c.isalnum() else " " for c in fold(text)).split()
    return [t[:STEM] for t in words if len(t) > 2 and t not in STOPWORDS]


def suggest(min_similarity: float = THRESHOLD) -> int:
    """Store suggested links from each recommendation to similar ones of earlier forums; returns how many are new."""
    recs = list(Recommendation.objects.published().select_related("forum"))
    bags = {}
    for rec in recs:
        words = []
        for text in rec.text.texts().values():
            words += _all_terms(text)
        bags[rec.pk] = Counter(words)
    document_frequency: Counter[str] = Counter()
    for bag in bags.values():
        document_frequency.update(set(bag))
    count = len(recs) or 1
    vectors = {}
    for pk, bag in bags.items():
        vector = {t: n * math.log((1 + count) / (1 + document_frequency[t])) for t, n in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors[pk] = {t: v / norm for t, v in vector.items()}
    known = set(RecurrenceLink.objects.values_list("recommendation_id", "earlier_id"))
    new_links = []
    for later in recs:
        for earlier in recs:
            if earlier.forum.start_date >= later.forum.start_date or (later.pk, earlier.pk) in known:
                continue
            a, b = vectors[later.pk], vectors[earlier.pk]
            score = sum(v * b.get(t, 0.0) for t, v in a.items())
            if score >= min_similarity:
                new_links.append(RecurrenceLink(recommendation=later, earlier=earlier, similarity=round(score, 3)))
    RecurrenceLink.objects.bulk_create(new_links, ignore_conflicts=True)
    return len(new_links)


@transaction.atomic
def decide(actor: Any, link: RecurrenceLink, confirm: bool) -> RecurrenceLink:
    if not actor.has_perm("followup.manage_actors", link.recommendation):
        raise PermissionDenied
    link.status = RecurrenceLink.Status.CONFIRMED if confirm else RecurrenceLink.Status.REJECTED
    link.decided_by, link.decided_at = actor, timezone.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    record(actor, "followup.recurrence", link.recommendation, {"earlier": link.earlier_id, "status": link.status})
    return link


@transaction.atomic
def link(actor: Any, recommendation: Recommendation, earlier: Recommendation) -> RecurrenceLink:
    """An editor links a recommendation to an earlier one by hand."""
    if earlier.forum.start_date >= recommendation.forum.start_date:
        raise ValidationError(_("The earlier recommendation must come from an earlier forum."))
    existing, _created = RecurrenceLink.objects.get_or_create(recommendation=recommendation, earlier=earlier)
    return decide(actor, existing, confirm=True)


def history(recommendation: Recommendation) -> list[Recommendation]:
    """Every earlier recommendation this one repeats, following confirmed links back, oldest first."""
    seen: dict[int, Recommendation] = {}
    frontier = [recommendation.pk]
    while frontier:
        links = RecurrenceLink.objects.filter(recommendation_id__in=frontier, status=RecurrenceLink.Status.CONFIRMED)
        rows = links.select_related("earlier__forum", "earlier__session")
        earlier = [item.earlier for item in rows if item.earlier_id not in seen]
        for rec in earlier:
            seen[rec.pk] = rec
        frontier = [rec.pk for rec in earlier]
    return sorted(seen.values(), key=lambda r: r.forum.start_date)
