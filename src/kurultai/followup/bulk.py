"""Bulk status updates from a CSV file: every row is checked first; nothing is written unless all are valid."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from kurultai.followup.models import ImplementationStatus, ProgressUpdate
from kurultai.forums.models import Recommendation
from kurultai.organisations.models import Organisation

COLUMNS = ["recommendation", "status", "date", "text", "reporter", "organisation", "evidence_url"]
REQUIRED = ["recommendation", "status", "date", "text"]
REFERENCE = re.compile(r"^(?P<year>\d{4})-(?:S(?P<session>\d+)-)?R(?P<position>\d+)$", re.IGNORECASE)
MAX_ROWS = 5000


@dataclass
class Row:
    line: int
    recommendation: Recommendation
    values: dict[str, Any]


@dataclass
class BulkResult:
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _find(key: str) -> Recommendation | None:
    queryset = Recommendation.objects.published().select_related("forum", "session")
    if key.isdigit():
        return queryset.filter(pk=int(key)).first()
    match = REFERENCE.match(key)
    if not match:
        return None
    found = list(
        queryset.filter(
            forum__start_date__year=int(match["year"]),
            position=int(match["position"]),
            **({"session__number": int(match["session"])} if match["session"] else {"session__isnull": True}),
        )[:2]
    )
    return found[0] if len(found) == 1 else None


def parse(data: bytes) -> BulkResult:
    """Check every row; the result holds either rows to write or the errors, each naming its line."""
    result = BulkResult()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(_("The file is not UTF-8 text. Save it as “CSV UTF-8”."))
        return result
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        result.errors.append(_("Line 1: missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        return result
    reader.fieldnames = header
    statuses = set(ImplementationStatus.values)
    reporters = set(ProgressUpdate.Reporter.values)
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            result.errors.append(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
            break
        row = {k: (v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        problems = []
        rec = _find(row.get("recommendation", ""))
        if rec is None:
            problems.append(_("no single published recommendation “%(key)s”") % {"key": row.get("recommendation")})
        if row.get("status") not in statuses:
            problems.append(_("unknown status “%(status)s”") % {"status": row.get("status")})
        try:
            date = dt.date.fromisoformat(row.get("date", ""))
            if date > dt.date.today():
                problems.append(_("the date is in the future"))
        except ValueError:
            date = None
            problems.append(_("the date must be written YYYY-MM-DD"))
        if not row.get("text"):
            problems.append(_("the text is empty"))
        reporter = row.get("reporter") or ProgressUpdate.Reporter.SECRETARIAT
        if reporter not in reporters:
            problems.append(_("unknown reporter “%(reporter)s”") % {"reporter": reporter})
        organisation = None
        if row.get("organisation"):
            organisation = Organisation.objects.filter(slug=row["organisation"]).first()
            if organisation is None:
                problems.append(_("unknown organisation “%(slug)s”") % {"slug": row["organisation"]})
        if row.get("evidence_url"):
            try:
                URLValidator(schemes=["http", "https"])(row["evidence_url"])
            except ValidationError:
                problems.append(_("the evidence link is not a web address"))
        if problems:
            result.errors.append(_("Line %(line)d: %(problems)s.") % {"line": number, "problems": "; ".join(problems)})
            continue
        result.rows.append(
            Row(
                number,
                rec,
                {
                    "status": row["status"],
                    "reported_on": date,
                    "text": row["text"],
                    "reporter": reporter,
                    "organisation": organisation,
                    "evidence_url": row.get("evidence_url", ""),
                },
            )
        )
    if not result.rows and not result.errors:
        result.errors.append(_("The file has no rows."))
    return result


@transaction.atomic
def apply(actor: Any, result: BulkResult) -> int:
    """Write every checked row in one transaction."""
    from kurultai.followup.services import post_update

    if result.errors:
        raise ValidationError(result.errors)
    for row in result.rows:
        post_update(actor, row.recommendation, **row.values)
    return len(result.rows)
