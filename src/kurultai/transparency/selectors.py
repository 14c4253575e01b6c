"""Reads of donor projects: filters, money summed per currency (never across currencies), roll-ups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear

from kurultai.core.folding import tokens
from kurultai.transparency import codelists
from kurultai.transparency.models import Activity, Area, Organisation, RecommendationLink, Sector, Transaction

# Transaction types people ask about, by the key used in pages and the API.
MONEY_KINDS = {"2": "commitments", "3": "disbursements", "4": "expenditures"}
KIND_TYPES = {v: k for k, v in MONEY_KINDS.items()}


def empty_money() -> dict[str, dict[str, Decimal]]:
    return {kind: {} for kind in MONEY_KINDS.values()}


def money_of(activity_ids: list[int]) -> dict[int, dict[str, dict[str, Decimal]]]:
    """Per activity: commitments, disbursements and expenditures, each summed per currency (one query)."""
    result: dict[int, dict[str, dict[str, Decimal]]] = {pk: empty_money() for pk in activity_ids}
    rows = (
        Transaction.objects.filter(activity_id__in=activity_ids, type__in=list(MONEY_KINDS))
        .values("activity_id", "type", "currency")
        .annotate(total=Sum("value"))
        .order_by()
    )
    for row in rows:
        result[row["activity_id"]][MONEY_KINDS[row["type"]]][row["currency"]] = row["total"]
    return result


def budget_of(activity: Activity) -> dict[str, Decimal]:
    """Total budget per currency, as computed at import."""
    return {currency: Decimal(value) for currency, value in (activity.budget_totals or {}).items()}


@dataclass
class YearRow:
    year: int
    currency: str
    commitments: Decimal = Decimal(0)
    disbursements: Decimal = Decimal(0)
    expenditures: Decimal = Decimal(0)
    percents: dict[str, float] = field(default_factory=dict)

    @property
    def spent(self) -> Decimal:
        return self.disbursements + self.expenditures


def by_year(activity: Activity) -> tuple[dict[str, dict[str, Decimal]], dict[str, list[YearRow]]]:
    """Totals per kind and currency, and per currency one row per year (bars scaled per currency); one query."""
    rows = (
        Transaction.objects.filter(activity=activity, type__in=list(MONEY_KINDS))
        .annotate(year=ExtractYear("date"))
        .values("year", "type", "currency")
        .annotate(total=Sum("value"))
        .order_by("currency", "year")
    )
    totals = empty_money()
    table: dict[str, dict[int, YearRow]] = defaultdict(dict)
    for row in rows:
        kind = MONEY_KINDS[row["type"]]
        totals[kind][row["currency"]] = totals[kind].get(row["currency"], Decimal(0)) + row["total"]
        if row["year"] is None:
            continue
        item = table[row["currency"]].setdefault(row["year"], YearRow(row["year"], row["currency"]))
        setattr(item, kind, row["total"])
    charts: dict[str, list[YearRow]] = {}
    for currency, years in table.items():
        items = [years[y] for y in sorted(years)]
        peak = max([max(i.commitments, i.spent) for i in items] + [Decimal(1)])
        for item in items:
            item.percents = {
                "commitments": float(max(item.commitments, 0) / peak * 100),
                "spent": float(max(item.spent, 0) / peak * 100),
            }
        charts[currency] = items
    return totals, charts


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (1 if later.day < earlier.day else 0)


def schedule(activity: Activity) -> list[dict[str, Any]]:
    """Planned versus actual start and end, with how many months early or late."""
    out = []
    for what, planned, actual in (
        ("start", activity.planned_start, activity.actual_start),
        ("end", activity.planned_end, activity.actual_end),
    ):
        delay = None
        if planned and actual:
            delay = months_between(planned, actual) if actual >= planned else -months_between(actual, planned)
        out.append({"what": what, "planned": planned, "actual": actual, "delay": delay})
    return out


# --- Lists and filters -----------------------------------------------------------------------------------------


def filter_activities(queryset: QuerySet[Activity], params: dict[str, Any]) -> QuerySet[Activity]:
    """Apply the list filters (country, donor, sector, SDG, status, CSO-implemented, year, search)."""
    if params.get("country"):
        queryset = queryset.filter(areas__kind=Area.Kind.COUNTRY, areas__code=str(params["country"]).upper())
    if params.get("reporting_org"):
        queryset = queryset.filter(reporting_org_ref=params["reporting_org"])
    if params.get("sector"):
        code = str(params["sector"])
        queryset = queryset.filter(
            Q(sectors__code=code) | Q(sectors__vocabulary="1", sectors__code__startswith=code)
            if len(code) == 3
            else Q(sectors__code=code)
        )
    if params.get("sdg"):
        queryset = queryset.filter(sdgs__number=params["sdg"])
    if params.get("status"):
        queryset = queryset.filter(status=params["status"])
    if params.get("cso"):
        queryset = queryset.filter(cso_implemented=True)
    if params.get("year"):
        year = int(params["year"])
        start = Coalesce("actual_start", "planned_start")
        end = Coalesce("actual_end", "planned_end")
        queryset = queryset.alias(s=start, e=end).filter(
            Q(s__isnull=True) | Q(s__lte=dt.date(year, 12, 31)), Q(e__isnull=True) | Q(e__gte=dt.date(year, 1, 1))
        )
        queryset = queryset.exclude(actual_start__isnull=True, planned_start__isnull=True)
    if params.get("iati_identifier"):
        queryset = queryset.filter(iati_identifier=params["iati_identifier"])
    for word in tokens(params.get("q") or ""):
        queryset = queryset.filter(search_text__contains=word)
    return queryset.distinct()


def sort_by_money(queryset: QuerySet[Activity], kind: str, currency: str) -> QuerySet[Activity]:
    """Largest first by commitments or spending in one currency; projects without any in it come last."""
    types = ["2"] if kind == "committed" else ["3", "4"]
    total = (
        Transaction.objects.filter(activity=OuterRef("pk"), type__in=types, currency=currency)
        .order_by()
        .values("activity")
        .annotate(t=Sum("value"))
        .values("t")
    )
    annotated = queryset.annotate(money=Subquery(total, output_field=DecimalField(max_digits=30, decimal_places=10)))
    return annotated.order_by(F("money").desc(nulls_last=True), "iati_identifier")


def currencies() -> list[str]:
    return list(Transaction.objects.order_by().values_list("currency", flat=True).distinct().order_by("currency"))


def choices() -> dict[str, list[tuple[str, str]]]:
    """Filter choices from what is imported (one query each)."""
    countries = country_names([a["code"] for a in _country_codes()])
    donors: dict[str, str] = {}
    for ref, name in Activity.objects.order_by().values_list("reporting_org_ref", "reporting_org_name").distinct():
        if ref and ref not in donors:
            donors[ref] = (name or {}).get("en") or next(iter((name or {}).values()), ref)
    sectors = sorted(
        {
            code[:3]
            for code in Sector.objects.filter(vocabulary="1").order_by().values_list("code", flat=True).distinct()
        }
    )
    return {
        "countries": countries,
        "donors": sorted(donors.items(), key=lambda kv: kv[1].lower()),
        "sectors": [(c, f"{c} {codelists.name('SectorCategory', c)}") for c in sectors],
        "statuses": [
            (s, codelists.name("ActivityStatus", s))
            for s in Activity.objects.order_by("status").values_list("status", flat=True).distinct()
            if s
        ],
    }


def country_names(codes: list[str]) -> list[tuple[str, str]]:
    """(code, name) in the reader's language where the platform knows the country, else the code."""
    from kurultai.core.models import Country

    known = {c.code: str(c) for c in Country.objects.filter(code__in=codes)}
    return sorted(((code, known.get(code, code)) for code in set(codes)), key=lambda kv: kv[1])


def _country_codes() -> list[dict[str, str]]:
    return list(Area.objects.filter(kind=Area.Kind.COUNTRY).order_by().values("code").distinct())


# --- Roll-ups --------------------------------------------------------------------------------------------------


def rollup(dimension: str, queryset: QuerySet[Activity] | None = None) -> list[dict[str, Any]]:
    """Per country, donor or sector: projects, share implemented by civil society, money per kind and currency."""
    queryset = queryset if queryset is not None else Activity.objects.all()
    ids = queryset.values("pk")
    if dimension == "country":
        key_rows = Area.objects.filter(kind=Area.Kind.COUNTRY, activity__in=ids).values_list("code", "activity_id")
    elif dimension == "donor":
        key_rows = queryset.values_list("reporting_org_ref", "pk")
    else:
        key_rows = Sector.objects.filter(vocabulary="1", activity__in=ids).values_list("code", "activity_id")
    groups: dict[str, set[int]] = defaultdict(set)
    for key, pk in key_rows.order_by():
        groups[key[:3] if dimension == "sector" else key].add(pk)
    cso = set(queryset.filter(cso_implemented=True).values_list("pk", flat=True))
    money = money_of(list({pk for pks in groups.values() for pk in pks}))
    names = _donor_names() if dimension == "donor" else {}
    rows = []
    for key, pks in groups.items():
        totals = empty_money()
        for pk in pks:
            for kind, per_currency in money[pk].items():
                for currency, value in per_currency.items():
                    totals[kind][currency] = totals[kind].get(currency, Decimal(0)) + value
        label = names.get(key) or (codelists.name("SectorCategory", key) if dimension == "sector" else key)
        rows.append(
            {
                "key": key,
                "label": label,
                "projects": len(pks),
                "cso": len(pks & cso),
                "cso_share": round(100 * len(pks & cso) / len(pks)) if pks else 0,
                "money": totals,
                "currencies": sorted(set().union(*[set(v) for v in totals.values()])),
            }
        )
    rows.sort(key=lambda r: (-r["projects"], str(r["label"])))
    return rows


def _donor_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for ref, name in Activity.objects.order_by().values_list("reporting_org_ref", "reporting_org_name"):
        names.setdefault(ref, (name or {}).get("en") or next(iter((name or {}).values()), ref))
    return names


def implementers(activity_ids: list[int]) -> dict[int, list[Organisation]]:
    out: dict[int, list[Organisation]] = defaultdict(list)
    for org in Organisation.objects.filter(activity_id__in=activity_ids, role="4").order_by("position"):
        out[org.activity_id].append(org)
    return out


def confirmed_links(activity: Activity) -> QuerySet[RecommendationLink]:
    return (
        RecommendationLink.objects.filter(activity=activity, status=RecommendationLink.Status.CONFIRMED)
        .select_related("recommendation__forum", "recommendation__session")
        .order_by("recommendation__forum__start_date", "recommendation__pk")
    )


def count_by(queryset: QuerySet[Activity], field_name: str) -> dict[str, int]:
    return dict(queryset.order_by().values_list(field_name).annotate(n=Count("pk")))
