"""Read API of forum participation: calls for participants with their formats and seats left, and participation
counts of past forums. Counts only: no registration, name or answer ever leaves through here."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MetaOut, Paging, absolute, license_meta, page
from kurultai.participation.models import Call, Format, Registration

router = Router(tags=["participation"])

SLUG = r"^[-a-zA-Z0-9_]+$"


class FormatOut(Schema):
    format: str = Field(description="in_person or online")
    label: str
    capacity: int
    seats_left: int
    waiting: int = Field(description="People on the waiting list for this format")


class CallOut(Schema):
    forum: str = Field(description="The forum's slug")
    title: dict[str, str] = Field(description="The forum's title in every language given")
    start_date: str
    end_date: str | None
    country: str | None = Field(description="ISO code of the host country")
    selection: str = Field(description="first_come, or application (the organisers select)")
    opens_at: str
    closes_at: str
    open: bool = Field(description="Whether registration is open now")
    formats: list[FormatOut]
    url: str = Field(description="Absolute link to the call's page")
    register_url: str
    forum_url: str


class CallDetail(CallOut):
    meta: MetaOut


class CallPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[CallOut]


class CallFilters(Paging):
    open: bool | None = Field(None, description="Only calls open (true) or not open (false) now")


class StatisticsOut(Schema):
    forum: str
    title: dict[str, str]
    start_date: str
    end_date: str | None
    country: str | None
    registered: int = Field(description="People with a place or on the waiting list (not cancelled, not declined)")
    attended: int = Field(description="People checked in")
    by_format: dict[str, dict[str, int]] = Field(description='{"in_person": {"registered": 40, "attended": 35}}')
    by_country: dict[str, dict[str, int]] = Field(description="By ISO country code; empty key: not given")
    by_organisation_type: dict[str, dict[str, int]]
    url: str


class StatisticsPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[StatisticsOut]


def _texts(value: Any) -> dict[str, str]:
    return dict(value.texts()) if hasattr(value, "texts") else {}


def _calls():
    return Call.objects.filter(forum__is_published=True).select_related("forum__country")


def _forum_fields(call: Call) -> dict[str, Any]:
    forum = call.forum
    return {
        "forum": forum.slug,
        "title": _texts(forum.title),
        "start_date": forum.start_date.isoformat(),
        "end_date": forum.end_date.isoformat() if forum.end_date else None,
        "country": forum.country.code if forum.country_id else None,
    }


def _seats_by_call(calls: list[Call]) -> dict[int, dict[tuple[str, str], int]]:
    """(format, "taken"/"waiting") → count, per call, in one query."""
    found: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    rows = (
        Registration.objects.filter(call__in=calls, status__in=[*Registration.SEATED, Registration.Status.WAITLISTED])
        .values("call_id", "format", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        kind = "waiting" if row["status"] == Registration.Status.WAITLISTED else "taken"
        counts = found[row["call_id"]]
        counts[(row["format"], kind)] = counts.get((row["format"], kind), 0) + row["n"]
    return found


def _call_out(call: Call, counts: dict[tuple[str, str], int], now) -> dict[str, Any]:
    slug = call.forum.slug
    formats = []
    for fmt in call.formats():
        capacity = call.capacity(fmt) or 0
        formats.append(
            {
                "format": fmt,
                "label": str(Format(fmt).label),
                "capacity": capacity,
                "seats_left": max(capacity - counts.get((fmt, "taken"), 0), 0),
                "waiting": counts.get((fmt, "waiting"), 0),
            }
        )
    return {
        **_forum_fields(call),
        "selection": call.selection,
        "opens_at": call.opens_at.isoformat(),
        "closes_at": call.closes_at.isoformat(),
        "open": call.is_open(now),
        "formats": formats,
        "url": absolute(reverse("participation:call", kwargs={"slug": slug})),
        "register_url": absolute(reverse("participation:register", kwargs={"slug": slug})),
        "forum_url": absolute(call.forum.get_absolute_url()),
    }


@router.get("/calls", response={200: CallPage, 422: ERRORS[422]}, summary="List calls for participants")
def list_calls(request, filters: Query[CallFilters]) -> dict:
    """Calls for participants of published forums, newest forum first, with formats, capacity and seats left."""
    now = timezone.now()
    queryset = _calls().order_by("-forum__start_date", "pk")
    if filters.open is True:
        queryset = queryset.filter(opens_at__lte=now, closes_at__gt=now)
    elif filters.open is False:
        queryset = queryset.exclude(opens_at__lte=now, closes_at__gt=now)
    result = page(queryset, filters, lambda call: call)
    counts = _seats_by_call(result["results"])
    result["results"] = [_call_out(call, counts.get(call.pk, {}), now) for call in result["results"]]
    return result


@router.get("/calls/{slug}", response={200: CallDetail, **ERRORS}, summary="One forum's call for participants")
def get_call(request, slug: str = Path(..., max_length=100, pattern=SLUG)) -> dict:
    """A forum's call for participants: dates, selection, formats with capacity and seats left."""
    call = get_object_or_404(_calls(), forum__slug=slug)
    data = _call_out(call, _seats_by_call([call]).get(call.pk, {}), timezone.now())
    return {"meta": license_meta(), **data}


def _statistics(calls: list[Call]) -> dict[int, dict[str, Any]]:
    """Counts per call and breakdown, in one query; cancelled and declined registrations do not count."""
    rows = (
        Registration.objects.filter(call__in=calls)
        .exclude(status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED])
        .values("call_id", "status", "format", "country__code", "organisation_type")
        .annotate(n=Count("id"))
    )
    found: dict[int, dict[str, Any]] = {}
    for row in rows:
        stats = found.setdefault(
            row["call_id"],
            {"registered": 0, "attended": 0, "by_format": {}, "by_country": {}, "by_organisation_type": {}},
        )
        attended = row["n"] if row["status"] == Registration.Status.CHECKED_IN else 0
        stats["registered"] += row["n"]
        stats["attended"] += attended
        for key, column in (
            ("by_format", "format"),
            ("by_country", "country__code"),
            ("by_organisation_type", "organisation_type"),
        ):
            cell = stats[key].setdefault(row[column] or "", Counter())
            cell["registered"] += row["n"]
            cell["attended"] += attended
    return found


def _empty() -> dict[str, Any]:
    return {"registered": 0, "attended": 0, "by_format": {}, "by_country": {}, "by_organisation_type": {}}


@router.get(
    "/participation-statistics",
    response={200: StatisticsPage, 422: ERRORS[422]},
    summary="Participation counts of past forums",
)
def list_participation_statistics(request, paging: Query[Paging]) -> dict:
    """How many people registered for and attended each past forum, by format, country and organisation type.
    Counts only; gender and age band are left out because small groups would make people recognisable."""
    today = timezone.localdate()
    queryset = (
        _calls()
        .filter(Q(forum__end_date__lt=today) | Q(forum__end_date__isnull=True, forum__start_date__lt=today))
        .order_by("-forum__start_date", "pk")
    )
    result = page(queryset, paging, lambda call: call)
    stats = _statistics(result["results"])
    out = []
    for call in result["results"]:
        data = stats.get(call.pk, _empty())
        for key in ("by_format", "by_country", "by_organisation_type"):
            data[key] = {value: dict(counter) for value, counter in sorted(data[key].items())}
        out.append({**_forum_fields(call), **data, "url": absolute(call.forum.get_absolute_url())})
    result["results"] = out
    return result
