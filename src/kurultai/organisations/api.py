"""Read API of the organisation directory (CC BY 4.0): public profiles only, never people or email addresses."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MetaOut, Paging, absolute, license_meta, page
from kurultai.organisations.models import Organisation

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    slug: str
    url: str = Field(description="Absolute link to the organisation's page")
    name: dict[str, str]
    short_name: str
    type: str = Field(description="cso, government, eu, donor, international, academic, business or media")
    country: str | None = Field(description="ISO country code")
    city: dict[str, str]
    website: str
    description: dict[str, str]
    founded: int | None
    verified: bool = Field(description="An editor confirmed the organisation is who it says it is")
    themes: list[str]
    networks: list[str]
    answers_for: list[str] = Field(description="Addressees this organisation gives official responses for")


class OrganisationDetail(OrganisationOut):
    meta: MetaOut


class OrganisationPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[OrganisationOut]


class OrganisationFilters(Paging):
    country: str | None = Field(None, max_length=2, description="ISO country code, e.g. KG")
    type: str | None = Field(None, max_length=20, description="Organisation type")
    theme: str | None = Field(None, max_length=80, description="Theme slug")
    network: str | None = Field(None, max_length=80, description="Network slug")


def _texts(value: Any) -> dict[str, str]:
    return dict(value.texts()) if hasattr(value, "texts") else {}


def _organisations():
    return (
        Organisation.objects.listed()
        .select_related("country")
        .prefetch_related("themes", "networks", "addressee_roles")
        .order_by("slug")
    )


def _organisation(organisation: Organisation) -> dict[str, Any]:
    return {
        "slug": organisation.slug,
        "url": absolute(organisation.get_absolute_url()),
        "name": _texts(organisation.name),
        "short_name": organisation.short_name,
        "type": organisation.type,
        "country": organisation.country.code if organisation.country_id else None,
        "city": _texts(organisation.city),
        "website": organisation.website,
        "description": _texts(organisation.description),
        "founded": organisation.founded,
        "verified": organisation.is_verified,
        "themes": [t.slug for t in organisation.themes.all()],
        "networks": [n.slug for n in organisation.networks.all()],
        "answers_for": [a.code for a in organisation.addressee_roles.all()],
    }


@router.get("/organisations", response={200: OrganisationPage, 422: ERRORS[422]}, summary="List organisations")
def list_organisations(request, filters: Query[OrganisationFilters]) -> dict:
    """The directory, by slug; filters combine."""
    queryset = _organisations()
    if filters.country:
        queryset = queryset.filter(country__code=filters.country.upper())
    if filters.type:
        queryset = queryset.filter(type=filters.type)
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme)
    if filters.network:
        queryset = queryset.filter(networks__slug=filters.network)
    return page(queryset.distinct(), filters, _organisation)


@router.get("/organisations/{slug}", response={200: OrganisationDetail, **ERRORS}, summary="One organisation")
def get_organisation(request, slug: str = Path(..., max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")) -> dict:
    """An organisation's public profile."""
    return {**_organisation(get_object_or_404(_organisations(), slug=slug)), "meta": license_meta()}
