"""Read API of consultations, their visible contributions, and co-signed positions with signatories (CC BY 4.0).

Hidden contributions and positions, contributions waiting for review and draft positions are never listed.
Contributions name organisations and people's public names only, never email addresses.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, Paging, absolute, license_meta, page
from kurultai.dialogue import services
from kurultai.dialogue.models import Consultation, Contribution, Endorsement, Position

router = Router(tags=["dialogue"])


class ConsultationOut(Schema):
    id: int
    slug: str
    url: str = Field(description="Absolute link to the consultation's page")
    title: dict[str, str]
    question: dict[str, str]
    kind: str = Field(description="question or document")
    phase: str = Field(description="announced, open, closed or reported")
    deadline: str | None = Field(description="ISO 8601 with offset")
    time_zone: str
    languages: list[str]
    organiser: str | None = Field(description="Slug of the organising organisation")
    paragraphs: int
    report: dict[str, str]
    demo: bool


class ConsultationDetail(ConsultationOut):
    meta: MetaOut
    paragraph_texts: list[dict[str, Any]]


class ConsultationPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[ConsultationOut]


class ContributionOut(Schema):
    id: int
    url: str
    paragraph: int | None = Field(description="Number of the paragraph commented on")
    reply_to: int | None
    author: str = Field(description="Public name of the person")
    organisation: str | None = Field(description="Slug of the organisation it was written for")
    language: str
    text: str
    created_at: str
    endorsed_by: list[str]


class ContributionPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[ContributionOut]


class SignatoryOut(Schema):
    organisation: str
    name: str
    versions: list[int]
    signed_current: bool


class PositionOut(Schema):
    id: int
    slug: str
    url: str
    title: str
    text: str = Field(description="Markdown of the current version")
    language: str
    version: int
    status: str = Field(description="signing or submitted")
    organisation: str
    addressees: list[str] = Field(description="Addressee codes")
    submitted_at: str | None
    signatories: list[SignatoryOut]
    demo: bool


class PositionPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[PositionOut]


def _consultation(c: Consultation) -> dict[str, Any]:
    return {
        "id": c.pk,
        "slug": c.slug,
        "url": absolute(c.get_absolute_url()),
        "title": c.title.texts(),
        "question": c.question.texts(),
        "kind": c.kind,
        "phase": c.phase,
        "deadline": c.deadline.isoformat() if c.deadline else None,
        "time_zone": c.time_zone,
        "languages": c.language_list,
        "organiser": c.organiser.slug if c.organiser_id else None,
        "paragraphs": len(c.paragraphs.all()),
        "report": c.report.texts() if c.phase == Consultation.Phase.REPORTED else {},
        "demo": c.is_demo,
    }


def _consultations():
    return (
        Consultation.objects.select_related("organiser").prefetch_related("paragraphs").order_by("-created_at", "-pk")
    )


@router.get("/consultations", response={200: ConsultationPage, 422: ERRORS[422]}, summary="List consultations")
def list_consultations(request, paging: Query[Paging]) -> dict:
    """Consultations, newest first."""
    return page(_consultations(), paging, _consultation)


@router.get(
    "/consultations/{consultation_id}", response={200: ConsultationDetail, **ERRORS}, summary="One consultation"
)
def get_consultation(request, consultation_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    c = get_object_or_404(_consultations(), pk=consultation_id)
    return {
        **_consultation(c),
        "meta": license_meta(),
        "paragraph_texts": [{"number": p.number, "text": p.text.texts()} for p in c.paragraphs.all()],
    }


def _contribution(c: Contribution) -> dict[str, Any]:
    return {
        "id": c.pk,
        "url": absolute(c.get_absolute_url()),
        "paragraph": c.paragraph.number if c.paragraph_id else None,
        "reply_to": c.parent_id,
        "author": c.author.public_name if c.author_id else "",
        "organisation": c.organisation.slug if c.organisation_id else None,
        "language": c.language,
        "text": c.text,
        "created_at": c.created_at.isoformat(),
        "endorsed_by": [e.organisation.slug for e in c.endorsements.all()],
    }


@router.get(
    "/consultations/{consultation_id}/contributions",
    response={200: ContributionPage, **ERRORS},
    summary="Contributions to a consultation",
)
def list_contributions(request, paging: Query[Paging], consultation_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """Visible contributions, comments and replies, oldest first; hidden ones and those awaiting review never."""
    consultation = get_object_or_404(Consultation, pk=consultation_id)
    queryset = (
        Contribution.objects.visible()
        .filter(consultation=consultation)
        .select_related("author", "organisation", "paragraph", "consultation")
        .prefetch_related(Prefetch("endorsements", queryset=Endorsement.objects.select_related("organisation")))
        .order_by("created_at", "pk")
    )
    return page(queryset, paging, _contribution)


def _position(p: Position) -> dict[str, Any]:
    v = p.current
    return {
        "id": p.pk,
        "slug": p.slug,
        "url": absolute(p.get_absolute_url()),
        "title": v.title,
        "text": v.text,
        "language": v.language,
        "version": v.number,
        "status": p.status,
        "organisation": p.organisation.slug,
        "addressees": [a.code for a in p.addressees.all()],
        "submitted_at": p.submitted_at.isoformat() if p.submitted_at else None,
        "signatories": [
            {
                "organisation": row["organisation"].slug,
                "name": str(row["organisation"].name),
                "versions": row["versions"],
                "signed_current": row["current"],
            }
            for row in _signatories(p)
        ],
        "demo": p.is_demo,
    }


def _signatories(p: Position) -> list[dict[str, Any]]:
    rows: dict[int, dict[str, Any]] = {}
    for s in p.signatures.all():
        row = rows.setdefault(s.organisation_id, {"organisation": s.organisation, "versions": [], "current": False})
        row["versions"].append(s.version.number)
        row["current"] = row["current"] or s.version_id == p.current_id
    return list(rows.values())


def _positions():
    from kurultai.dialogue.models import Signature

    return (
        services.visible_positions()
        .select_related("organisation", "current")
        .prefetch_related(
            "addressees",
            Prefetch("signatures", queryset=Signature.objects.select_related("organisation", "version").order_by("pk")),
        )
        .order_by("-created_at", "-pk")
    )


@router.get("/positions", response={200: PositionPage, 422: ERRORS[422]}, summary="List co-signed positions")
def list_positions(request, paging: Query[Paging]) -> dict:
    """Positions open for co-signature or submitted, with who signed which version."""
    return page(_positions(), paging, _position)


@router.get("/positions/{position_id}", response={200: PositionOut, **ERRORS}, summary="One co-signed position")
def get_position(request, position_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    return _position(get_object_or_404(_positions(), pk=position_id))
