"""Import IATI activity files into donor projects: one transaction per file, nothing half-written.

An activity whose content has not changed is left alone; a changed one (or one with a newer
``last-updated-datetime``) is rewritten in place, so its links to recommendations and its monitoring notes stay.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kurultai.core import search
from kurultai.core.audit import record
from kurultai.core.folding import fold
from kurultai.core.models import SDG
from kurultai.core.pagecache import bump_version
from kurultai.transparency import iati
from kurultai.transparency.audit import TransparencyAction
from kurultai.transparency.iati import FileRefused, ParsedActivity, SkipActivity
from kurultai.transparency.models import (
    Activity,
    Area,
    Budget,
    Document,
    ImportRun,
    Indicator,
    IndicatorPeriod,
    Organisation,
    PlannedDisbursement,
    RelatedActivity,
    Result,
    Sector,
    Tag,
    Transaction,
)

CHUNK = 64 * 1024


class _DryRun(Exception):
    """Raised inside the file's transaction to roll a dry run back."""


@search.deferred()
def import_file(
    stream: IO[bytes] | str | Path,
    *,
    source: str = "",
    dry_run: bool = False,
    actor: Any = None,
    is_demo: bool = False,
) -> dict[str, Any]:
    """Import one IATI file; returns the summary. Raises FileRefused when nothing of it can be imported.

    Side effects (unless ``dry_run``): donor projects written in one transaction, an import record and an audit
    entry, cached pages invalidated when anything changed.
    """
    source = source or str(stream if isinstance(stream, str | Path) else getattr(stream, "name", "upload"))
    started, clock = timezone.now(), time.monotonic()
    summary: dict[str, Any] = {
        "activities": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "transactions": 0,
        "skipped": [],
        "errors": [],
    }
    try:
        with transaction.atomic():
            _import(stream, summary, source=source, is_demo=is_demo)
            if dry_run:
                raise _DryRun
            if summary["created"] or summary["updated"]:
                bump_version()
    except _DryRun:
        pass
    except FileRefused as refused:
        if not dry_run:
            _record_run(source, started, actor, ok=False, summary={"refused": str(refused)})
        raise
    summary["seconds"] = round(time.monotonic() - clock, 2)
    summary["dry_run"] = dry_run
    if not dry_run:
        _record_run(source, started, actor, ok=True, summary=summary)
    return summary


def _record_run(source: str, started: Any, actor: Any, *, ok: bool, summary: dict[str, Any]) -> None:
    with transaction.atomic():
        run = ImportRun.objects.create(
            source=source[:1000], started_at=started, finished_at=timezone.now(), ok=ok, summary=summary, actor=actor
        )
        counts = {k: v for k, v in summary.items() if isinstance(v, int | float | str) and k != "errors"}
        if not ok:
            counts = {"refused": True}
        record(actor, TransparencyAction.IMPORTED, run, counts)


def _import(stream: IO[bytes] | str | Path, summary: dict[str, Any], *, source: str, is_demo: bool) -> None:
    opened = open(stream, "rb") if isinstance(stream, str | Path) else None  # noqa: SIM115
    try:
        seen: set[str] = set()
        sdgs = {s.number: s for s in SDG.objects.all()}
        for item in iati.activities(opened or stream):
            summary["activities"] += 1
            if isinstance(item, SkipActivity):
                summary["skipped"].append({"activity": getattr(item, "identifier", ""), "reason": str(item)})
                continue
            if item.identifier in seen:
                summary["skipped"].append({"activity": item.identifier, "reason": "Appears twice in the file."})
                continue
            seen.add(item.identifier)
            summary["transactions"] += len(item.transactions)
            for warning in item.warnings:
                summary["errors"].append({"activity": item.identifier, "error": warning})
            outcome = _write(item, source=source, sdgs=sdgs, is_demo=is_demo)
            if outcome == "older":
                summary["unchanged"] += 1
                summary["skipped"].append(
                    {"activity": item.identifier, "reason": "The stored version was updated more recently."}
                )
            else:
                summary[outcome] += 1
    finally:
        if opened is not None:
            opened.close()


def _write(item: ParsedActivity, *, source: str, sdgs: dict[int, SDG], is_demo: bool) -> str:
    """Create, update or leave one activity; returns "created", "updated", "unchanged" or "older"."""
    fingerprint = item.fingerprint()
    existing = Activity.objects.filter(iati_identifier=item.identifier).first()
    if existing is not None:
        if existing.fingerprint == fingerprint:
            return "unchanged"
        if existing.last_updated and item.last_updated and item.last_updated < existing.last_updated:
            return "older"
    activity = existing or Activity(iati_identifier=item.identifier, is_demo=is_demo)
    activity.reporting_org_ref = item.reporting_org["ref"]
    activity.reporting_org_name = item.reporting_org["name"]
    activity.reporting_org_type = item.reporting_org["type"]
    activity.title = item.title
    activity.descriptions = item.descriptions
    activity.status = item.status
    activity.planned_start, activity.actual_start = item.dates["1"], item.dates["2"]
    activity.planned_end, activity.actual_end = item.dates["3"], item.dates["4"]
    activity.default_currency = item.default_currency
    activity.default_language = item.default_language
    activity.hierarchy = item.hierarchy
    activity.version = item.version
    activity.contact = item.contact
    activity.policy_markers = item.policy_markers
    activity.budget_totals = _budget_totals(item)
    activity.last_updated = item.last_updated
    activity.fingerprint = fingerprint
    activity.cso_implemented = item.cso_implemented
    activity.search_text = _search_text(item)
    activity.source = source[:500]
    activity.imported_at = timezone.now()
    activity.save()
    if existing is not None:
        for related in (
            activity.areas,
            activity.organisations,
            activity.sectors,
            activity.tags,
            activity.budgets,
            activity.planned_disbursements,
            activity.transactions,
            activity.results,
            activity.documents,
            activity.related,
        ):
            related.all().delete()
    _children(activity, item)
    activity.sdgs.set([sdgs[n] for n in sorted(item.sdg_goals) if n in sdgs])
    return "updated" if existing is not None else "created"


def _budget_totals(item: ParsedActivity) -> dict[str, str]:
    """Budget per currency: revised budgets where the publisher revised them, else the original ones."""
    budgets = [b for b in item.budgets if b["type"] == "2"] or item.budgets
    totals: dict[str, Decimal] = {}
    for budget in budgets:
        totals[budget["currency"]] = totals.get(budget["currency"], Decimal(0)) + budget["value"]
    return {currency: str(value) for currency, value in sorted(totals.items())}


def _children(activity: Activity, item: ParsedActivity) -> None:
    Area.objects.bulk_create(Area(activity=activity, **a) for a in item.areas)
    Organisation.objects.bulk_create(Organisation(activity=activity, **o) for o in item.organisations)
    Sector.objects.bulk_create(Sector(activity=activity, **s) for s in item.sectors)
    Tag.objects.bulk_create(Tag(activity=activity, **t) for t in item.tags)
    Budget.objects.bulk_create(Budget(activity=activity, **b) for b in item.budgets)
    PlannedDisbursement.objects.bulk_create(
        PlannedDisbursement(activity=activity, **p) for p in item.planned_disbursements
    )
    Transaction.objects.bulk_create((Transaction(activity=activity, **t) for t in item.transactions), batch_size=500)
    Document.objects.bulk_create(Document(activity=activity, **d) for d in item.documents)
    RelatedActivity.objects.bulk_create(RelatedActivity(activity=activity, **r) for r in item.related)
    for data in item.results:
        indicators = data.pop("indicators")
        result = Result.objects.create(activity=activity, **data)
        data["indicators"] = indicators
        for ind in indicators:
            periods = ind.pop("periods")
            indicator = Indicator.objects.create(result=result, **ind)
            ind["periods"] = periods
            IndicatorPeriod.objects.bulk_create(IndicatorPeriod(indicator=indicator, **p) for p in periods)


def _texts(*values: dict[str, str] | Iterable[dict[str, str]]) -> list[str]:
    out = []
    for value in values:
        for texts in [value] if isinstance(value, dict) else value:
            out.extend(texts.values())
    return out


def _search_text(item: ParsedActivity) -> str:
    parts = [item.identifier, item.reporting_org["ref"]]
    parts += _texts(item.title, item.reporting_org["name"], [o["name"] for o in item.organisations])
    parts += [t[:2000] for t in _texts([d["text"] for d in item.descriptions])]
    return fold(" ".join(parts))


# --- From an address -------------------------------------------------------------------------------------------


def max_bytes() -> int:
    return int(getattr(settings, "IATI_MAX_BYTES", 200 * 1024 * 1024))


def download(url: str) -> IO[bytes]:
    """The file at ``url`` in a temporary file (on disk beyond a few MB). Raises FileRefused with the reason."""
    if not url.lower().startswith(("http://", "https://")):
        raise FileRefused("Only http and https addresses can be imported.")
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    try:
        with httpx.stream("GET", url, timeout=60, follow_redirects=True) as response:
            if response.status_code != 200:
                raise FileRefused(f"The address answered HTTP {response.status_code}.")
            size = 0
            for chunk in response.iter_bytes(CHUNK):
                size += len(chunk)
                if size > max_bytes():
                    raise FileRefused(f"The file is larger than {max_bytes() // (1024 * 1024)} MB.")
                spool.write(chunk)
    except httpx.HTTPError as exc:
        spool.close()
        raise FileRefused(f"The address could not be read: {exc.__class__.__name__}.") from exc
    except FileRefused:
        spool.close()
        raise
    spool.seek(0)
    return spool


def import_url(url: str, *, dry_run: bool = False, actor: Any = None) -> dict[str, Any]:
    """Download and import one address (see :func:`import_file` for side effects)."""
    try:
        stream = download(url)
    except FileRefused as refused:
        if not dry_run:
            _record_run(url, timezone.now(), actor, ok=False, summary={"refused": str(refused)})
        raise
    with stream:
        return import_file(stream, source=url, dry_run=dry_run, actor=actor)


def import_source(source: str, *, dry_run: bool = False, actor: Any = None) -> dict[str, Any]:
    """A path or an http(s) address."""
    if source.lower().startswith(("http://", "https://")):
        return import_url(source, dry_run=dry_run, actor=actor)
    path = Path(source)
    if not path.is_file():
        raise FileRefused(f"No such file: {source}")
    return import_file(path, source=path.name, dry_run=dry_run, actor=actor)


def refresh_sources() -> list[dict[str, Any]]:
    """Import every configured source (``KURULTAI_IATI_SOURCES``); a refused one does not stop the others."""
    results = []
    for url in getattr(settings, "IATI_SOURCES", []):
        try:
            results.append({"source": url, **import_url(url)})
        except FileRefused as refused:
            results.append({"source": url, "refused": str(refused)})
    return results
