"""Read API of recommendations and progress updates (the same values as the open-data downloads, CC BY 4.0)."""

from __future__ import annotations

from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import ValidationError

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, Paging, absolute, license_meta, page
from kurultai.followup import kinds, opendata
from kurultai.followup.feeds import attach_subjects, public_records
from kurultai.followup.models import ImplementationStatus, ProgressUpdate
from kurultai.followup.tracking import track
from kurultai.forums.models import Recommendation

router = Router(tags=["recommendations"])

Status = Literal[tuple(ImplementationStatus.values)]  # type: ignore[valid-type]


class ForumOut(Schema):
    slug: str
    year: int
    title: dict[str, str]


class ActorOut(Schema):
    organisation: str
    role: str
    deadline: str | None


class ResponseOut(Schema):
    addressee: str
    status: str
    date: str
    organisation: str = Field(description="Slug of the organisation that gave the answer for the addressee")
    organisation_url: str
    text: dict[str, str]
    demo: bool


class UpdateOut(Schema):
    id: int
    status: str
    date: str
    reporter: str
    organisation: str | None
    text: dict[str, str]
    corrects: int | None
    evidence: list[str]
    demo: bool


class AssessmentOut(Schema):
    organisation: str
    status: str
    date: str
    text: dict[str, str]
    evidence: list[str]
    demo: bool


class RecommendationSummary(Schema):
    id: int
    reference: str = Field(description="Year, session and position, e.g. 2021-S2-R3")
    url: str = Field(description="Absolute link to the recommendation's page")
    forum: ForumOut
    session: int | None
    text: dict[str, str] = Field(description="The text in every language it has")
    original_language: str
    addressees: list[str]
    themes: list[str]
    countries: list[str]
    sdgs: list[int]
    status: str = Field(description="Official implementation status (DESIGN §3 codes)")
    deadline: str | None
    overdue: bool
    due_soon: bool
    stale: bool
    days_without_response: int | None
    civil_society_disagrees: bool
    responsible_actors: list[ActorOut]


class RecommendationDetail(RecommendationSummary):
    meta: MetaOut
    responses: list[ResponseOut]
    updates: list[UpdateOut]
    assessments: list[AssessmentOut]


class Page(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[RecommendationSummary]


class Filters(Schema):
    forum: str | None = Field(None, description="Forum slug, e.g. 2021-almaty")
    theme: str | None = Field(None, description="Theme slug")
    country: str | None = Field(None, description="ISO country code, e.g. KZ")
    addressee: str | None = Field(None, description="eu, governments, csos, donors, international")
    status: Status | None = Field(None, description="Only recommendations with this official status")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10**9)


@router.get("/recommendations", response={200: Page, 422: ERRORS[422]}, summary="List recommendations")
def list_recommendations(request, filters: Query[Filters]) -> dict:
    """Published recommendations with their current follow-up state, oldest forum first."""
    queryset = Recommendation.objects.published()
    if filters.forum:
        queryset = queryset.filter(forum__slug=filters.forum)
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme)
    if filters.country:
        queryset = queryset.filter(countries__code=filters.country.upper())
    if filters.addressee:
        queryset = queryset.filter(addressees__code=filters.addressee)
    items = []
    for rec in opendata.recommendations(queryset.distinct()):
        state = track(rec)
        if filters.status and state.status != filters.status:
            continue
        items.append((rec, state))
    page = items[filters.offset : filters.offset + filters.limit]
    return {
        "meta": license_meta(),
        "count": len(items),
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [opendata.as_dict(rec, state, history=False) for rec, state in page],
    }


@router.get(
    "/recommendations/{recommendation_id}",
    response={200: RecommendationDetail, **ERRORS},
    summary="One recommendation",
)
def get_recommendation(request, recommendation_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """A recommendation with its full history: responses, progress updates and assessments."""
    rec = get_object_or_404(opendata.recommendations(), pk=recommendation_id)
    return {**opendata.as_dict(rec), "meta": license_meta()}


class ProgressUpdateOut(Schema):
    id: int
    kind: str = Field(description="What is followed up: recommendation, action, position")
    subject_title: str = Field(description="Reference or title of the followed-up subject")
    subject_url: str = Field(description="Absolute link to the followed-up subject's page")
    recommendation: int | None = Field(description="The recommendation's id (recommendations only)")
    reference: str | None = Field(description="The recommendation's reference (recommendations only)")
    recommendation_url: str | None
    status: str = Field(description="Implementation status (DESIGN §4 codes)")
    date: str
    reporter: str = Field(description="actor, cso or secretariat")
    organisation: str | None = Field(description="Slug of the organisation reported for")
    organisation_url: str | None
    text: dict[str, str]
    corrects: int | None = Field(description="The earlier update this one corrects")
    evidence: list[str]
    demo: bool


class ProgressUpdateDetail(ProgressUpdateOut):
    meta: MetaOut


class UpdatePage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[ProgressUpdateOut]


class UpdateFilters(Paging):
    kind: str | None = Field(None, max_length=30, description="recommendation, action or position")
    forum: str | None = Field(None, description="Forum slug (recommendations only)")
    recommendation: int | None = Field(None, ge=1, le=MAX_ID, description="Recommendation id")
    organisation: str | None = Field(None, description="Organisation slug")
    status: Status | None = Field(None, description="Implementation status")


def _updates(kind: str = ""):
    """Updates of every public subject (or of one kind), newest first."""
    return (
        public_records(ProgressUpdate, kind)
        .select_related("trackable", "recommendation__forum", "recommendation__session", "organisation")
        .prefetch_related("evidence")
        .order_by("-reported_on", "-id")
    )


def _update(update: ProgressUpdate) -> dict:
    rec = update.recommendation
    trackable = update.trackable
    return {
        "id": update.pk,
        "kind": trackable.kind,
        "subject_title": trackable.title,
        "subject_url": absolute(trackable.get_absolute_url()),
        "recommendation": rec.pk if rec is not None else None,
        "reference": rec.reference if rec is not None else None,
        "recommendation_url": absolute(rec.get_absolute_url()) if rec is not None else None,
        "status": update.status,
        "date": update.reported_on.isoformat(),
        "reporter": update.reporter,
        "organisation": update.organisation.slug if update.organisation_id else None,
        "organisation_url": absolute(update.organisation.get_absolute_url()) if update.organisation_id else None,
        "text": dict(update.text.texts()),
        "corrects": update.corrects_id,
        "evidence": opendata.evidence_links(update.evidence.all()),
        "demo": update.is_demo,
    }


def _updates_page(updates: list[ProgressUpdate]) -> list[dict]:
    return [_update(update) for update in attach_subjects(updates)]


@router.get("/updates", response={200: UpdatePage, 422: ERRORS[422]}, summary="List progress updates", tags=["updates"])
def list_updates(request, filters: Query[UpdateFilters]) -> dict:
    """The timeline of every public recommendation, action and position, newest first."""
    if filters.kind and filters.kind not in {spec.key for spec in kinds.all_kinds()}:
        known = ", ".join(spec.key for spec in kinds.all_kinds())
        raise ValidationError(
            [{"loc": ["query", "kind"], "msg": f"Unknown kind; one of: {known}", "type": "value_error"}]
        )
    queryset = _updates(filters.kind or "")
    if filters.forum:
        queryset = queryset.filter(recommendation__forum__slug=filters.forum)
    if filters.recommendation:
        queryset = queryset.filter(recommendation_id=filters.recommendation)
    if filters.organisation:
        queryset = queryset.filter(organisation__slug=filters.organisation)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    result = page(queryset, filters, lambda update: update)
    result["results"] = _updates_page(result["results"])
    return result


@router.get(
    "/updates/{update_id}",
    response={200: ProgressUpdateDetail, **ERRORS},
    summary="One progress update",
    tags=["updates"],
)
def get_update(request, update_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """A progress update of any public subject, with its evidence links."""
    found = _updates_page([get_object_or_404(_updates(), pk=update_id)])
    if not found:
        raise Http404
    return {**found[0], "meta": license_meta()}
