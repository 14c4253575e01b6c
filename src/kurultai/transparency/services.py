"""State changes of the transparency app: links between projects and recommendations, monitoring notes."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.followup.evidence import check_file
from kurultai.forums.models import Recommendation
from kurultai.notifications.services import emit
from kurultai.organisations.models import Organisation
from kurultai.transparency.audit import TransparencyAction
from kurultai.transparency.models import Activity, Area, MonitoringNote, NoteEvidence, Rating, RecommendationLink

# Thematic areas and the DAC sector groups (3-digit) that answer them.
THEME_SECTORS: dict[str, set[str]] = {
    "climate-change": {"410", "231", "232", "236", "740"},
    "integrated-water": {"140"},
    "water-management": {"140"},
    "transboundary-water": {"140", "410"},
    "disaster-risk": {"740", "720", "410"},
    "biodiversity": {"410"},
    "consumption-waste": {"140", "410"},
    "chemical-safety": {"410", "122"},
    "education": {"111", "112", "113", "114"},
    "environment-health": {"121", "122", "140"},
    "clean-energy": {"231", "232", "236"},
    "water-saving": {"140", "311"},
    "resilience-inclusion": {"160", "151", "720"},
    "rule-of-law": {"151"},
    "health": {"121", "122", "123", "130"},
    "gender-equality": {"151", "152"},
    "youth": {"113", "160"},
    "digital-transformation": {"220", "151"},
    "media-freedom": {"151", "220"},
    "green-economy": {"410", "231", "250", "321"},
    "regional-cooperation": {"151", "331", "140"},
}
MAX_SUGGESTIONS = 5


def _match(rec: Recommendation, activity: Activity, sectors: set[str], countries: set[str], goals: set[int]) -> tuple:
    """Score and reasons of one pair; score 0 when the project cannot answer the recommendation."""
    forum_date = rec.forum.start_date
    end = activity.actual_end or activity.planned_end
    if end is not None and end < forum_date:
        return 0, []
    rec_countries = {c.code for c in rec.countries.all()}
    shared_countries = rec_countries & countries
    if rec_countries and not shared_countries:
        return 0, []
    shared_goals = {s.number for s in rec.sdgs.all()} & goals
    wanted = set().union(*(THEME_SECTORS.get(t.slug, set()) for t in rec.themes.all()))
    shared_sectors = wanted & sectors
    if not shared_goals and not shared_sectors:
        return 0, []
    reasons = [f"sdg:{n}" for n in sorted(shared_goals)]
    reasons += [f"sector:{c}" for c in sorted(shared_sectors)]
    reasons += [f"country:{c}" for c in sorted(shared_countries)]
    reasons.append("period")
    return 3 * len(shared_goals) + 2 * len(shared_sectors) + 2 * len(shared_countries) + 1, reasons


def suggest_links(recommendations: Any = None, *, actor: Any = None, is_demo: bool = False) -> list[RecommendationLink]:
    """Suggest, for each recommendation, the projects that best match it (same SDG, matching sector, same
    country, running after the forum); existing decisions are never touched.

    Side effects: suggested links written, one audit entry.
    """
    recs = list(
        (recommendations if recommendations is not None else Recommendation.objects.published())
        .select_related("forum")
        .prefetch_related("countries", "sdgs", "themes")
    )
    activities = list(Activity.objects.prefetch_related("sdgs"))
    sectors: dict[int, set[str]] = defaultdict(set)
    from kurultai.transparency.models import Sector

    for pk, code in Sector.objects.filter(vocabulary="1").values_list("activity_id", "code"):
        sectors[pk].add(code[:3])
    countries: dict[int, set[str]] = defaultdict(set)
    for pk, code in Area.objects.filter(kind=Area.Kind.COUNTRY).values_list("activity_id", "code"):
        countries[pk].add(code)
    known = set(RecommendationLink.objects.values_list("recommendation_id", "activity_id"))
    created = []
    with transaction.atomic():
        for rec in recs:
            scored = []
            for activity in activities:
                goals = {s.number for s in activity.sdgs.all()}
                score, reasons = _match(rec, activity, sectors[activity.pk], countries[activity.pk], goals)
                if score:
                    scored.append((score, activity.pk, reasons))
            scored.sort(key=lambda s: (-s[0], s[1]))
            for score, pk, reasons in scored[:MAX_SUGGESTIONS]:
                if (rec.pk, pk) in known:
                    continue
                created.append(
                    RecommendationLink(
                        recommendation=rec, activity_id=pk, score=min(score, 32767), reasons=reasons, is_demo=is_demo
                    )
                )
        RecommendationLink.objects.bulk_create(created, ignore_conflicts=True)
        record(actor, TransparencyAction.LINK_SUGGESTED, None, {"suggested": len(created)})
    return created


@transaction.atomic
def decide_link(link: RecommendationLink, *, confirm: bool, actor: Any) -> RecommendationLink:
    """An editor confirms or rejects a suggested (or earlier decided) link.

    Side effects: the decision saved, an audit entry.
    """
    if not actor.has_perm("transparency.manage_links"):
        raise PermissionDenied
    link = RecommendationLink.objects.select_for_update().get(pk=link.pk)
    link.status = RecommendationLink.Status.CONFIRMED if confirm else RecommendationLink.Status.REJECTED
    link.decided_by, link.decided_at = actor, timezone.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    record(actor, TransparencyAction.LINK_DECIDED, link, {"status": link.status})
    return link


def find_recommendation(reference: str) -> Recommendation | None:
    """A published recommendation by id or by reference such as ``2021-S2-R3``."""
    reference = (reference or "").strip().upper()
    published = Recommendation.objects.published().select_related("forum", "session")
    if reference.isdigit():
        return published.filter(pk=int(reference)).first() if int(reference) < 2**63 else None
    parts = reference.split("-")
    try:
        if len(parts) == 3 and parts[1].startswith("S") and parts[2].startswith("R"):
            return published.filter(
                forum__start_date__year=int(parts[0]), session__number=int(parts[1][1:]), position=int(parts[2][1:])
            ).first()
        if len(parts) == 2 and parts[1].startswith("R"):
            return published.filter(
                forum__start_date__year=int(parts[0]), session__isnull=True, position=int(parts[1][1:])
            ).first()
    except ValueError:
        return None
    return None


def link_by_hand(activity: Activity, recommendation: Recommendation, *, actor: Any) -> RecommendationLink:
    """An editor links a project to a recommendation; an earlier suggestion or rejection becomes confirmed.

    Side effects: the link written, an audit entry.
    """
    if not actor.has_perm("transparency.manage_links"):
        raise PermissionDenied
    try:
        with transaction.atomic():
            link, _created = RecommendationLink.objects.get_or_create(
                recommendation=recommendation, activity=activity, defaults={"reasons": ["manual"]}
            )
    except IntegrityError:  # a double submission: the first one created it
        link = RecommendationLink.objects.get(recommendation=recommendation, activity=activity)
    with transaction.atomic():
        link.status = RecommendationLink.Status.CONFIRMED
        link.decided_by, link.decided_at = actor, timezone.now()
        link.save(update_fields=["status", "decided_by", "decided_at"])
        record(actor, TransparencyAction.LINK_ADDED, link, {"recommendation": recommendation.pk})
    return link


def post_note(
    *,
    activity: Activity,
    actor: Any,
    organisation: Organisation,
    observed_on: dt.date,
    text: str,
    rating: str,
    place: str = "",
    text_language: str | None = None,
    evidence_url: str = "",
    evidence_file: Any = None,
    is_demo: bool = False,
) -> MonitoringNote:
    """A representative records what their organisation observed about a project, with evidence.

    Side effects: the note and its evidence saved in one transaction, an audit entry, a ``transparency.note``
    event for followers after commit.
    """
    if not actor.has_perm("transparency.note_for_organisation", organisation):
        raise PermissionDenied(_("You do not represent this organisation."))
    if rating not in Rating.values:
        raise ValidationError(_("Choose how delivery looks."), code="rating")
    if not text or not text.strip():
        raise ValidationError(_("Say what you observed."), code="text")
    if observed_on > timezone.localdate():
        raise ValidationError(_("The observation date cannot be in the future."), code="future")
    content_type = check_file(evidence_file) if evidence_file is not None else ""
    from kurultai.core.multilingual import active_language, language_codes

    lang = text_language if text_language in language_codes() else active_language()
    with transaction.atomic():
        note = MonitoringNote.objects.create(
            activity=activity,
            organisation=organisation,
            author=actor,
            observed_on=observed_on,
            place=place.strip()[:200],
            text={lang: text.strip()},
            original_language=lang,
            rating=rating,
            is_demo=is_demo,
        )
        if evidence_url:
            NoteEvidence.objects.create(note=note, url=evidence_url, title=evidence_url[:200])
        if evidence_file is not None:
            NoteEvidence.objects.create(
                note=note,
                file=evidence_file,
                title=(evidence_file.name or "")[:200],
                content_type=content_type,
                size=evidence_file.size,
            )
        record(actor, TransparencyAction.NOTE_POSTED, note, {"activity": activity.pk, "rating": rating})
        from kurultai.transparency.notifications import topics_of

        emit("transparency.note", note, actor=actor, topics=topics_of(note))
    return note
