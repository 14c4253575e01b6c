"""Computed follow-up state of recommendations: official status, CSO view, and the warning flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kurultai.followup.models import Assessment, ImplementationStatus, ProgressUpdate, Response, ResponseStatus
from kurultai.forums.models import Recommendation

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
    days_without_response: int | None = None
    first_response_days: int | None = None

    @property
    def status_label(self) -> str:
        return str(ImplementationStatus(self.status).label)

    @property
    def disagreement(self) -> bool:
        """True when any organisation's view differs from the official status."""
        return any(a.status != self.status for a in self.cso_views)

    @property
    def answered(self) -> bool:
        return self.days_without_response is None


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
    since = tracking.last_update.reported_on if tracking.last_update else rec.forum.start_date
    tracking.stale = not done and (today - since).days > STALE_DAYS
    latest_per_addressee: dict[int, Response] = {}
    for response in rec.responses.all():
        latest_per_addressee.setdefault(response.addressee_id, response)
    tracking.responses = list(latest_per_addressee.values())
    real = [r for r in rec.responses.all() if r.status != ResponseStatus.AWAITING_RESPONSE]
    if real:
        tracking.first_response_days = max(0, (min(r.responded_on for r in real) - rec.forum.start_date).days)
    else:
        tracking.days_without_response = max(0, (today - rec.forum.start_date).days)
    per_org: dict[int, Assessment] = {}
    for assessment in rec.assessments.all():
        per_org.setdefault(assessment.organisation_id, assessment)
    tracking.cso_views = list(per_org.values())
    return tracking
