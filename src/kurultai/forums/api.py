"""Read API of published forums and their sessions (CC BY 4.0); unpublished editions do not exist here."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MetaOut, Paging, absolute, license_meta, page
from kurultai.forums.models import Forum, Session

router = Router(tags=["forums"])


class SessionOut(Schema):
    forum: str = Field(description="Slug of the forum")
    number: int
    url: str = Field(description="Absolute link to the session's page")
    title: dict[str, str]
    purpose: dict[str, str]
    starts_at: str | None
    ends_at: str | None
    room: str
    track: str = Field(description="Sessions at the same time in different tracks run in parallel")
    format: str = Field(description="in_person, online or hybrid; empty when not known")
    themes: list[str]
    recommendations: list[int] = Field(description="Ids of its recommendations (see /recommendations/{id})")


class SessionDetail(SessionOut):
    meta: MetaOut


class ForumOut(Schema):
    slug: str
    time_zone: str = Field(description="IANA time zone the programme runs on, e.g. Asia/Bishkek")
    url: str = Field(description="Absolute link to the forum's page")
    series: str
    number: int
    title: dict[str, str]
    theme: dict[str, str]
    city: dict[str, str]
    country: str | None = Field(description="ISO code of the host country")
    start_date: str
    end_date: str | None
    date_precision: str = Field(description="day, month or year: how exact the dates are")
    format: str
    participants: int | None
    themes: list[str]
    original_language: str


class ForumDetail(ForumOut):
    meta: MetaOut
    sessions: list[SessionOut]


class ForumPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[ForumOut]


class SessionPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[SessionOut]


class ForumFilters(Paging):
    series: str | None = Field(None, description="Series slug")
    country: str | None = Field(None, max_length=2, description="ISO code of the host country, e.g. KZ")
    year: int | None = Field(None, ge=1900, le=2200)


def _texts(value: Any) -> dict[str, str]:
    return dict(value.texts()) if hasattr(value, "texts") else {}


def _forums():
    return Forum.objects.published().select_related("series", "country").prefetch_related("themes")


def _sessions():
    return (
        Session.objects.filter(forum__is_published=True)
        .select_related("forum")
        .prefetch_related("themes", "recommendations")
        .order_by("forum__start_date", "number")
    )


def _session(session: Session) -> dict[str, Any]:
    return {
        "forum": session.forum.slug,
        "number": session.number,
        "url": absolute(session.get_absolute_url()),
        "title": _texts(session.title),
        "purpose": _texts(session.purpose),
        "starts_at": session.starts_at.isoformat() if session.starts_at else None,
        "ends_at": session.ends_at.isoformat() if session.ends_at else None,
        "room": session.room,
        "track": session.track,
        "format": session.format,
        "themes": [t.slug for t in session.themes.all()],
        "recommendations": [r.pk for r in session.recommendations.all()],
    }


def _forum(forum: Forum) -> dict[str, Any]:
    return {
        "slug": forum.slug,
        "time_zone": forum.zone,
        "url": absolute(forum.get_absolute_url()),
        "series": forum.series.slug,
        "number": forum.number,
        "title": _texts(forum.title),
        "theme": _texts(forum.theme),
        "city": _texts(forum.city),
        "country": forum.country.code if forum.country_id else None,
        "start_date": forum.start_date.isoformat(),
        "end_date": forum.end_date.isoformat() if forum.end_date else None,
        "date_precision": forum.date_precision,
        "format": forum.format,
        "participants": forum.participants_count,
        "themes": [t.slug for t in forum.themes.all()],
        "original_language": forum.original_language,
    }


SLUG = Path(..., max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")


@router.get("/forums", response={200: ForumPage, 422: ERRORS[422]}, summary="List forums")
def list_forums(request, filters: Query[ForumFilters]) -> dict:
    """Published forum editions, newest first."""
    queryset = _forums()
    if filters.series:
        queryset = queryset.filter(series__slug=filters.series)
    if filters.country:
        queryset = queryset.filter(country__code=filters.country.upper())
    if filters.year:
        queryset = queryset.filter(start_date__year=filters.year)
    return page(queryset.order_by("-start_date", "slug"), filters, _forum)


@router.get("/forums/{slug}", response={200: ForumDetail, **ERRORS}, summary="One forum with its sessions")
def get_forum(request, slug: str = SLUG) -> dict:
    """A published forum and its sessions; an unpublished one answers 404."""
    forum = get_object_or_404(_forums(), slug=slug)
    sessions = [_session(s) for s in _sessions().filter(forum=forum)]
    return {**_forum(forum), "sessions": sessions, "meta": license_meta()}


@router.get("/sessions", response={200: SessionPage, 422: ERRORS[422]}, summary="List sessions", tags=["sessions"])
def list_sessions(request, filters: Query[Paging], forum: str | None = None) -> dict:
    """Sessions of published forums, oldest forum first; ``forum`` narrows to one edition."""
    queryset = _sessions()
    if forum:
        queryset = queryset.filter(forum__slug=forum)
    return page(queryset, filters, _session)


@router.get(
    "/forums/{slug}/sessions/{number}",
    response={200: SessionDetail, **ERRORS},
    summary="One session",
    tags=["sessions"],
)
def get_session(request, slug: str = SLUG, number: int = Path(..., ge=0, le=32767)) -> dict:
    """A session of a published forum."""
    session = get_object_or_404(_sessions(), forum__slug=slug, number=number)
    return {**_session(session), "meta": license_meta()}
