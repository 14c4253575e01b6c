"""Recurring recommendations: suggest likely repeats across editions by text similarity; editors decide."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.core.folding import fold
from kurultai.followup.audit import FollowupAction
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


Vector = dict[str, float]


def vectors(recs: list[Recommendation]) -> dict[int, dict[str, Vector]]:
    """Unit TF-IDF vectors per recommendation and per language of its text.

    Texts are compared only within one language, so a translation does not dilute the match; the smoothed
    IDF (+1) keeps words that every text shares, so two identical texts score exactly 1.0.
    """
    bags: dict[int, dict[str, Counter[str]]] = {
        rec.pk: {lang: Counter(_all_terms(text)) for lang, text in rec.text.texts().items()} for rec in recs
    }
    document_frequency: dict[str, Counter[str]] = {}
    for per_language in bags.values():
        for lang, bag in per_language.items():
            document_frequency.setdefault(lang, Counter()).update(set(bag))
    sizes = Counter(lang for per_language in bags.values() for lang in per_language)
    result: dict[int, dict[str, Vector]] = {}
    for pk, per_language in bags.items():
        result[pk] = {}
        for lang, bag in per_language.items():
            df = document_frequency[lang]
            vector = {t: n * (math.log((1 + sizes[lang]) / (1 + df[t])) + 1) for t, n in bag.items()}
            norm = math.sqrt(sum(v * v for v in vector.values()))
            if norm:
                result[pk][lang] = {t: v / norm for t, v in vector.items()}
    return result


def similarity(a: dict[str, Vector], b: dict[str, Vector]) -> float:
    """Cosine similarity in the language the two texts share that matches best (0 when they share none)."""
    best = 0.0
    for lang in a.keys() & b.keys():
        x, y = a[lang], b[lang]
        best = max(best, sum(v * y.get(t, 0.0) for t, v in x.items()))
    return min(best, 1.0)


def suggest(min_similarity: float = THRESHOLD, actor: Any = None) -> int:
    """Store suggested links from each recommendation to similar ones of earlier forums; returns how many are new.

    Side effects: an audit entry with the number of new suggestions.
    """
    recs = list(Recommendation.objects.published().select_related("forum"))
    by_pk = vectors(recs)
    known = set(RecurrenceLink.objects.values_list("recommendation_id", "earlier_id"))
    new_links = []
    for later in recs:
        for earlier in recs:
            if earlier.forum.start_date >= later.forum.start_date or (later.pk, earlier.pk) in known:
                continue
            score = similarity(by_pk[later.pk], by_pk[earlier.pk])
            if score >= min_similarity:
                new_links.append(RecurrenceLink(recommendation=later, earlier=earlier, similarity=round(score, 3)))
    RecurrenceLink.objects.bulk_create(new_links, ignore_conflicts=True)
    record(actor, FollowupAction.RECURRENCES_SUGGESTED, None, {"count": len(new_links)})
    return len(new_links)


@transaction.atomic
def decide(actor: Any, link: RecurrenceLink, confirm: bool) -> RecurrenceLink:
    """Confirm or reject a suggested repeat. Side effects: an audit entry."""
    if not actor.has_perm("followup.manage_recurrences", link.recommendation):
        raise PermissionDenied
    link.status = RecurrenceLink.Status.CONFIRMED if confirm else RecurrenceLink.Status.REJECTED
    link.decided_by, link.decided_at = actor, timezone.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    record(
        actor,
        FollowupAction.RECURRENCE_DECIDED,
        link,
        {"recommendation": link.recommendation_id, "earlier": link.earlier_id, "status": link.status},
    )
    return link


@transaction.atomic
def link(actor: Any, recommendation: Recommendation, earlier: Recommendation) -> RecurrenceLink:
    """An editor links a recommendation to an earlier one by hand."""
    if earlier.forum.start_date >= recommendation.forum.start_date:
        raise ValidationError(_("The earlier recommendation must come from an earlier forum."))
    existing, _created = RecurrenceLink.objects.get_or_create(recommendation=recommendation, earlier=earlier)
    return decide(actor, existing, confirm=True)


def confirmed_exists() -> Exists:
    """Whether a recommendation (the outer query's) repeats an earlier one: its page then shows the history."""
    return Exists(
        RecurrenceLink.objects.filter(recommendation=OuterRef("pk"), status=RecurrenceLink.Status.CONFIRMED)
    )


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
