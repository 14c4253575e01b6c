"""Computed follow-up state of recommendations: official status, CSO view, and the warning flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.widgets import FastSelect
from kurultai.followup.models import Assessment, ImplementationStatus, ProgressUpdate, Response, ResponseStatus
from kurultai.forums.models import Forum, Recommendation

DUE_SOON_DAYS = 30
STALE_DAYS = 182
DONE = {ImplementationStatus.IMPLEMENTED, ImplementationStatus.NO_LONGER_RELEVANT}


@dataclass
class Tracking:
    """Everything a page or the dashboard says about where a recommendation stands."""

    recommendation: Recommendation
    status: str = ImplementationStatus.NO_INFORMATION
    last_update: ProgressUpdate | None = None
    deadline: dt.date | None = None
    responses: list[Response] = field(default_factory=list)
    cso_views: list[Assessment] = field(default_factory=list)
    overdue: bool = False
    due_soon: bool = False
    stale: bool = False
    unanswered: bool = True
    days_without_response: int | None = None
    first_response_days: int | None = None

    @property
    def status_label(self) -> str:
        return str(ImplementationStatus(self.status).label)

    @property
    def disagreement(self) -> bool:
        """True when an organisation's real status differs from a real official one ("no information" is neither)."""
        if self.status == ImplementationStatus.NO_INFORMATION:
            return False
        return any(a.status not in (self.status, ImplementationStatus.NO_INFORMATION) for a in self.cso_views)

    @property
    def answered(self) -> bool:
        return not self.unanswered


def known_start(forum: Forum) -> dt.date | None:
    """The forum's first day when it is known to the day; ``None`` for forums dated only by month or year."""
    return forum.start_date if forum.date_precision == Forum.DatePrecision.DAY else None


def _stale(
    first_response: dt.date | None, deadline: dt.date | None, last_update: ProgressUpdate | None, today: dt.date
) -> bool:
    """No update for six months since the clock started: the first response or the deadline, whichever came first.

    Before either, nothing is expected yet, so nothing is stale.
    """
    starts = [day for day in (first_response, deadline) if day is not None and day <= today]
    if not starts:
        return False
    since = min(starts)
    if last_update is not None and last_update.reported_on > since:
        since = last_update.reported_on
    return (today - since).days > STALE_DAYS


def with_tracking(queryset: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Prefetch what :func:`track` reads, in a fixed number of queries."""
    return queryset.select_related("forum", "session").prefetch_related(
        Prefetch(
            "updates",
            queryset=ProgressUpdate.objects.select_related("organisation").order_by("-reported_on", "-created_at"),
        ),
        Prefetch(
            "responses",
            queryset=Response.objects.select_related("addressee", "organisation").order_by(
                "-responded_on", "-created_at"
            ),
        ),
        Prefetch(
            "assessments",
            queryset=Assessment.objects.select_related("organisation").order_by("-assessed_on", "-created_at"),
        ),
        "responsible_actors",
    )


def track(rec: Recommendation, today: dt.date | None = None) -> Tracking:
    """The follow-up state of one (prefetched) recommendation."""
    today = today or timezone.localdate()
    updates = list(rec.updates.all())
    tracking = Tracking(recommendation=rec)
    if updates:
        tracking.last_update = updates[0]
        tracking.status = updates[0].status
    deadlines = [a.deadline for a in rec.responsible_actors.all() if a.deadline]
    tracking.deadline = min(deadlines) if deadlines else None
    done = tracking.status in DONE
    if tracking.deadline and not done:
        tracking.overdue = tracking.deadline < today
        tracking.due_soon = today <= tracking.deadline <= today + dt.timedelta(days=DUE_SOON_DAYS)
    # Only answers given in an organisation's name are official; unattributed entries never count.
    official = [r for r in rec.responses.all() if r.organisation_id is not None]
    latest_per_addressee: dict[int, Response] = {}
    for response in official:
        latest_per_addressee.setdefault(response.addressee_id, response)
    tracking.responses = list(latest_per_addressee.values())
    real = [r for r in official if r.status != ResponseStatus.AWAITING_RESPONSE]
    first_response = min((r.responded_on for r in real), default=None)
    tracking.stale = not done and _stale(first_response, tracking.deadline, tracking.last_update, today)
    forum_date = known_start(rec.forum)
    tracking.unanswered = first_response is None
    if first_response is not None:
        if forum_date is not None:
            tracking.first_response_days = max(0, (first_response - forum_date).days)
    elif forum_date is not None:
        tracking.days_without_response = max(0, (today - forum_date).days)
    per_org: dict[int, Assessment] = {}
    for assessment in rec.assessments.all():
        per_org.setdefault(assessment.organisation_id, assessment)
    tracking.cso_views = list(per_org.values())
    return tracking


def with_status(queryset: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Annotate ``implementation_status``: the status of the newest update, as :func:`track` computes it."""
    newest = ProgressUpdate.objects.filter(recommendation=OuterRef("pk")).order_by("-reported_on", "-created_at")
    return queryset.annotate(
        implementation_status=Coalesce(
            Subquery(newest.values("status")[:1]), Value(ImplementationStatus.NO_INFORMATION)
        )
    )


def filter_by_status(queryset: QuerySet[Recommendation], status: str) -> QuerySet[Recommendation]:
    """Recommendations whose official implementation status is ``status`` (one SQL filter, any page size)."""
    return with_status(queryset).filter(implementation_status=status)


def statuses(recommendation_ids: list[int]) -> dict[int, str]:
    """Implementation status per recommendation id, in one query."""
    if not recommendation_ids:
        return {}
    rows = with_status(Recommendation.objects.filter(pk__in=recommendation_ids)).values_list(
        "pk", "implementation_status"
    )
    return dict(rows)


def decorate_with_status(recommendations: list[Recommendation]) -> None:
    """Give list rows their status (``implementation_status`` and ``implementation_status_label``)."""
    missing = [rec.pk for rec in recommendations if not getattr(rec, "implementation_status", None)]
    known = statuses(missing)
    for rec in recommendations:
        code = getattr(rec, "implementation_status", None) or known.get(rec.pk, ImplementationStatus.NO_INFORMATION)
        rec.implementation_status = code
        rec.implementation_status_label = ImplementationStatus(code).label


def decorate_hits(hits: list) -> None:
    """Search results for recommendations say where each stands."""
    found = statuses([hit.object_id for hit in hits])
    for hit in hits:
        code = found.get(hit.object_id)
        if code:
            hit.extra["status"] = code
            hit.extra["status_label"] = ImplementationStatus(code).label


def status_filter_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Implementation status"),
        required=False,
        choices=[("", _("Any status")), *ImplementationStatus.choices],
        widget=FastSelect,
    )


def connect() -> None:
    """Show the status wherever recommendations are listed or found, and let lists filter by it."""
    from kurultai.core.search import register_hit_decorator
    from kurultai.forums.panels import register_recommendation_decorator, register_recommendation_filter

    register_recommendation_decorator(decorate_with_status)
    register_recommendation_filter("status", status_filter_field, filter_by_status)
    register_hit_decorator("recommendation", decorate_hits)
