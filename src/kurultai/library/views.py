"""Library pages: publications (list with facets, page with citation data, files, editing), expert interviews,
research projects, citation exports and the OAI-PMH endpoint."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from kurultai.core import search
from kurultai.core.models import Theme
from kurultai.library import citations, services
from kurultai.library import oai as oai_protocol
from kurultai.library.forms import FileForm, FilterForm, InterviewForm, PublicationForm
from kurultai.library.models import (
    Interview,
    OutputStatus,
    Publication,
    PublicationFile,
    PublicationType,
    ResearchProject,
    Status,
)

PAGE_SIZE = 20
CITATION_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", citations.bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", citations.ris),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", citations.csl_json),
}


def _can_manage(request: HttpRequest) -> bool:
    return request.user.has_perm("library.manage")


def _form_errors(form: Any, exc: ValidationError) -> None:
    """A service's refusal shown next to the field it names (or above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


def _require_manager(request: HttpRequest) -> None:
    if not _can_manage(request):
        raise PermissionDenied


# --- Publications ------------------------------------------------------------------------------------------------


def _visible_publication(request: HttpRequest, pk: int) -> Publication:
    publication = get_object_or_404(
        Publication.objects.select_related("project", "forum", "session__forum").prefetch_related(
            "creators__organisation", "themes", "countries", "files"
        ),
        pk=pk,
    )
    if not publication.is_public and not _can_manage(request):
        raise Http404
    return publication


def publication_list(request: HttpRequest) -> HttpResponse:
    """Publications with facets: type, theme, language, year, and words (found inside PDFs too)."""
    form = FilterForm(request.GET or None)
    values = form.values() if request.GET else {}
    queryset = Publication.objects.published()
    if values.get("type"):
        queryset = queryset.filter(type=values["type"])
    if values.get("theme"):
        queryset = queryset.filter(themes=values["theme"])
    if values.get("language"):
        queryset = queryset.filter(languages__regex=rf"(^| ){values['language']}( |$)")
    if values.get("year"):
        queryset = queryset.filter(year=values["year"])
    ranked: list[int] | None = None
    if values.get("q"):
        ranked = search.matching_ids(values["q"], "publication", limit=2000)
        queryset = queryset.filter(pk__in=ranked)
    years = (
        Publication.objects.published()
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
        .values_list("year", "n")
    )
    types = dict(Publication.objects.published().values("type").annotate(n=Count("pk")).values_list("type", "n"))
    queryset = queryset.prefetch_related("creators__organisation", "files").distinct()
    if ranked is not None:
        order = {pk: i for i, pk in enumerate(ranked)}
        items = sorted(queryset, key=lambda p: order.get(p.pk, 0))
        page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        page = Paginator(queryset.order_by("-year", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/publication_list.html",
        {
            "form": form,
            "page": page,
            "years": list(years[:15]),
            "type_counts": [(code, label, types.get(code, 0)) for code, label in PublicationType.choices],
            "filtered": bool(values),
            "can_manage": _can_manage(request),
            "nav": "knowledge",
        },
    )


def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A publication with what a reader, a reference manager and a search engine need."""
    publication = _visible_publication(request, pk)
    interviews = [i for i in publication.interviews.published().select_related("country")[:50]]
    return render(
        request,
        "library/publication_detail.html",
        {
            "publication": publication,
            "creators": list(publication.creators.all()),
            "files": list(publication.files.all()),
            "interviews": interviews,
            "scholar_meta": citations.scholar_meta(publication),
            "json_ld": citations.json_ld_script(publication),
            "citation": citations.text_citation(publication),
            "can_manage": _can_manage(request),
            "nav": "knowledge",
        },
    )


def publication_cite(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The publication as BibTeX, RIS or CSL-JSON, to save into a reference manager."""
    if fmt not in CITATION_FORMATS:
        raise Http404
    publication = _visible_publication(request, pk)
    content_type, build = CITATION_FORMATS[fmt]
    response = HttpResponse(build(publication), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citations.citation_key(publication)}.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def publication_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Describe a new publication or change one (editors and the library's publishers)."""
    _require_manager(request)
    publication = get_object_or_404(Publication, pk=pk) if pk else None
    form = PublicationForm(request.POST or None, instance=publication or Publication())
    if request.method == "POST" and form.is_valid():
        try:
            values = form.service_values()
            if publication is None:
                publication = services.create_publication(request.user, **values)
                messages.success(request, _("The publication is saved as a draft. Add its PDF, then publish it."))
            else:
                services.update_publication(request.user, publication, **values)
                messages.success(request, _("Changes saved."))
            return redirect("library:publication_files", pk=publication.pk)
        except ValidationError as exc:
            _form_errors(form, exc)
    return render(
        request,
        "library/publication_form.html",
        {"form": form, "publication": publication, "nav": "knowledge"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def publication_files(request: HttpRequest, pk: int) -> HttpResponse:
    """Add or remove a publication's PDFs; publish or withdraw it."""
    _require_manager(request)
    publication = get_object_or_404(Publication.objects.prefetch_related("files"), pk=pk)
    form = FileForm()
    status = 200
    problems: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "upload":
                form = FileForm(request.POST, request.FILES)
                if form.is_valid():
                    services.add_file(
                        request.user,
                        publication,
                        form.cleaned_data["file"],
                        language=form.cleaned_data["language"],
                        label=form.cleaned_data["label"],
                    )
                    messages.success(request, _("The PDF is added; its text is being read for search."))
                    return redirect("library:publication_files", pk=pk)
            elif action == "remove":
                raw = request.POST.get("file", "")
                item = (
                    PublicationFile.objects.filter(publication=publication, pk=int(raw)).first()
                    if raw.isdigit() and len(raw) < 18
                    else None
                )
                if item is None:
                    raise ValidationError(_("No such file."))
                services.remove_file(request.user, item)
                messages.success(request, _("The file is removed."))
                return redirect("library:publication_files", pk=pk)
            elif action == "publish":
                services.publish_publication(request.user, publication)
                messages.success(request, _("The publication is published."))
                return redirect(publication.get_absolute_url())
            elif action == "withdraw":
                services.withdraw_publication(request.user, publication)
                messages.success(request, _("The publication is withdrawn."))
                return redirect("library:publication_files", pk=pk)
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as exc:
            problems.extend(exc.messages)
        status = 400
    return render(
        request,
        "library/publication_files.html",
        {
            "publication": publication,
            "files": list(publication.files.all()),
            "form": form,
            "problems": problems,
            "nav": "knowledge",
        },
        status=status,
    )


def _served_file(item: Any, field: Any, content_type: str, filename: str, inline: bool) -> FileResponse:
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def file_download(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(PublicationFile.objects.select_related("publication"), pk=pk)
    if not item.publication.is_public and not _can_manage(request):
        raise Http404
    name = f"{citations.citation_key(item.publication)}{'-' + item.language if item.language else ''}.pdf"
    return _served_file(item, item.file, "application/pdf", name, inline=True)


def file_thumbnail(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(PublicationFile.objects.select_related("publication"), pk=pk)
    if not item.publication.is_public and not _can_manage(request):
        raise Http404
    return _served_file(item, item.thumbnail, "image/png", f"page-1-{item.pk}.png", inline=True)


# --- Interviews --------------------------------------------------------------------------------------------------


def interview_list(request: HttpRequest) -> HttpResponse:
    queryset = Interview.objects.published().select_related("country", "project").order_by("-interviewed_on", "-pk")
    project = None
    slug = request.GET.get("project", "")
    if slug:
        project = ResearchProject.objects.filter(slug=slug[:80], is_published=True).first()
        if project is not None:
            queryset = queryset.filter(project=project)
    page = Paginator(queryset.prefetch_related("transcripts"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/interview_list.html",
        {"page": page, "project": project, "can_manage": _can_manage(request), "nav": "knowledge"},
    )


def _visible_interview(request: HttpRequest, pk: int) -> Interview:
    interview = get_object_or_404(
        Interview.objects.select_related("country", "project", "publication").prefetch_related("transcripts", "themes"),
        pk=pk,
    )
    if not interview.is_public and not _can_manage(request):
        raise Http404
    return interview


def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _visible_interview(request, pk)
    transcripts = list(interview.transcripts.all())
    wanted = request.GET.get("lang", "")
    shown = next((t for t in transcripts if t.language == wanted), None)
    if shown is None:
        from kurultai.core.multilingual import active_language

        shown = next(
            (t for t in transcripts if t.language == active_language()), transcripts[0] if transcripts else None
        )
    return render(
        request,
        "library/interview_detail.html",
        {
            "interview": interview,
            "transcripts": transcripts,
            "shown": shown,
            "can_manage": _can_manage(request),
            "nav": "knowledge",
        },
    )


def interview_audio(request: HttpRequest, pk: int) -> FileResponse:
    interview = _visible_interview(request, pk)
    extension = {"audio/mpeg": "mp3", "audio/ogg": "ogg", "audio/mp4": "m4a"}.get(interview.content_type, "bin")
    return _served_file(
        interview,
        interview.audio,
        interview.content_type or "application/octet-stream",
        f"interview-{interview.pk}.{extension}",
        inline=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_new(request: HttpRequest) -> HttpResponse:
    """Record an interview with its consent (editors and the library's publishers)."""
    _require_manager(request)
    form = InterviewForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        values = form.service_values()
        themes = values.pop("themes", [])
        try:
            interview = services.create_interview(request.user, themes=themes, **values)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The interview is saved as a draft."))
            return redirect(interview.get_absolute_url())
    return render(
        request,
        "library/interview_form.html",
        {"form": form, "nav": "knowledge"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def interview_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    interview = get_object_or_404(Interview, pk=pk)
    try:
        services.publish_interview(request.user, interview)
        messages.success(request, _("The interview is published."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(interview.get_absolute_url())


# --- Research projects -------------------------------------------------------------------------------------------


def project_list(request: HttpRequest) -> HttpResponse:
    projects = (
        ResearchProject.objects.filter(is_published=True)
        .select_related("funder")
        .prefetch_related("implementers")
        .annotate(
            n_interviews=Count("interviews", filter=Q(interviews__status=Status.PUBLISHED), distinct=True),
            n_publications=Count("publications", filter=Q(publications__status=Status.PUBLISHED), distinct=True),
        )
    )
    page = Paginator(projects.order_by("-starts_on", "slug"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "library/project_list.html", {"page": page, "nav": "knowledge"})


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A study with its aim, objectives, activities and outputs: interviews, publications, events, and status."""
    project = get_object_or_404(
        ResearchProject.objects.select_related("funder").prefetch_related(
            "implementers",
            "themes",
            "countries",
            Prefetch(
                "publications",
                queryset=Publication.objects.exclude(status=Status.DRAFT).prefetch_related("creators__organisation"),
            ),
            "events__forum",
            "events__session",
        ),
        slug=slug,
    )
    if not project.is_published and not _can_manage(request):
        raise Http404
    interviews = list(project.interviews.published().select_related("country").order_by("interviewed_on", "pk"))
    all_interviews = project.interviews.count()
    publications = [p for p in project.publications.all() if p.is_public]
    events = list(project.events.all())
    outputs = [
        (
            _("Expert interviews"),
            OutputStatus.DONE.label
            if interviews and len(interviews) >= all_interviews
            else (OutputStatus.IN_PROGRESS.label if all_interviews else OutputStatus.PLANNED.label),
            len(interviews),
        ),
        (_("Publications"), OutputStatus.DONE.label if publications else OutputStatus.PLANNED.label, len(publications)),
        (
            _("Events"),
            OutputStatus.DONE.label
            if events and all(e.status == OutputStatus.DONE for e in events)
            else (OutputStatus.IN_PROGRESS.label if events else OutputStatus.PLANNED.label),
            len(events),
        ),
    ]
    countries = Counter(str(i.country) for i in interviews if i.country_id)
    return render(
        request,
        "library/project_detail.html",
        {
            "project": project,
            "interviews": interviews,
            "publications": publications,
            "events": events,
            "outputs": outputs,
            "interview_countries": countries.most_common(),
            "nav": "knowledge",
        },
    )


# --- Feeds and OAI-PMH -------------------------------------------------------------------------------------------


def publications_feed(request: HttpRequest, type: str = "", slug: str = "") -> HttpResponse:
    from kurultai.library.feeds import PublicationsFeed

    return PublicationsFeed()(request, type=type, slug=slug)


@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def oai(request: HttpRequest) -> HttpResponse:
    """The OAI-PMH 2.0 endpoint (``/oai``, outside the language prefix)."""
    return oai_protocol.respond(request)


def theme_choices() -> list[tuple[str, str]]:
    return [(t.slug, str(t)) for t in Theme.objects.all()]
