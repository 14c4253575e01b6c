"""Read API of recommendations and progress updates (the same values as the open-data downloads, CC BY 4.0)."""

from __future__ import annotations

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, Paging, absolute, license_meta, page
from kurultai.followup import opendata
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
    recommendation: int
    reference: str
    recommendation_url: str
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
    forum: str | None = Field(None, description="Forum slug")
    recommendation: int | None = Field(None, ge=1, le=MAX_ID, description="Recommendation id")
    organisation: str | None = Field(None, description="Organisation slug")
    status: Status | None = Field(None, description="Implementation status")


def _updates():
    return (
        ProgressUpdate.objects.filter(recommendation__forum__is_published=True)
        .select_related("recommendation__forum", "recommendation__session", "organisation")
        .prefetch_related("evidence")
        .order_by("-reported_on", "-id")
    )


def _update(update: ProgressUpdate) -> dict:
    rec = update.recommendation
    return {
        "id": update.pk,
        "recommendation": rec.pk,
        "reference": rec.reference,
        "recommendation_url": absolute(rec.get_absolute_url()),
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


@router.get(
    "/updates", response={200: UpdatePage, 422: ERRORS[422]}, summary="List progress updates", tags=["updates"]
)
def list_updates(request, filters: Query[UpdateFilters]) -> dict:
    """The timeline of every published recommendation, newest first."""
    queryset = _updates()
    if filters.forum:
        queryset = queryset.filter(recommendation__forum__slug=filters.forum)
    if filters.recommendation:
        queryset = queryset.filter(recommendation_id=filters.recommendation)
    if filters.organisation:
        queryset = queryset.filter(organisation__slug=filters.organisation)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return page(queryset, filters, _update)


@router.get(
    "/updates/{update_id}",
    response={200: ProgressUpdateDetail, **ERRORS},
    summary="One progress update",
    tags=["updates"],
)
def get_update(request, update_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """A progress update with its evidence links."""
    return {**_update(get_object_or_404(_updates(), pk=update_id)), "meta": license_meta()}
