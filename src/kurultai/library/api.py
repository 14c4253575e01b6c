"""Read API of the library: publications (Dublin Core fields), expert interviews (the role only when anonymised) and
research projects with their outputs."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, Paging, absolute, page
from kurultai.library.models import Interview, Publication, PublicationType, ResearchProject, Status

router = Router(tags=["library"])


class CreatorOut(Schema):
    name: str
    organisation: str | None = Field(None, description="Directory slug when the creator is an organisation")


class FileOut(Schema):
    url: str
    content_type: str
    size: int = Field(description="Bytes")
    pages: int
    language: str


class PublicationOut(Schema):
    id: int
    url: str
    type: str = Field(description="monograph, research_report, policy_brief, article, training_material, …")
    title: dict[str, str]
    creators: list[CreatorOut]
    year: int
    date: str | None
    languages: list[str]
    themes: list[str]
    countries: list[str]
    abstract: dict[str, str]
    publisher: str
    isbn: str
    doi: str
    link: str
    licence: str = Field(description="SPDX identifier")
    files: list[FileOut]
    project: str | None = Field(None, description="Slug of the research project")
    citation: dict[str, str] = Field(description="Links to BibTeX, RIS and CSL-JSON")


class PublicationPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[PublicationOut]


class InterviewOut(Schema):
    id: int
    url: str
    interviewee: str = Field(description="The name, or only a role such as “expert, Kazakhstan” when anonymised")
    anonymised: bool
    country: str | None
    topic: dict[str, str]
    summary: dict[str, str]
    interviewed_on: str
    consent_scope: str
    audio_url: str | None
    audio_seconds: int
    audio_size: int
    transcripts: dict[str, str]
    project: str | None
    publication: int | None


class InterviewPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[InterviewOut]


class ProjectOut(Schema):
    slug: str
    url: str
    title: dict[str, str]
    aim: dict[str, str]
    starts_on: str | None
    ends_on: str | None
    funder: str
    implementers: list[str]
    interviews: int
    publications: list[int]
    events: list[str] = Field(description="Links to the forums where the project worked or presented")


class ProjectPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[ProjectOut]


class PublicationFilters(Paging):
    type: PublicationType | None = None
    theme: str | None = Field(None, max_length=80)
    year: int | None = Field(None, ge=1800, le=2200)


def _publication(p: Publication) -> dict[str, Any]:
    base = absolute(p.get_absolute_url())
    return {
        "id": p.pk,
        "url": base,
        "type": p.type,
        "title": p.title.texts(),
        "creators": [
            {"name": str(c), "organisation": c.organisation.slug if c.is_organisation else None}
            for c in p.creators.all()
        ],
        "year": p.year,
        "date": p.date.isoformat() if p.date else None,
        "languages": p.language_list,
        "themes": [t.slug for t in p.themes.all()],
        "countries": [c.code for c in p.countries.all()],
        "abstract": p.abstract.texts(),
        "publisher": p.publisher,
        "isbn": p.isbn,
        "doi": p.doi,
        "link": p.url,
        "licence": p.licence,
        "files": [
            {
                "url": absolute(f.get_absolute_url()),
                "content_type": f.content_type,
                "size": f.size,
                "pages": f.pages,
                "language": f.language,
            }
            for f in p.files.all()
        ],
        "project": p.project.slug if p.project_id and p.project.is_published else None,
        "citation": {fmt: f"{base}cite.{fmt}" for fmt in ("bib", "ris", "json")},
    }


def _publications():
    return (
        Publication.objects.published()
        .select_related("project")
        .prefetch_related("creators__organisation", "themes", "countries", "files")
    )


@router.get("/library/publications", response={200: PublicationPage, 422: ERRORS[422]}, summary="List publications")
def list_publications(request, filters: Query[PublicationFilters]) -> dict:
    """Published publications, newest first, with their Dublin Core description and files."""
    queryset = _publications().order_by("-year", "-pk")
    if filters.type:
        queryset = queryset.filter(type=filters.type)
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    return page(queryset, filters, _publication)


@router.get(
    "/library/publications/{publication_id}", response={200: PublicationOut, **ERRORS}, summary="One publication"
)
def get_publication(request, publication_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    return _publication(get_object_or_404(_publications(), pk=publication_id))


def _interview(i: Interview) -> dict[str, Any]:
    text = {t.language: i.scrub(t.text) for t in i.transcripts.all()}
    return {
        "id": i.pk,
        "url": absolute(i.get_absolute_url()),
        "interviewee": i.public_name,
        "anonymised": i.hides_name,
        "country": i.country.code if i.country_id else None,
        "topic": {code: i.scrub(text) for code, text in i.topic.texts().items()},
        "summary": {code: i.scrub(text) for code, text in i.summary.texts().items()},
        "interviewed_on": i.interviewed_on.isoformat(),
        "consent_scope": i.consent_scope,
        "audio_url": absolute(f"{i.get_absolute_url()}audio") if i.audio else None,
        "audio_seconds": i.audio_seconds,
        "audio_size": i.audio_size,
        "transcripts": text,
        "project": i.project.slug if i.project_id and i.project.is_published else None,
        "publication": i.publication_id if i.publication_id and i.publication.status == Status.PUBLISHED else None,
    }


def _interviews():
    return (
        Interview.objects.published()
        .select_related("country", "project", "publication")
        .prefetch_related("transcripts")
    )


@router.get("/library/interviews", response={200: InterviewPage, 422: ERRORS[422]}, summary="List expert interviews")
def list_interviews(request, paging: Query[Paging]) -> dict:
    """Published interviews; an anonymised interviewee appears only by role."""
    return page(_interviews().order_by("-interviewed_on", "-pk"), paging, _interview)


@router.get("/library/interviews/{interview_id}", response={200: InterviewOut, **ERRORS}, summary="One interview")
def get_interview(request, interview_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    return _interview(get_object_or_404(_interviews(), pk=interview_id))


def _project(p: ResearchProject) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "url": absolute(p.get_absolute_url()),
        "title": p.title.texts(),
        "aim": p.aim.texts(),
        "starts_on": p.starts_on.isoformat() if p.starts_on else None,
        "ends_on": p.ends_on.isoformat() if p.ends_on else None,
        "funder": p.funder_label,
        "implementers": [o.slug for o in p.implementers.all()],
        "interviews": sum(1 for i in p.interviews.all() if i.is_public),
        "publications": [x.pk for x in p.publications.all() if x.is_public],
        "events": [absolute(e.forum.get_absolute_url()) for e in p.events.all()],
    }


def _projects():
    return (
        ResearchProject.objects.filter(is_published=True)
        .select_related("funder")
        .prefetch_related("implementers", "interviews", "publications", "events__forum")
    )


@router.get("/library/projects", response={200: ProjectPage, 422: ERRORS[422]}, summary="List research projects")
def list_research_projects(request, paging: Query[Paging]) -> dict:
    return page(_projects().order_by("-starts_on", "slug"), paging, _project)


@router.get("/library/projects/{slug}", response={200: ProjectOut, **ERRORS}, summary="One research project")
def get_research_project(request, slug: str = Path(..., max_length=80)) -> dict:
    return _project(get_object_or_404(_projects(), slug=slug))
