"""The organisers' workspace: forum series, editions, sessions, speakers, session roles, quick tagging and
publishing — everything an organiser needs without the Django admin. Every change goes through services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from kurultai.core.multilingual import written_language
from kurultai.forums import services
from kurultai.forums.models import Appearance, Forum, ForumSeries, Session, Speaker
from kurultai.forums.workspace_forms import (
    ForumForm,
    RoleForm,
    SeriesForm,
    SessionForm,
    SpeakerForm,
    TagLookups,
    TagRowForm,
)

TAGGING_PAGE = 20


def _denied(request: HttpRequest, forum: Forum | None = None) -> HttpResponse | None:
    """A sign-in page for visitors, 403 for people who do not organise; None when allowed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("forums.organise", forum):
        raise PermissionDenied
    return None


def _add_errors(form: Any, exc: ValidationError) -> None:
    """A service's refusal shown next to the field it concerns (or above the form)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _values(form: Any) -> dict[str, Any]:
    return dict(form.cleaned_data)


@require_http_methods(["GET"])
def workspace(request: HttpRequest) -> HttpResponse:
    """Every forum (drafts first) and series, with links to edit them."""
    if denied := _denied(request):
        return denied
    forums = (
        Forum.objects.select_related("series", "country")
        .annotate(session_count=Count("sessions", distinct=True))
        .order_by("is_published", "-start_date")
    )
    series = ForumSeries.objects.annotate(forum_count=Count("forums")).order_by("position", "slug")
    return render(request, "forums/workspace/home.html", {"forums": forums, "series": series, "nav": "forums"})


@require_http_methods(["GET", "POST"])
def series_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Create a series or edit one."""
    if denied := _denied(request):
        return denied
    series = get_object_or_404(ForumSeries, slug=slug) if slug else None
    form = SeriesForm(request.POST or None, instance=ForumSeries.objects.get(pk=series.pk) if series else None)
    if request.method == "POST" and form.is_valid():
        values = _values(form)
        try:
            services.save_series(request.user, series, language=written_language(values.get("title")), **values)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The series is saved."))
            return redirect("forums:workspace")
    return render(request, "forums/workspace/form.html", _form_context(form, series, _("Forum series")))


def _form_context(form: Any, obj: Any, heading: str, **extra: Any) -> dict[str, Any]:
    return {"form": form, "object": obj, "heading": heading, "nav": "forums", **extra}


@require_http_methods(["GET", "POST"])
def forum_create(request: HttpRequest) -> HttpResponse:
    """A new edition, saved as a draft."""
    if denied := _denied(request):
        return denied
    form = ForumForm(request.POST or None, initial={"series": ForumSeries.objects.order_by("position").first()})
    if request.method == "POST" and form.is_valid():
        values = _values(form)
        try:
            forum = services.create_forum(request.user, language=written_language(values.get("title")), **values)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The forum is saved as a draft. Add its sessions, then publish it."))
            return redirect("forums:forum_edit", slug=forum.slug)
    return render(request, "forums/workspace/form.html", _form_context(form, None, _("New forum")))


@require_http_methods(["GET", "POST"])
def forum_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """An edition's facts, its status and its programme."""
    forum = get_object_or_404(Forum.objects.select_related("series", "country"), slug=slug)
    if denied := _denied(request, forum):
        return denied
    form = ForumForm(request.POST or None, instance=Forum.objects.get(pk=forum.pk))
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.update_forum(request.user, forum, **_values(form))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The forum is saved."))
            return redirect("forums:forum_edit", slug=forum.slug)
    sessions = forum.sessions.annotate(role_count=Count("appearances")).order_by("starts_at", "number")
    return render(
        request,
        "forums/workspace/forum.html",
        _form_context(form, forum, _("Edit forum"), forum=forum, sessions=sessions),
    )


def _post_only(request: HttpRequest) -> HttpResponse | None:
    """Visitors are sent to sign in; anything but POST is refused."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def forum_publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish a draft or take a forum back to draft (POST ``action`` = publish | draft)."""
    if refused := _post_only(request):
        return refused
    forum = get_object_or_404(Forum, slug=slug)
    _denied(request, forum)
    action = request.POST.get("action")
    if action not in ("publish", "draft"):
        messages.error(request, _("Choose whether to publish the forum or keep it as a draft."))
        return redirect("forums:forum_edit", slug=forum.slug)
    services.set_published(request.user, forum, action == "publish")
    if action == "publish":
        messages.success(request, _("The forum is published: everyone can see it now."))
    else:
        messages.success(request, _("The forum is a draft again: only organisers can see it."))
    return redirect("forums:forum_edit", slug=forum.slug)


def _organised_forum(request: HttpRequest, slug: str) -> Forum:
    forum = get_object_or_404(Forum.objects.select_related("country"), slug=slug)
    _denied(request, forum)
    return forum


@require_http_methods(["GET", "POST"])
def session_form(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    """Create or edit a session; its roles are managed on the same page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    forum = _organised_forum(request, slug)
    session = get_object_or_404(forum.sessions, number=number) if number is not None else None
    instance = Session.objects.get(pk=session.pk) if session else Session(forum=forum)
    form = SessionForm(forum, request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        values = _values(form)
        values.pop("day", None), values.pop("start", None), values.pop("end", None)
        try:
            saved = services.save_session(
                request.user, forum, session, language=written_language(values.get("title")), **values
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The session is saved."))
            return redirect("forums:session_edit", slug=forum.slug, number=saved.number)
    roles = session.appearances.select_related("speaker").order_by("position", "id") if session else []
    return render(
        request,
        "forums/workspace/session.html",
        _form_context(
            form,
            session,
            _("Edit session") if session else _("New session"),
            forum=forum,
            session=session,
            roles=roles,
            role_form=RoleForm() if session else None,
        ),
    )


def session_delete(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    if refused := _post_only(request):
        return refused
    forum = _organised_forum(request, slug)
    session = get_object_or_404(forum.sessions, number=number)
    try:
        services.delete_session(request.user, session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("forums:session_edit", slug=forum.slug, number=number)
    messages.success(request, _("The session is deleted."))
    return redirect("forums:forum_edit", slug=forum.slug)


def role_add(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Give a speaker a role in the session (the form is on the session's page)."""
    if refused := _post_only(request):
        return refused
    forum = _organised_forum(request, slug)
    session = get_object_or_404(forum.sessions, number=number)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.add_role(request.user, session, form.cleaned_data["speaker"], form.cleaned_data["role"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The role is added."))
    else:
        messages.error(request, _("Choose a speaker and a role from the lists."))
    return redirect(reverse("forums:session_edit", kwargs={"slug": forum.slug, "number": number}) + "#roles")


def role_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    if refused := _post_only(request):
        return refused
    forum = _organised_forum(request, slug)
    appearance = get_object_or_404(Appearance.objects.select_related("session"), pk=pk, forum=forum)
    services.remove_role(request.user, appearance)
    messages.success(request, _("The role is removed."))
    if appearance.session is not None:
        return redirect(
            reverse("forums:session_edit", kwargs={"slug": forum.slug, "number": appearance.session.number}) + "#roles"
        )
    return redirect("forums:forum_edit", slug=forum.slug)


@require_http_methods(["GET"])
def speaker_list(request: HttpRequest) -> HttpResponse:
    """Every speaker with the number of their roles, to find and edit one."""
    if denied := _denied(request):
        return denied
    speakers = Speaker.objects.select_related("organisation").annotate(role_count=Count("appearances"))
    page = Paginator(speakers.order_by("-id"), 50).get_page(request.GET.get("page"))
    return render(request, "forums/workspace/speakers.html", {"page": page, "nav": "forums"})


@require_http_methods(["GET", "POST"])
def speaker_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create or edit a speaker: name, affiliation, short biography, photo with its description."""
    if denied := _denied(request):
        return denied
    speaker = get_object_or_404(Speaker, pk=pk) if pk is not None else None
    form = SpeakerForm(
        request.POST or None, request.FILES or None, instance=Speaker.objects.get(pk=speaker.pk) if speaker else None
    )
    if request.method == "POST" and form.is_valid():
        values = _values(form)
        photo = values.pop("photo", None)
        remove = values.pop("remove_photo", False)
        try:
            saved = services.save_speaker(
                request.user,
                speaker,
                photo=photo,
                remove_photo=remove,
                language=written_language(values.get("name")),
                **values,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The speaker is saved."))
            return redirect("forums:speaker_edit", pk=saved.pk)
    return render(
        request,
        "forums/workspace/speaker.html",
        _form_context(form, speaker, _("Edit speaker") if speaker else _("New speaker"), speaker=speaker),
    )


@require_http_methods(["GET", "POST"])
def tagging(request: HttpRequest, slug: str) -> HttpResponse:
    """A page of the forum's recommendations with their tags as codes; one POST saves the whole page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    forum = _organised_forum(request, slug)
    queryset = (
        forum.recommendations.select_related("session", "forum")
        .prefetch_related("themes", "countries", "addressees", "sdgs")
        .order_by("session__number", "position", "id")
    )
    page = Paginator(queryset, TAGGING_PAGE).get_page(request.GET.get("page"))
    lookups = TagLookups()
    data = request.POST if request.method == "POST" else None
    rows = [
        (rec, TagRowForm(lookups, data, prefix=f"r{rec.pk}", initial=TagRowForm.initial_for(rec)))
        for rec in page.object_list
    ]
    if request.method == "POST":
        if all(form.is_valid() for _rec, form in rows):
            changes = {rec.pk: form.cleaned_data for rec, form in rows}
            try:
                count = services.tag_recommendations(request.user, forum, changes)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                text = ngettext(
                    "Tags saved: %(count)d recommendation changed.",
                    "Tags saved: %(count)d recommendations changed.",
                    count,
                )
                messages.success(request, text % {"count": count})
                url = reverse("forums:tagging", kwargs={"slug": forum.slug})
                return redirect(f"{url}?page={page.number}" if page.number > 1 else url)
        else:
            messages.error(request, _("Nothing was saved: correct the rows marked below."))
    return render(
        request,
        "forums/workspace/tagging.html",
        {"forum": forum, "rows": rows, "page": page, "lookups": lookups, "nav": "forums"},
    )
