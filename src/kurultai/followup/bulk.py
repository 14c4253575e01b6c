"""Bulk status updates from a CSV file: every row is checked first; nothing is written unless all are valid."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from kurultai.core import search
from kurultai.followup.models import ImplementationStatus, ProgressUpdate
from kurultai.forums.models import Recommendation
from kurultai.organisations.models import Organisation

COLUMNS = ["recommendation", "status", "date", "text", "reporter", "organisation", "evidence_url"]
REQUIRED = ["recommendation", "status", "date", "text"]
REFERENCE = re.compile(r"^(?P<year>\d{4})-(?:S(?P<session>\d{1,5})-)?R(?P<position>\d{1,5})$", re.IGNORECASE | re.ASCII)
ID = re.compile(r"^\d{1,18}$", re.ASCII)
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
    if ID.match(key):
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
    rows = enumerate(reader, start=2)
    while True:
        try:
            number, raw = next(rows)
        except StopIteration:
            break
        except csv.Error:
            result.errors.append(
                _(
                    "Line %(line)d: the line cannot be read: a field is longer than %(max)d characters "
                    "or a quotation mark is not closed."
                )
                % {"line": reader.line_num + 1, "max": csv.field_size_limit()}
            )
            break
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
        if (
            reporter == ProgressUpdate.Reporter.ACTOR
            and rec is not None
            and (organisation is None or not rec.responsible_actors.filter(organisation=organisation).exists())
        ):
            problems.append(_("reporter “actor” needs a responsible organisation in the organisation column"))
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


@search.deferred()
@transaction.atomic
def apply(actor: Any, result: BulkResult) -> int:
    """Write every checked row in one transaction."""
    from kurultai.followup.services import post_update

    if result.errors:
        raise ValidationError(result.errors)
    for row in result.rows:
        post_update(actor, row.recommendation, **row.values)
    return len(result.rows)


PREVIEW_MAX_AGE = 60 * 60


def _signer(actor: Any) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"kurultai.followup.bulk.{actor.pk}")


def sign(actor: Any, data: bytes) -> str:
    """The checked file, signed for this person, to carry from the preview to the confirmation unchanged.

    A one-time token in it lets the confirmation be used once.
    """
    return _signer(actor).sign_object(
        {"csv": data.decode("utf-8-sig"), "token": secrets.token_urlsafe(16)}, compress=True
    )


def unsign(actor: Any, payload: str) -> tuple[bytes, str]:
    """The file and its one-time token; ``signing.BadSignature`` when expired, altered or someone else's."""
    value = _signer(actor).unsign_object(payload, max_age=PREVIEW_MAX_AGE)
    return value["csv"].encode("utf-8"), value["token"]


def preview(result: BulkResult) -> list[dict[str, Any]]:
    """What each row will write, beside the recommendation's status now (one query for all rows)."""
    from kurultai.followup.tracking import statuses

    current = statuses(list({row.recommendation.pk for row in result.rows}))
    rows = []
    for row in result.rows:
        values = row.values
        before = current.get(row.recommendation.pk, ImplementationStatus.NO_INFORMATION)
        rows.append(
            {
                "line": row.line,
                "recommendation": row.recommendation,
                "before": ImplementationStatus(before).label,
                "after": ImplementationStatus(values["status"]).label,
                "changes_status": before != values["status"],
                "date": values["reported_on"],
                "text": values["text"],
                "reporter": ProgressUpdate.Reporter(values["reporter"]).label,
                "organisation": values["organisation"],
                "evidence_url": values["evidence_url"],
            }
        )
    return rows
