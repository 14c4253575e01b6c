"""Read API of recommendations with their follow-up (the same values as the open-data downloads)."""

from __future__ import annotations

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from kurultai.followup import opendata
from kurultai.followup.models import ImplementationStatus
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
    organisation: str | None
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
    url: str
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
    responses: list[ResponseOut]
    updates: list[UpdateOut]
    assessments: list[AssessmentOut]


class Page(Schema):
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
    offset: int = Field(0, ge=0)


@router.get("/recommendations", response=Page, summary="List recommendations")
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
        "count": len(items),
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [opendata.as_dict(rec, state, history=False) for rec, state in page],
    }


@router.get("/recommendations/{recommendation_id}", response=RecommendationDetail, summary="One recommendation")
def get_recommendation(request, recommendation_id: int) -> dict:
    """A recommendation with its full history: responses, progress updates and assessments."""
    rec = get_object_or_404(opendata.recommendations(), pk=recommendation_id)
    return opendata.as_dict(rec)
