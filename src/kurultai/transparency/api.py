"""Read API of donor projects: IATI data as imported, money summed per type and currency, linked recommendations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, absolute, license_meta
from kurultai.transparency import selectors
from kurultai.transparency.models import Activity, RecommendationLink, Result

router = Router(tags=["projects"])

CENT = Decimal("0.01")


class OrgOut(Schema):
    ref: str
    name: str
    role: str = Field(description="IATI organisation role: 1 funding, 2 accountable, 3 extending, 4 implementing")
    type: str = Field(description="IATI organisation type code (21–24: civil society)")


class AreaOut(Schema):
    code: str
    percentage: str | None


class SectorOut(Schema):
    vocabulary: str
    code: str
    name: str
    percentage: str | None


class ProjectSummary(Schema):
    id: int
    iati_identifier: str
    url: str = Field(description="Absolute link to the project's page")
    title: dict[str, str] = Field(description="The title in every language published")
    reporting_org: str
    reporting_org_ref: str
    status: str = Field(description="IATI activity status code")
    status_name: str
    countries: list[AreaOut]
    cso_implemented: bool
    planned_start: str | None
    actual_start: str | None
    planned_end: str | None
    actual_end: str | None
    last_updated: str | None = Field(description="The publisher's last-updated-datetime, when given")
    money: dict[str, dict[str, str]] = Field(
        description='Transactions summed by type and currency, e.g. {"commitments": {"EUR": "1000.00"}}; '
        "currencies are never converted or added together"
    )


class IndicatorPeriodOut(Schema):
    start: str | None
    end: str | None
    target: str
    actual: str


class IndicatorOut(Schema):
    title: dict[str, str]
    measure: str
    baseline_year: str
    baseline_value: str
    periods: list[IndicatorPeriodOut]


class ResultOut(Schema):
    type: str
    title: dict[str, str]
    indicators: list[IndicatorOut]


class LinkOut(Schema):
    recommendation: int
    reference: str
    url: str
    demo: bool


class ProjectDetail(ProjectSummary):
    meta: MetaOut
    descriptions: list[dict[str, Any]]
    organisations: list[OrgOut]
    sectors: list[SectorOut]
    sdgs: list[int]
    budgets: dict[str, str] = Field(description="Budget totals per currency")
    transactions: int = Field(description="Number of transactions")
    commitments: dict[str, str]
    disbursements: dict[str, str]
    expenditures: dict[str, str]
    results: list[ResultOut]
    documents: list[dict[str, Any]]
    related_activities: list[dict[str, str]]
    recommendations: list[LinkOut] = Field(description="Recommendations editors confirmed this project answers")


class Page(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[ProjectSummary]


class Filters(Schema):
    country: str | None = Field(None, description="Recipient country, ISO code, e.g. KG")
    reporting_org: str | None = Field(None, description="Reporting organisation identifier, e.g. XI-IATI-EC_INTPA")
    sector: str | None = Field(None, description="Sector code (DAC 5-digit, or its 3-digit group)")
    iati_identifier: str | None = Field(None, description="The activity's IATI identifier")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10**9)


def _plain(per_currency: dict[str, Decimal]) -> dict[str, str]:
    """Sums rounded to the cent only at the end (values are stored as published, to 10 decimals)."""
    return {currency: f"{Decimal(value).quantize(CENT)}" for currency, value in sorted(per_currency.items())}


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def _summary(activity: Activity, money: dict[str, dict[str, Decimal]]) -> dict[str, Any]:
    return {
        "id": activity.pk,
        "iati_identifier": activity.iati_identifier,
        "url": absolute(activity.get_absolute_url()),
        "title": activity.title,
        "reporting_org": str(activity.reporting_org),
        "reporting_org_ref": activity.reporting_org_ref,
        "status": activity.status,
        "status_name": activity.status_label,
        "countries": [
            {"code": a.code, "percentage": None if a.percentage is None else str(a.percentage)}
            for a in activity.areas.all()
            if a.kind == "country"
        ],
        "cso_implemented": activity.cso_implemented,
        "planned_start": _date(activity.planned_start),
        "actual_start": _date(activity.actual_start),
        "planned_end": _date(activity.planned_end),
        "actual_end": _date(activity.actual_end),
        "last_updated": activity.last_updated.isoformat() if activity.last_updated else None,
        "money": {kind: _plain(values) for kind, values in money.items()},
    }


@router.get("/projects", response={200: Page, 422: ERRORS[422]}, summary="List donor projects")
def list_projects(request, filters: Query[Filters]) -> dict:
    """Donor projects imported from IATI, with commitments, disbursements and expenditures per currency."""
    values = filters.dict(exclude={"limit", "offset"})
    queryset = selectors.filter_activities(Activity.objects.all(), values).order_by("iati_identifier")
    total = queryset.count()
    items = list(queryset.prefetch_related("areas")[filters.offset : filters.offset + filters.limit])
    money = selectors.money_of([a.pk for a in items])
    return {
        "meta": license_meta(),
        "count": total,
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [_summary(a, money[a.pk]) for a in items],
    }


@router.get("/projects/{project_id}", response={200: ProjectDetail, **ERRORS}, summary="One donor project")
def get_project(request, project_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """A project with its organisations, sectors, money by type and currency, results and linked recommendations."""
    activity = get_object_or_404(
        Activity.objects.prefetch_related(
            "areas",
            "organisations",
            "sectors",
            "sdgs",
            "documents",
            "related",
            Prefetch("results", queryset=Result.objects.prefetch_related("indicators__periods")),
            Prefetch(
                "recommendation_links",
                queryset=RecommendationLink.objects.filter(status=RecommendationLink.Status.CONFIRMED).select_related(
                    "recommendation__forum", "recommendation__session"
                ),
            ),
        ),
        pk=project_id,
    )
    money = selectors.money_of([activity.pk])[activity.pk]
    data = _summary(activity, money)
    data.update(
        {
            "meta": license_meta(),
            "descriptions": activity.descriptions,
            "organisations": [
                {"ref": o.ref, "name": str(o), "role": o.role, "type": o.type} for o in activity.organisations.all()
            ],
            "sectors": [
                {
                    "vocabulary": s.vocabulary,
                    "code": s.code,
                    "name": str(s),
                    "percentage": None if s.percentage is None else str(s.percentage),
                }
                for s in activity.sectors.all()
            ],
            "sdgs": [s.number for s in activity.sdgs.all()],
            "budgets": _plain(selectors.budget_of(activity)),
            "transactions": activity.transactions.count(),
            **{kind: _plain(values) for kind, values in money.items()},
            "results": [
                {
                    "type": r.type,
                    "title": r.title,
                    "indicators": [
                        {
                            "title": i.title,
                            "measure": i.measure,
                            "baseline_year": i.baseline_year,
                            "baseline_value": i.baseline_value,
                            "periods": [
                                {
                                    "start": _date(p.period_start),
                                    "end": _date(p.period_end),
                                    "target": p.target,
                                    "actual": p.actual,
                                }
                                for p in i.periods.all()
                            ],
                        }
                        for i in r.indicators.all()
                    ],
                }
                for r in activity.results.all()
            ],
            "documents": [
                {"url": d.url, "title": d.title, "format": d.format, "categories": d.categories}
                for d in activity.documents.all()
            ],
            "related_activities": [{"ref": r.ref, "type": r.type} for r in activity.related.all()],
            "recommendations": [
                {
                    "recommendation": link.recommendation_id,
                    "reference": link.recommendation.reference,
                    "url": absolute(link.recommendation.get_absolute_url()),
                    "demo": link.is_demo,
                }
                for link in activity.recommendation_links.all()
            ],
        }
    )
    return data
