"""Open data: every published recommendation with its current status and full history, as plain values.

The JSON download, the CSV downloads and the API share these functions.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from kurultai.core.csvsafe import SafeDictWriter
from kurultai.core.text import absolute_url
from kurultai.followup.tracking import Tracking, track, with_tracking
from kurultai.forums.models import Recommendation


def recommendations(queryset: QuerySet[Recommendation] | None = None) -> QuerySet[Recommendation]:
    """Published recommendations with everything the open data needs, in a fixed number of queries."""
    queryset = queryset if queryset is not None else Recommendation.objects.published()
    return (
        with_tracking(queryset)
        .prefetch_related(
            "addressees",
            "themes",
            "countries",
            "sdgs",
            "responsible_actors__organisation",
            "updates__evidence",
            "assessments__evidence",
        )
        .order_by("forum__start_date", "session__number", "position", "id")
    )


def evidence_links(items: Iterable[Any]) -> list[str]:
    """Absolute links to evidence: the external page, or the file served by the platform."""
    return [e.url or absolute_url(reverse("followup:evidence", args=[e.token])) for e in items]


def _texts(value: Any) -> dict[str, str]:
    return dict(value.texts()) if hasattr(value, "texts") else {}


def as_dict(rec: Recommendation, tracking: Tracking | None = None, history: bool = True) -> dict[str, Any]:
    """One recommendation as JSON-ready values."""
    tracking = tracking or track(rec)
    data: dict[str, Any] = {
        "id": rec.pk,
        "reference": rec.reference,
        "url": absolute_url(rec.get_absolute_url()),
        "forum": {"slug": rec.forum.slug, "year": rec.forum.year, "title": _texts(rec.forum.title)},
        "session": rec.session.number if rec.session_id else None,
        "text": _texts(rec.text),
        "original_language": rec.original_language,
        "addressees": [a.code for a in rec.addressees.all()],
        "themes": [t.slug for t in rec.themes.all()],
        "countries": [c.code for c in rec.countries.all()],
        "sdgs": [s.number for s in rec.sdgs.all()],
        "status": tracking.status,
        "deadline": tracking.deadline.isoformat() if tracking.deadline else None,
        "overdue": tracking.overdue,
        "due_soon": tracking.due_soon,
        "stale": tracking.stale,
        "days_without_response": tracking.days_without_response,
        "civil_society_disagrees": tracking.disagreement,
        "responsible_actors": [
            {
                "organisation": a.organisation.slug,
                "role": a.role,
                "deadline": a.deadline.isoformat() if a.deadline else None,
            }
            for a in rec.responsible_actors.all()
        ],
    }
    if history:
        data["responses"] = [
            {
                "addressee": r.addressee.code,
                "status": r.status,
                "date": r.responded_on.isoformat(),
                "organisation": r.organisation.slug,
                "organisation_url": absolute_url(r.organisation.get_absolute_url()),
                "text": _texts(r.text),
                "demo": r.is_demo,
            }
            for r in rec.responses.all()
            if r.organisation_id is not None  # only official answers, given in an organisation's name
        ]
        data["updates"] = [
            {
                "id": u.pk,
                "status": u.status,
                "date": u.reported_on.isoformat(),
                "reporter": u.reporter,
                "organisation": u.organisation.slug if u.organisation_id else None,
                "text": _texts(u.text),
                "corrects": u.corrects_id,
                "evidence": evidence_links(u.evidence.all()),
                "demo": u.is_demo,
            }
            for u in rec.updates.all()
        ]
        data["assessments"] = [
            {
                "organisation": a.organisation.slug,
                "status": a.status,
                "date": a.assessed_on.isoformat(),
                "text": _texts(a.text),
                "evidence": evidence_links(a.evidence.all()),
                "demo": a.is_demo,
            }
            for a in rec.assessments.all()
        ]
    return data


def _csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = SafeDictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def recommendations_csv(items: Iterable[dict[str, Any]]) -> str:
    """One row per recommendation with its current state."""
    columns = [
        "id",
        "reference",
        "forum",
        "session",
        "text_en",
        "text_ru",
        "addressees",
        "themes",
        "countries",
        "status",
        "deadline",
        "overdue",
        "stale",
        "days_without_response",
        "civil_society_disagrees",
        "url",
    ]
    rows = []
    for item in items:
        rows.append(
            {
                **item,
                "forum": item["forum"]["slug"],
                "text_en": item["text"].get("en", ""),
                "text_ru": item["text"].get("ru", ""),
                "addressees": " ".join(item["addressees"]),
                "themes": " ".join(item["themes"]),
                "countries": " ".join(item["countries"]),
            }
        )
    return _csv(rows, columns)


def history_csv(items: Iterable[dict[str, Any]]) -> str:
    """One row per response, progress update and assessment: the full history."""
    sources = (
        ("responses", "response", lambda e: e["organisation"] or e["addressee"]),
        ("updates", "update", lambda e: e["organisation"] or e["reporter"]),
        ("assessments", "assessment", lambda e: e["organisation"]),
    )
    rows = [
        {
            "recommendation": item["id"],
            "reference": item["reference"],
            "kind": kind,
            "date": entry["date"],
            "status": entry["status"],
            "by": who(entry),
            "text": entry["text"].get("en") or next(iter(entry["text"].values()), ""),
        }
        for item in items
        for key, kind, who in sources
        for entry in item[key]
    ]
    rows.sort(key=lambda r: (r["recommendation"], r["date"]))
    return _csv(rows, ["recommendation", "reference", "kind", "date", "status", "by", "text"])
