"""Pages where organisations work together: partner searches for an opportunity, the conversation after an
expression of interest, and the consortium workspace (members only: others get 403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kurultai.core.multilingual import active_language
from kurultai.core.uploads import extension_for
from kurultai.opportunities import consortia, conversations
from kurultai.opportunities.forms import (
    ChecklistForm,
    CommentForm,
    ConsortiumForm,
    FileForm,
    InviteForm,
    MessageForm,
    PartnerSearchForm,
    SectionForm,
)
from kurultai.opportunities.models import (
    ChecklistItem,
    Consortium,
    ConsortiumFile,
    ConsortiumMember,
    Opportunity,
    PartnerSearch,
    Section,
)
from kurultai.opportunities.selectors import my_consortia, represented_ids
from kurultai.opportunities.views import _add_errors
from kurultai.organisations.models import Organisation, PartnerInterest


def _my_organisations(user: Any) -> Any:
    """Organisations a person may act for here (administrators: any listed one)."""
    if user.is_superuser and user.is_active:
        return Organisation.objects.listed()
    return Organisation.objects.filter(pk__in=represented_ids(user))


def _open_opportunity(pk: int) -> Opportunity:
    return get_object_or_404(Opportunity.objects.published(), pk=pk)


@login_required
def new_partner_search(request: HttpRequest, pk: int) -> HttpResponse:
    """A representative posts "looking for partners" for this opportunity."""
    opportunity = _open_opportunity(pk)
    organisations = _my_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = PartnerSearchForm(organisations, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        try:
            search = conversations.post_partner_search(
                request.user, opportunity, organisation, language=active_language(), **data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your partner search is published."))
            return redirect(search.request)
    return render(
        request,
        "opportunities/partner_search_form.html",
        {"form": form, "opportunity": opportunity, "nav": "opportunities"},
    )


@login_required
def conversation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opportunities/conversations.html",
        {"interests": conversations.conversations_of(request.user), "nav": "opportunities"},
    )


@login_required
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    """The two organisations' conversation: the expression of interest, then every message both sides wrote."""
    interest = get_object_or_404(
        PartnerInterest.objects.select_related("organisation", "request", "request__organisation", "author"), pk=pk
    )
    if not request.user.has_perm("opportunities.view_conversation", interest):
        raise PermissionDenied
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversations.send_message(request.user, interest, form.cleaned_data["text"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Message sent."))
            return redirect("opportunities:conversation", pk=pk)
    try:
        side = conversations.acting_side(request.user, interest)
    except PermissionDenied:  # an administrator reading without acting for either side
        side = None
    link = PartnerSearch.objects.filter(request=interest.request).select_related("opportunity").first()
    return render(
        request,
        "opportunities/conversation.html",
        {
            "interest": interest,
            "entries": conversations.conversation(interest),
            "side": side,
            "link": link,
            "form": form,
            "nav": "opportunities",
        },
    )


@login_required
def new_consortium(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _open_opportunity(pk)
    organisations = _my_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = ConsortiumForm(
        organisations,
        request.POST or None,
        initial={"name": _("Consortium for %(title)s") % {"title": opportunity.title}},
    )
    if request.method == "POST" and form.is_valid():
        try:
            consortium = consortia.create_consortium(
                request.user,
                opportunity,
                form.cleaned_data["lead"],
                name=form.cleaned_data["name"],
                chat_url=form.cleaned_data["chat_url"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The consortium is created. Invite your partners."))
            return redirect(consortium)
    return render(
        request,
        "opportunities/consortium_form.html",
        {"form": form, "opportunity": opportunity, "nav": "opportunities"},
    )


@login_required
def consortium_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "opportunities/consortia.html", {"consortia": my_consortia(request.user), "nav": "opportunities"}
    )


def _consortium(request: HttpRequest, pk: int, perm: str = "opportunities.view_consortium") -> Consortium:
    consortium = get_object_or_404(
        Consortium.objects.select_related("opportunity", "opportunity__donor", "lead").prefetch_related("members"),
        pk=pk,
    )
    if not request.user.has_perm(perm, consortium):
        raise PermissionDenied
    return consortium


def _seat_organisations(consortium: Consortium) -> Any:
    return Organisation.objects.filter(
        consortium_memberships__consortium=consortium,
        consortium_memberships__status=ConsortiumMember.Status.CONFIRMED,
    )


@login_required
def consortium(request: HttpRequest, pk: int) -> HttpResponse:
    """The workspace: members and invitations, checklist, proposal sections, files, group chat."""
    consortium = _consortium(request, pk)
    user = request.user
    can_work = user.has_perm("opportunities.work_in_consortium", consortium)
    can_manage = user.has_perm("opportunities.manage_consortium", consortium)
    seats = _seat_organisations(consortium)
    invite_form = InviteForm(request.POST if request.POST.get("action") == "invite" else None)
    step_form = ChecklistForm(seats, request.POST if request.POST.get("action") == "step" else None)
    file_form = FileForm(
        request.POST if request.POST.get("action") == "upload" else None,
        request.FILES if request.POST.get("action") == "upload" else None,
    )
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            done = _act(request, consortium, action, invite_form, step_form, file_form)
        except ValidationError as exc:
            form = {"invite": invite_form, "step": step_form, "upload": file_form}.get(action)
            if form is not None:
                _add_errors(form, exc)
            else:
                for message in exc.messages:
                    messages.error(request, message)
                return redirect(consortium)
        else:
            if done:
                return redirect(consortium)
    mine = set(represented_ids(user))
    members = list(consortium.members.select_related("organisation"))
    texts = consortia.current_texts(consortium)
    return render(
        request,
        "opportunities/consortium.html",
        {
            "consortium": consortium,
            "members": members,
            "my_seats": [m for m in members if m.organisation_id in mine and m.status != "withdrawn"],
            "checklist": consortium.checklist.select_related("owner"),
            "sections": [(code, label, texts.get(code)) for code, label in Section.choices],
            "files": consortium.files.select_related("uploaded_by"),
            "can_work": can_work,
            "can_manage": can_manage,
            "invite_form": invite_form,
            "step_form": step_form,
            "file_form": file_form,
            "nav": "opportunities",
        },
    )


def _act(request: HttpRequest, consortium: Consortium, action: str, invite_form, step_form, file_form) -> bool:
    """One POST action of the workspace; True when done (redirect), False when a form shows its errors."""
    user = request.user
    if action == "answer":
        member = get_object_or_404(ConsortiumMember, consortium=consortium, pk=_int(request.POST.get("member")))
        consortia.answer(user, member, request.POST.get("confirm") == "1")
        messages.success(request, _("Your answer is recorded."))
        return True
    if action == "invite":
        if not user.has_perm("opportunities.manage_consortium", consortium):
            raise PermissionDenied
        if not invite_form.is_valid():
            return False
        consortia.invite(user, consortium, invite_form.cleaned_data["organisation"], invite_form.cleaned_data["role"])
        messages.success(request, _("Invitation sent."))
        return True
    if action == "settings":
        consortia.update_consortium(
            user, consortium, name=request.POST.get("name", ""), chat_url=request.POST.get("chat_url", "").strip()
        )
        messages.success(request, _("Saved."))
        return True
    if action == "step":
        if not user.has_perm("opportunities.work_in_consortium", consortium):
            raise PermissionDenied
        if not step_form.is_valid():
            return False
        consortia.add_step(user, consortium, **step_form.cleaned_data)
        return True
    if action == "toggle":
        item = get_object_or_404(ChecklistItem, consortium=consortium, pk=_int(request.POST.get("item")))
        consortia.toggle_step(user, item)
        return True
    if action == "upload":
        if not user.has_perm("opportunities.work_in_consortium", consortium):
            raise PermissionDenied
        if not file_form.is_valid():
            return False
        consortia.upload(user, consortium, file_form.cleaned_data["title"], file_form.cleaned_data["file"])
        messages.success(request, _("File uploaded."))
        return True
    raise ValidationError(_("Unknown action."))


def _int(value: Any) -> int:
    return int(value) if str(value or "").isdigit() and len(str(value)) < 18 else 0


@login_required
def section(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    """Write one proposal section (Markdown), see its versions and comment on it."""
    consortium = _consortium(request, pk)
    if section not in Section.values:
        raise Http404
    versions = list(consortium.versions.filter(section=section).select_related("author"))
    current = versions[0] if versions else None
    action = request.POST.get("action", "")
    form = SectionForm(
        request.POST if action == "save" else None,
        initial={"text": current.text if current else "", "base": current.number if current else 0},
    )
    comment_form = CommentForm(request.POST if action == "comment" else None)
    if request.method == "POST":
        if not request.user.has_perm("opportunities.work_in_consortium", consortium):
            raise PermissionDenied
        target = form if action == "save" else comment_form
        if target.is_valid():
            try:
                if action == "save":
                    consortia.save_section(
                        request.user, consortium, section, form.cleaned_data["text"], form.cleaned_data["base"]
                    )
                    messages.success(request, _("Saved as a new version."))
                else:
                    consortia.comment(request.user, consortium, section, comment_form.cleaned_data["text"])
                return redirect("opportunities:section", pk=pk, section=section)
            except ValidationError as exc:
                _add_errors(target, exc)
    shown = current
    if request.GET.get("version", "").isdecimal():
        shown = next((v for v in versions if v.number == int(request.GET["version"])), current)
    return render(
        request,
        "opportunities/section.html",
        {
            "consortium": consortium,
            "section": section,
            "label": Section(section).label,
            "versions": versions,
            "shown": shown,
            "form": form,
            "comment_form": comment_form,
            "comments": consortium.comments.filter(section=section).select_related("author", "organisation"),
            "can_work": request.user.has_perm("opportunities.work_in_consortium", consortium),
            "nav": "opportunities",
        },
    )


@login_required
def consortium_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    consortium = _consortium(request, pk)
    stored = get_object_or_404(ConsortiumFile, consortium=consortium, pk=file_pk)
    if not default_storage.exists(stored.file.name):
        raise Http404
    response = FileResponse(
        default_storage.open(stored.file.name, "rb"),
        content_type=stored.content_type,
        as_attachment=True,
        filename=f"{consortium.pk}-{stored.pk}{extension_for(stored.content_type)}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def export_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole proposal as one Word document."""
    consortium = _consortium(request, pk)
    body = consortia.to_docx(consortium, (get_language() or "en").split("-")[0])
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="proposal-{consortium.pk}.docx"'
    return response
