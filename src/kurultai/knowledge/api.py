"""Read API of the knowledge hub: published good practices (their published version) and published demonstration
sites. Drafts, versions under review and proposed sites never appear."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, Paging, absolute, license_meta, page
from kurultai.knowledge.models import DemoSite, Practice, PracticeVersion

router = Router(tags=["knowledge"])


class OrganisationRef(Schema):
    id: int
    slug: str
    name: dict[str, str]
    url: str


class BuildingBlockOut(Schema):
    id: int
    url: str
    title: dict[str, str]
    description: dict[str, str]
    enabling_factors: dict[str, str]


class PracticeOut(Schema):
    id: int
    url: str = Field(description="Absolute link to the practice's page")
    version: int = Field(description="Number of the published version shown")
    published: str | None = Field(description="When this version was published")
    original_language: str
    title: dict[str, str] = Field(description="The title in every language given")
    summary: dict[str, str]
    country: str | None = Field(description="ISO code of the country")
    region: str
    themes: list[str] = Field(description="Theme slugs")
    sdgs: list[int]
    organisations: list[OrganisationRef] = Field(description="The organisations behind it")
    demo: bool = Field(description="Demonstration content")


class PracticeDetail(PracticeOut):
    meta: MetaOut
    challenge: dict[str, str]
    solution: dict[str, str]
    impact: dict[str, str]
    lessons: dict[str, str]
    cost: dict[str, Any] = Field(description='{"amount": "1200.00" or null, "currency": "EUR", "text": {...}}')
    latitude: str | None
    longitude: str | None
    building_blocks: list[BuildingBlockOut]
    versions: list[int] = Field(description="Numbers of every published version, newest first")
    inspired_by: list[int] = Field(description="Ids of published practices this one builds on")
    replicated_in: list[int] = Field(description="Ids of published practices that build on this one")


class PracticePage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[PracticeOut]


class SiteOut(Schema):
    id: int
    url: str
    name: dict[str, str]
    original_language: str
    host: OrganisationRef
    country: str
    region: str
    directions: dict[str, str]
    what_to_see: dict[str, str]
    latitude: str | None
    longitude: str | None
    themes: list[str]
    practice: int | None = Field(description="Id of the published practice it demonstrates")
    demo: bool


class SiteDetail(SiteOut):
    meta: MetaOut


class SitePage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[SiteOut]


class PracticeFilters(Paging):
    country: str | None = Field(None, max_length=2, description="ISO country code, e.g. KZ")
    theme: str | None = Field(None, max_length=100, description="Theme slug, e.g. water-saving")


def _texts(value: Any) -> dict[str, str]:
    return {k: v for k, v in dict(value or {}).items() if not k.startswith("_") and isinstance(v, str) and v}


def _organisation(org: Any) -> dict[str, Any]:
    return {"id": org.pk, "slug": org.slug, "name": _texts(org.name), "url": absolute(org.get_absolute_url())}


def _coordinate(value: Any) -> str | None:
    return None if value is None else str(value)


def _practices():
    return (
        Practice.objects.published()
        .select_related("current", "current__country")
        .prefetch_related("current__themes", "current__sdgs", "current__organisations")
        .order_by("-current__published_at", "-pk")
    )


def _practice(practice: Practice) -> dict[str, Any]:
    version = practice.current
    return {
        "id": practice.pk,
        "url": absolute(practice.get_absolute_url()),
        "version": version.number,
        "published": version.published_at.isoformat() if version.published_at else None,
        "original_language": version.original_language,
        "title": _texts(version.title),
        "summary": _texts(version.summary),
        "country": version.country.code if version.country_id else None,
        "region": version.region,
        "themes": [t.slug for t in version.themes.all()],
        "sdgs": [s.number for s in version.sdgs.all()],
        "organisations": [_organisation(o) for o in version.organisations.all()],
        "demo": practice.is_demo,
    }


@router.get("/practices", response={200: PracticePage, 422: ERRORS[422]}, summary="List good practices")
def list_practices(request, filters: Query[PracticeFilters]) -> dict:
    """Published good practices (their published version), newest first; filter by country or theme."""
    queryset = _practices()
    if filters.country:
        queryset = queryset.filter(current__country__code=filters.country.upper())
    if filters.theme:
        queryset = queryset.filter(current__themes__slug=filters.theme)
    return page(queryset, filters, _practice)


@router.get("/practices/{practice_id}", response={200: PracticeDetail, **ERRORS}, summary="One good practice")
def get_practice(request, practice_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """A published practice with its building blocks, cost, location, versions and links to other practices."""
    practice = get_object_or_404(
        _practices().prefetch_related(
            "current__building_blocks",
            Prefetch("inspired_by", queryset=Practice.objects.published().only("pk")),
            Prefetch("replicated_in", queryset=Practice.objects.published().only("pk")),
        ),
        pk=practice_id,
    )
    version = practice.current
    data = _practice(practice)
    data.update(
        {
            "meta": license_meta(),
            "challenge": _texts(version.challenge),
            "solution": _texts(version.solution),
            "impact": _texts(version.impact),
            "lessons": _texts(version.lessons),
            "cost": {
                "amount": None if version.cost_amount is None else str(version.cost_amount),
                "currency": version.cost_currency,
                "text": _texts(version.cost_text),
            },
            "latitude": _coordinate(version.latitude),
            "longitude": _coordinate(version.longitude),
            "building_blocks": [
                {
                    "id": b.pk,
                    "url": absolute(b.get_absolute_url()),
                    "title": _texts(b.title),
                    "description": _texts(b.description),
                    "enabling_factors": _texts(b.enabling_factors),
                }
                for b in version.building_blocks.all()
            ],
            "versions": list(
                practice.versions.filter(status__in=PracticeVersion.PUBLIC)
                .order_by("-number")
                .values_list("number", flat=True)
            ),
            "inspired_by": [p.pk for p in practice.inspired_by.all()],
            "replicated_in": [p.pk for p in practice.replicated_in.all()],
        }
    )
    return data


def _sites():
    return (
        DemoSite.objects.published()
        .select_related("host", "country", "practice")
        .prefetch_related("themes")
        .order_by("country__code", "region", "pk")
    )


def _site(item: DemoSite) -> dict[str, Any]:
    practice = item.practice
    return {
        "id": item.pk,
        "url": absolute(item.get_absolute_url()),
        "name": _texts(item.name),
        "original_language": item.original_language,
        "host": _organisation(item.host),
        "country": item.country.code,
        "region": item.region,
        "directions": _texts(item.directions),
        "what_to_see": _texts(item.what_to_see),
        "latitude": _coordinate(item.latitude),
        "longitude": _coordinate(item.longitude),
        "themes": [t.slug for t in item.themes.all()],
        "practice": practice.pk if practice is not None and practice.current_id else None,
        "demo": item.is_demo,
    }


@router.get("/demonstration-sites", response={200: SitePage, 422: ERRORS[422]}, summary="List demonstration sites")
def list_sites(request, filters: Query[PracticeFilters]) -> dict:
    """Published demonstration sites by country and region, with their host organisation."""
    queryset = _sites()
    if filters.country:
        queryset = queryset.filter(country__code=filters.country.upper())
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme)
    return page(queryset, filters, _site)


@router.get("/demonstration-sites/{site_id}", response={200: SiteDetail, **ERRORS}, summary="One demonstration site")
def get_site(request, site_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """A published demonstration site."""
    data = _site(get_object_or_404(_sites(), pk=site_id))
    data["meta"] = license_meta()
    return data
