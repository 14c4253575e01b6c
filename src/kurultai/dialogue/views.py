"""Pages of consultations (contributions, paragraph comments, endorsements) and co-signed positions."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core.moderation_limits import PostingTooFast
from kurultai.dialogue import exports, services
from kurultai.dialogue.forms import (
    ConsultationForm,
    ContributionForm,
    DocumentForm,
    EndorseForm,
    PositionForm,
    ReportForm,
    SignForm,
)
from kurultai.dialogue.models import Consultation, ConsultationDocument, Contribution, Endorsement, Position
from kurultai.organisations.models import Organisation

PAGE_SIZE = 20


def consultations(request: HttpRequest) -> HttpResponse:
    """Consultations, open ones first."""
    phase = request.GET.get("phase", "")
    queryset = Consultation.objects.select_related("organiser").annotate(
        count=Count(
            "contributions", filter=Q(contributions__hidden_at__isnull=True, contributions__held_for_review=False)
        )
    )
    if phase in Consultation.Phase.values:
        queryset = queryset.filter(phase=phase)
    page = Paginator(queryset.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "dialogue/consultations.html",
        {
            "page": page,
            "phase": phase,
            "phases": Consultation.Phase.choices,
            "can_open": request.user.has_perm("dialogue.open_consultations"),
            "nav": "consultations",
        },
    )


def _contributions(consultation: Consultation, user: Any) -> tuple[list[Contribution], dict[int, list[Contribution]]]:
    """Top-level contributions with their replies, and comments per paragraph — in two queries."""
    moderator = user.has_perm("core.moderate")
    queryset = (
        Contribution.objects.filter(consultation=consultation)
        .select_related("author", "organisation")
        .prefetch_related(Prefetch("endorsements", queryset=Endorsement.objects.select_related("organisation")))
        .order_by("created_at", "pk")
    )
    if not moderator:
        mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
        queryset = queryset.filter(Q(held_for_review=False) | mine)
    rows = list(queryset)
    replies: dict[int, list[Contribution]] = defaultdict(list)
    top: list[Contribution] = []
    for c in rows:
        (replies[c.parent_id] if c.parent_id else top).append(c)
    for c in top:
        c.reply_list = replies.get(c.pk, [])
    general = [c for c in top if c.paragraph_id is None]
    per_paragraph: dict[int, list[Contribution]] = defaultdict(list)
    for c in top:
        if c.paragraph_id:
            per_paragraph[c.paragraph_id].append(c)
    return general, per_paragraph


def consultation(request: HttpRequest, slug: str) -> HttpResponse:
    """A consultation: the question or the document paragraph by paragraph, contributions, replies; POST contributes."""
    item = get_object_or_404(Consultation.objects.select_related("organiser", "working_group"), slug=slug)
    user = request.user
    organisations = services.represented(user)
    form = ContributionForm(request.POST or None, organisations=organisations)
    status = 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            data = form.cleaned_data
            paragraph = item.paragraphs.filter(number=data["paragraph"]).first() if data.get("paragraph") else None
            parent = Contribution.objects.filter(pk=data["parent"]).first() if data.get("parent") else None
            try:
                contribution, created = services.contribute(
                    user,
                    item,
                    text=data["text"],
                    language=data["text_language"],
                    organisation=data.get("organisation"),
                    paragraph=paragraph,
                    parent=parent,
                    token=data.get("token", ""),
                )
            except PermissionDenied:
                raise
            except PostingTooFast as exc:
                form.add_error(None, exc)
                status = 429
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                if not created:
                    messages.info(request, _("This contribution was posted already; it is shown once."))
                elif contribution.held_for_review:
                    messages.success(request, _("Thank you. Your first contributions here wait for a moderator."))
                else:
                    messages.success(request, _("Thank you for your contribution."))
                return redirect(contribution.get_absolute_url())
        else:
            status = 400
    general, per_paragraph = _contributions(item, user)
    paragraphs = list(item.paragraphs.all())
    for p in paragraphs:
        p.comments = per_paragraph.get(p.pk, [])
        p.count = sum(1 + len(c.reply_list) for c in p.comments if not c.hidden_at)
    context = {
        "consultation": item,
        "paragraphs": paragraphs,
        "general": general,
        "documents": list(item.documents.all()),
        "form": form,
        "endorse_form": EndorseForm(organisations=organisations) if organisations else None,
        "can_contribute": item.accepts_contributions and user.has_perm("dialogue.contribute", item),
        "can_manage": user.has_perm("dialogue.manage_consultation", item),
        "can_moderate": user.has_perm("core.moderate"),
        "nav": "consultations",
    }
    return render(request, "dialogue/consultation.html", context, status=status)


@login_required
def new_consultation(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("dialogue.open_consultations"):
        raise PermissionDenied
    editor = request.user.has_perm("forums.manage_outcome")
    choices = (
        Organisation.objects.listed()
        if editor
        else Organisation.objects.filter(pk__in=[o.pk for o in services.represented(request.user)])
    )
    from kurultai.workinggroups.models import WorkingGroup

    groups = WorkingGroup.objects.all() if editor else WorkingGroup.objects.filter(conveners=request.user)
    form = ConsultationForm(request.POST or None, organisations=choices, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.create_consultation(
                request.user,
                title=data["title"],
                question=data["question"],
                kind=data["kind"],
                document_text=data["document_text"],
                deadline=data.get("deadline"),
                time_zone=data["time_zone"],
                languages=",".join(data["languages"]),
                organiser=data.get("organiser"),
                working_group=data.get("working_group"),
                hold_first=data["hold_first"],
                phase=Consultation.Phase.OPEN if data["open_now"] else Consultation.Phase.ANNOUNCED,
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The consultation is published."))
            return redirect(item)
    return render(
        request, "dialogue/form.html", {"form": form, "title": _("Open a consultation"), "nav": "consultations"}
    )


def _managed(request: HttpRequest, slug: str) -> Consultation:
    item = get_object_or_404(Consultation, slug=slug)
    if not request.user.has_perm("dialogue.manage_consultation", item):
        raise PermissionDenied
    return item


@login_required
@require_POST
def change_phase(request: HttpRequest, slug: str) -> HttpResponse:
    item = _managed(request, slug)
    try:
        services.set_phase(request.user, item, request.POST.get("phase", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The phase is changed."))
    return redirect(item)


@login_required
def publish_report(request: HttpRequest, slug: str) -> HttpResponse:
    item = _managed(request, slug)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_report(
                request.user,
                item,
                report=form.cleaned_data["report"],
                language=form.cleaned_data["text_language"],
                file=form.cleaned_data.get("file"),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The report is published."))
            return redirect(item)
    return render(
        request,
        "dialogue/form.html",
        {"form": form, "title": _("Publish the report"), "multipart": True, "back": item, "nav": "consultations"},
    )


@login_required
def add_document(request: HttpRequest, slug: str) -> HttpResponse:
    item = _managed(request, slug)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_document(request.user, item, form.cleaned_data["file"], form.cleaned_data["title"])
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("The document is attached."))
            return redirect(item)
    return render(
        request,
        "dialogue/form.html",
        {"form": form, "title": _("Attach a document"), "multipart": True, "back": item, "nav": "consultations"},
    )


def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_object_or_404(ConsultationDocument, pk=pk)
    try:
        handle = doc.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(handle, content_type=doc.content_type or "application/octet-stream", as_attachment=True)


def report_file(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Consultation, slug=slug)
    if not item.report_file:
        raise Http404
    try:
        handle = item.report_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=True)


@login_required
@require_POST
def endorse(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = get_object_or_404(Contribution.objects.select_related("consultation"), pk=pk)
    form = EndorseForm(request.POST, organisations=services.represented(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose an organisation you represent."))
    else:
        try:
            _endorsement, created = services.endorse(request.user, contribution, form.cleaned_data["organisation"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Endorsed.") if created else _("Your organisation endorsed this already."))
    return redirect(contribution.get_absolute_url())


# Positions -------------------------------------------------------------------------------------------------------


def positions(request: HttpRequest) -> HttpResponse:
    queryset = (
        services.visible_positions()
        .select_related("organisation", "current")
        .annotate(signers=Count("signatures__organisation", distinct=True))
        .order_by("-created_at", "-pk")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    mine = []
    if request.user.is_authenticated:
        orgs = services.represented(request.user)
        mine = list(
            Position.objects.filter(organisation__in=orgs, status=Position.Status.DRAFT).select_related("current")
        )
    return render(
        request,
        "dialogue/positions.html",
        {
            "page": page,
            "drafts": mine,
            "can_draft": request.user.has_perm("dialogue.draft_position"),
            "nav": "positions",
        },
    )


def _position(request: HttpRequest, slug: str) -> Position:
    item = get_object_or_404(
        Position.objects.select_related("organisation", "current").prefetch_related("addressees"), slug=slug
    )
    user = request.user
    if item.status == Position.Status.DRAFT and not user.has_perm("dialogue.edit_position", item):
        raise Http404
    return item


def position(request: HttpRequest, slug: str) -> HttpResponse:
    """A position: current text, who signed which version, earlier versions, and its follow-up once submitted."""
    item = _position(request, slug)
    user = request.user
    hidden = item.is_hidden and not user.has_perm("core.moderate")
    versions = list(item.versions.order_by("-number"))
    organisations = [o for o in services.represented(user) if o.pk != item.organisation_id]
    signed_now = set(item.signatures.filter(version=item.current).values_list("organisation_id", flat=True))
    can_sign = [o for o in organisations if o.pk not in signed_now]
    context = {
        "position": item,
        "hidden": hidden,
        "versions": versions,
        "signatories": services.signatories(item),
        "sign_form": SignForm(organisations=can_sign)
        if can_sign and item.status == Position.Status.SIGNING and not item.is_hidden
        else None,
        "can_edit": user.has_perm("dialogue.edit_position", item) and item.status != Position.Status.SUBMITTED,
        "can_moderate": user.has_perm("core.moderate"),
        "nav": "positions",
    }
    if item.status == Position.Status.SUBMITTED and not hidden:
        from kurultai.followup.views import panel_context

        context["followup"] = panel_context(request, item)
    return render(request, "dialogue/position.html", context)


def position_diff(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """What changed from version ``number - 1`` to ``number``, line by line."""
    item = _position(request, slug)
    if item.is_hidden and not request.user.has_perm("core.moderate"):
        raise Http404
    new = get_object_or_404(item.versions, number=number)
    old = item.versions.filter(number=number - 1).first()
    lines = list(difflib.unified_diff((old.text if old else "").splitlines(), new.text.splitlines(), lineterm="", n=2))[
        2:
    ]
    rows = [{"kind": {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], ""), "text": line} for line in lines]
    return render(
        request, "dialogue/diff.html", {"position": item, "new": new, "old": old, "rows": rows, "nav": "positions"}
    )


@login_required
def new_position(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("dialogue.draft_position"):
        raise PermissionDenied
    form = PositionForm(request.POST or None, organisations=services.represented(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.draft_position(
                request.user,
                data["organisation"],
                title=data["title"],
                text=data["text"],
                language=data["text_language"],
                addressees=data["addressees"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft is saved. Open it for co-signature when it is ready."))
            return redirect(item)
    return render(request, "dialogue/form.html", {"form": form, "title": _("Draft a position"), "nav": "positions"})


@login_required
def edit_position(request: HttpRequest, slug: str) -> HttpResponse:
    item = _position(request, slug)
    if item.status == Position.Status.SUBMITTED or not request.user.has_perm("dialogue.edit_position", item):
        raise PermissionDenied
    initial = {"title": item.current.title, "text": item.current.text, "text_language": item.current.language}
    form = PositionForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.edit_position(
                request.user,
                item,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                language=form.cleaned_data["text_language"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if version.number > 1 and version.signatures.count() == 0 and item.signatures.exists():
                messages.success(request, _("Saved as a new version; signatories are asked to confirm it."))
            else:
                messages.success(request, _("Saved."))
            return redirect(item)
    return render(
        request,
        "dialogue/form.html",
        {
            "form": form,
            "title": _("Edit the position"),
            "note": _("Once an organisation has signed, every change becomes a new version that signatories confirm."),
            "back": item,
            "nav": "positions",
        },
    )


@login_required
@require_POST
def position_action(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    """POST: open for co-signature, co-sign (``organisation``), or submit."""
    item = _position(request, slug)
    try:
        if action == "open":
            services.open_for_signature(request.user, item)
            messages.success(request, _("Organisations can co-sign now."))
        elif action == "submit":
            services.submit(request.user, item)
            messages.success(request, _("Submitted to the addressees; its follow-up starts now."))
        elif action == "sign":
            form = SignForm(request.POST, organisations=services.represented(request.user))
            if not form.is_valid():
                raise ValidationError(_("Only representatives co-sign, for their own organisation."))
            _signature, created = services.sign(request.user, item, form.cleaned_data["organisation"])
            if created:
                messages.success(request, _("Signed for your organisation."))
            else:
                messages.info(request, _("Your organisation has signed this version already."))
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(item)


def position_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    item = _position(request, slug)
    if item.is_hidden and not request.user.has_perm("core.moderate"):
        raise Http404
    rows = services.signatories(item)
    if fmt == "docx":
        return exports.docx_response(item, rows)
    if fmt == "pdf":
        return exports.pdf_response(item, rows)
    raise Http404
