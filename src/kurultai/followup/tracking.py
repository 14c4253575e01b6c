"""Computed follow-up state of tracked subjects: official status, CSO view, and the warning flags.

:func:`track` reads a recommendation prefetched by :func:`with_tracking` or a trackable prefetched by
:func:`trackables_with_tracking`; both have the same related managers (``updates``, ``responses``, ``assessments``,
``responsible_actors``), so one computation serves every kind.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.widgets import FastSelect
from kurultai.followup import kinds
from kurultai.followup.models import (
    Assessment,
    ImplementationStatus,
    ProgressUpdate,
    Response,
    ResponseStatus,
    Trackable,
)
from kurultai.forums.models import Forum, Recommendation

DUE_SOON_DAYS = 30
STALE_DAYS = 182
DONE = {ImplementationStatus.IMPLEMENTED, ImplementationStatus.NO_LONGER_RELEVANT}


@dataclass
class Tracking:
    """Everything a page or the dashboard says about where a tracked subject stands."""

    recommendation: Recommendation | None
    subject: Any = None
    trackable: Trackable | None = None
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

    @property
    def title(self) -> str:
        if self.recommendation is not None:
            return self.recommendation.reference
        spec = kinds.for_model(type(self.subject))
        return spec.title(self.subject) if spec else str(self.subject)

    @property
    def url(self) -> str:
        return self.subject.get_absolute_url() if self.subject is not None else ""

    @property
    def excerpt(self) -> str:
        return str(getattr(self.subject, "text", "") or "")


def known_start(forum: Forum) -> dt.date | None:
    """The forum's first day when it is known to the day; ``None`` for forums dated only by month or year."""
    return forum.start_date if forum.date_precision == Forum.DatePrecision.DAY else None


def _stale(
    first_response: dt.date | None, deadline: dt.date | None, last_reported: dt.date | None, today: dt.date
) -> bool:
    """No update for six months since the clock started: the first response or the deadline, whichever came first.

    Before either, nothing is expected yet, so nothing is stale.
    """
    starts = [day for day in (first_response, deadline) if day is not None and day <= today]
    if not starts:
        return False
    since = min(starts)
    if last_reported is not None and last_reported > since:
        since = last_reported
    return (today - since).days > STALE_DAYS


def _newest_only(updates: QuerySet[ProgressUpdate]) -> QuerySet[ProgressUpdate]:
    """The newest update of each subject, in the order :func:`track` reads them."""
    newest = ProgressUpdate.objects.filter(trackable=OuterRef("trackable")).order_by(
        "-reported_on", "-created_at", "-id"
    )
    return updates.filter(pk=Subquery(newest.values("pk")[:1]))


def _record_prefetches(latest_update_only: bool = False) -> list[Prefetch]:
    updates = ProgressUpdate.objects.select_related("organisation").order_by("-reported_on", "-created_at", "-id")
    return [
        # track() reads only the newest update: a summary of thousands of subjects fetches one each.
        Prefetch("updates", queryset=_newest_only(updates) if latest_update_only else updates),
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
    ]


def with_tracking(queryset: QuerySet[Recommendation], latest_update_only: bool = False) -> QuerySet[Recommendation]:
    """Prefetch what :func:`track` reads, in a fixed number of queries (``latest_update_only``: when nothing else
    will read the updates, only the newest of each)."""
    return queryset.select_related("forum", "session").prefetch_related(
        *_record_prefetches(latest_update_only), "responsible_actors"
    )


def trackables_with_tracking(queryset: QuerySet[Trackable]) -> QuerySet[Trackable]:
    """The same for trackables of any kind (subjects are fetched by :func:`attach_subjects`)."""
    return queryset.prefetch_related(
        *_record_prefetches(),
        Prefetch("responsible_actors", queryset=_actors()),
    )


def _actors() -> QuerySet:
    from kurultai.followup.models import ResponsibleActor

    return ResponsibleActor.objects.select_related("organisation")


def attach_subjects(subjects: list, *, create: bool = False) -> dict[int, Trackable]:
    """Give same-model subjects their prefetched trackables (``subject.trackable_tracking``), in a fixed number of
    queries; subjects never tracked get ``None`` (or a new trackable when ``create``)."""
    if not subjects:
        return {}
    from kurultai.followup.models import trackable_of

    found = {t.object_id: t for t in trackables_with_tracking(Trackable.objects.of_subjects(subjects))}
    for subject in subjects:
        trackable = found.get(subject.pk)
        if trackable is None and create:
            trackable = trackable_of(subject, create=True)
            found[subject.pk] = trackable
        if trackable is not None:
            trackable.subject = subject
            subject._trackable_cache = trackable
        subject.tracking = track(trackable) if trackable is not None else Tracking(recommendation=None, subject=subject)
    return found


def track(source: Recommendation | Trackable, today: dt.date | None = None) -> Tracking:
    """The follow-up state of one (prefetched) recommendation or trackable."""
    today = today or timezone.localdate()
    updates = list(source.updates.all())
    if isinstance(source, Trackable):
        subject = source.subject
        rec = subject if source.kind == "recommendation" else None
        tracking = Tracking(recommendation=rec, subject=subject, trackable=source)
        start = known_start(rec.forum) if rec is not None else source.kind_spec.start(subject)
    else:
        rec = source
        tracking = Tracking(recommendation=rec, subject=rec)
        start = known_start(rec.forum)
    if updates:
        tracking.last_update = updates[0]
        tracking.status = updates[0].status
    deadlines = [a.deadline for a in source.responsible_actors.all() if a.deadline]
    if isinstance(source, Trackable) and source.deadline:
        deadlines.append(source.deadline)
    tracking.deadline = min(deadlines) if deadlines else None
    done = tracking.status in DONE
    if tracking.deadline and not done:
        tracking.overdue = tracking.deadline < today
        tracking.due_soon = today <= tracking.deadline <= today + dt.timedelta(days=DUE_SOON_DAYS)
    # Only answers given in an organisation's name are official; unattributed entries never count.
    official = [r for r in source.responses.all() if r.organisation_id is not None]
    latest_per_addressee: dict[int, Response] = {}
    for response in official:
        latest_per_addressee.setdefault(response.addressee_id, response)
    tracking.responses = list(latest_per_addressee.values())
    real = [r for r in official if r.status != ResponseStatus.AWAITING_RESPONSE]
    first_response = min((r.responded_on for r in real), default=None)
    last_reported = tracking.last_update.reported_on if tracking.last_update else None
    tracking.stale = not done and _stale(first_response, tracking.deadline, last_reported, today)
    forum_date = start
    tracking.unanswered = first_response is None
    if first_response is not None:
        if forum_date is not None:
            tracking.first_response_days = max(0, (first_response - forum_date).days)
    elif forum_date is not None:
        tracking.days_without_response = max(0, (today - forum_date).days)
    per_org: dict[int, Assessment] = {}
    for assessment in source.assessments.all():
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


def trackings_of_kind(key: str) -> list[Tracking]:
    """Where every public subject of one kind stands, in a fixed number of queries."""
    spec = kinds.get(key)
    trackables = list(trackables_with_tracking(Trackable.objects.filter(kind=key)))
    subjects = spec.subjects([t.object_id for t in trackables])
    result = []
    for trackable in trackables:
        subject = subjects.get(trackable.object_id)
        if subject is not None:
            trackable.subject = subject
            result.append(track(trackable))
    return result


@dataclass
class DashboardFacts:
    """What the dashboard says about a set of recommendations: counts, and the few it lists by name."""

    total: int
    counts: dict[str, int]
    answered: int
    median_days: int | None
    stale: int
    overdue: int
    due_soon: int
    disputed: int
    lists: dict[str, list[int]]  # recommendation ids, in the order shown


LISTED = 20  # overdue, due-soon and disputed items named on the dashboard (the counts cover all of them)


def dashboard_facts(queryset: QuerySet[Recommendation], today: dt.date | None = None) -> DashboardFacts:
    """Where a set of recommendations stands, as :func:`track` says for each, from the facts kept on their
    trackables (``followup.facts``): about ten queries whatever the number of recommendations and updates."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=STALE_DAYS)
    open_ = ~Q(status__in=DONE)
    flags = {
        "answered": Q(first_response_on__isnull=False),
        # No update for six months since the clock started (first response or deadline): see _stale().
        "stale": open_
        & (Q(first_response_on__lt=cutoff) | Q(actors_deadline__lt=cutoff))
        & (Q(last_reported_on__isnull=True) | Q(last_reported_on__lt=cutoff)),
        "overdue": open_ & Q(actors_deadline__lt=today),
        "due_soon": open_
        & Q(actors_deadline__gte=today, actors_deadline__lte=today + dt.timedelta(days=DUE_SOON_DAYS)),
        "disputed": Q(disputed=True),
    }
    tracked = Trackable.objects.filter(kind="recommendation", object_id__in=queryset.values("pk"))
    found = tracked.aggregate(
        tracked=Count("pk"),
        **{name: Count("pk", filter=q) for name, q in flags.items()},
        **{f"status_{code}": Count("pk", filter=Q(status=code)) for code in ImplementationStatus.values},
    )
    total = queryset.count()
    counts = {code: found[f"status_{code}"] for code in ImplementationStatus.values}
    counts[ImplementationStatus.NO_INFORMATION] += total - found["tracked"]  # never followed up yet

    def flagged(q: Q) -> QuerySet[Recommendation]:
        return queryset.filter(pk__in=tracked.filter(q).values("object_id"))

    # Oldest unanswered: the longest wait since a forum known to the day, then the rest in list order.
    day = Forum.DatePrecision.DAY
    unanswered = (
        queryset.exclude(pk__in=tracked.filter(flags["answered"]).values("object_id"))
        .annotate(
            _known=Case(When(forum__date_precision=day, then=0), default=1),
            _start=Case(When(forum__date_precision=day, then=F("forum__start_date"))),
        )
        .order_by("_known", "_start", *(queryset.query.order_by or Recommendation._meta.ordering))
    )
    lists = first_ids(
        {
            "oldest_unanswered": (unanswered, 5),
            "overdue": (flagged(flags["overdue"]), LISTED),
            "due_soon": (flagged(flags["due_soon"]), LISTED),
            "stale": (flagged(flags["stale"]), 10),
            "disagreements": (flagged(flags["disputed"]), LISTED),
        }
    )
    return DashboardFacts(
        total=total,
        counts=counts,
        answered=found["answered"],
        median_days=_median_first_response_days(tracked, queryset),
        stale=found["stale"],
        overdue=found["overdue"],
        due_soon=found["due_soon"],
        disputed=found["disputed"],
        lists=lists,
    )


def first_ids(parts: dict[str, tuple[QuerySet, int]]) -> dict[str, list[int]]:
    """The first ids of several ordered querysets in one query (each part keeps its own order and limit).

    Written by hand because Django cannot put a limit on each part of a UNION on SQLite; each part is numbered
    in its own order by the database and wrapped, which both engines accept.
    """
    from django.core.exceptions import EmptyResultSet

    selects, params = [], []
    for number, (queryset, limit) in enumerate(parts.values()):
        ordering = [_order_expression(name) for name in (queryset.query.order_by or queryset.model._meta.ordering)]
        numbered = queryset.annotate(_place=Window(RowNumber(), order_by=ordering)).order_by("_place")
        try:
            sql, part_params = numbered.values_list("pk", "_place")[:limit].query.sql_with_params()
        except EmptyResultSet:  # this part can match nothing
            continue
        selects.append(f"SELECT {number} AS part, * FROM ({sql}) AS part{number}")  # noqa: S608 - numbers only
        params += part_params
    found: dict[str, list[int]] = {name: [] for name in parts}
    if not selects:
        return found
    names = list(parts)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) + " ORDER BY 1, 3", params)
        for part, pk, _place in cursor.fetchall():
            found[names[part]].append(pk)
    return found


def _order_expression(name: str):
    if isinstance(name, str):
        return F(name[1:]).desc() if name.startswith("-") else F(name).asc()
    return name


def _median_first_response_days(tracked: QuerySet[Trackable], queryset: QuerySet[Recommendation]) -> int | None:
    """The median of days from a forum (known to the day) to its recommendations' first official responses.

    One query: the middle one or two of the answered, numbered in order by the database.
    """
    start = Recommendation.objects.filter(pk=OuterRef("object_id")).order_by().values("forum__start_date")[:1]
    answered = tracked.filter(
        first_response_on__isnull=False,
        object_id__in=queryset.filter(forum__date_precision=Forum.DatePrecision.DAY).values("pk"),
    ).annotate(
        days=ExpressionWrapper(F("first_response_on") - Subquery(start), output_field=DurationField())
    )
    middle = answered.annotate(
        place=Window(RowNumber(), order_by=[F("days").asc(), F("pk").asc()]),
        size=Window(Count("pk")),
    ).filter(Q(place=(F("size") + 1) / 2) | Q(place=F("size") / 2 + 1))
    days = [max(0, value.days) for value in middle.values_list("days", flat=True)]
    if not days:
        return None
    return round(statistics.median(days))


def trackings_for(pks: list[int]) -> list[Tracking]:
    """Full trackings of these recommendations, in this order (the few a dashboard lists)."""
    if not pks:
        return []
    by_pk = {rec.pk: rec for rec in with_tracking(Recommendation.objects.filter(pk__in=pks))}
    return [track(by_pk[pk]) for pk in pks if pk in by_pk]
