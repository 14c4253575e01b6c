"""Working group pages: list, group, membership, meetings and calendar, documents, discussion, plans and report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core.calendars import calendar_response
from kurultai.followup.views import panel_context
from kurultai.workinggroups import forms, selectors, services
from kurultai.workinggroups.calendars import meeting_events
from kurultai.workinggroups.models import (
    Action,
    ActionPlan,
    Document,
    GroupMembership,
    Indicator,
    Meeting,
    Post,
    WorkingGroup,
)


def _group(slug: str) -> WorkingGroup:
    return get_object_or_404(WorkingGroup.objects.select_related("forum"), slug=slug)


def _manage(request: HttpRequest, group: WorkingGroup) -> None:
    if not request.user.has_perm("workinggroups.manage_group", group):
        raise PermissionDenied


def index(request: HttpRequest) -> HttpResponse:
    groups = WorkingGroup.objects.select_related("forum").prefetch_related("themes").order_by("forum", "slug")
    return render(request, "workinggroups/index.html", {"groups": groups, "nav": "groups"})


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group(slug)
    user = request.user
    can_manage = user.has_perm("workinggroups.manage_group", group)
    context = {
        "group": group,
        "conveners": list(group.conveners.all()),
        "members": selectors.members(group),
        "meetings": list(group.meetings.all()[:20]),
        "documents": list(group.documents.all()[:50]),
        "plans": list(group.plans.prefetch_related("versions")),
        "can_manage": can_manage,
        "can_name_conveners": user.has_perm("workinggroups.name_conveners", group),
        "requests": list(
            group.memberships.filter(status=GroupMembership.Status.REQUESTED).select_related("organisation")
        )
        if can_manage
        else [],
        "join_form": forms.JoinForm(user) if user.has_perm("workinggroups.request_membership", group) else None,
        "nav": "groups",
    }
    return render(request, "workinggroups/detail.html", context)


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group(slug)
    form = forms.JoinForm(request.user, request.POST)
    if not request.user.has_perm("workinggroups.request_membership", group):
        raise PermissionDenied
    if form.is_valid():
        try:
            services.request_membership(request.user, group, form.cleaned_data["organisation"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your request was sent to the conveners."))
    else:
        messages.error(request, _("Choose an organisation you represent."))
    return redirect(group)


@login_required
def conveners(request: HttpRequest, slug: str) -> HttpResponse:
    """Editors name a group's conveners (by the email address of their account) and remove them."""
    group = _group(slug)
    if not request.user.has_perm("workinggroups.name_conveners", group):
        raise PermissionDenied
    form = forms.ConvenerForm(request.POST if "email" in request.POST else None)
    if request.method == "POST" and "remove" in request.POST:
        value = request.POST["remove"]
        pk = int(value) if value.isdigit() and len(value) < 10 else 0
        person = group.conveners.filter(pk=pk).first()
        if person is None:
            messages.error(request, _("This person does not convene the group."))
        else:
            services.remove_convener(request.user, group, person)
            messages.success(request, _("%(name)s no longer convenes the group.") % {"name": person.display_name})
        return redirect("workinggroups:conveners", slug=group.slug)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["email"]
        try:
            services.name_convener(request.user, group, person)
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(request, _("%(name)s now convenes the group.") % {"name": person.display_name})
            return redirect("workinggroups:conveners", slug=group.slug)
    context = {"group": group, "form": form, "conveners": list(group.conveners.order_by("display_name", "pk"))}
    return render(request, "workinggroups/conveners.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    membership = get_object_or_404(GroupMembership, group=group, pk=pk)
    if request.POST.get("decision") not in ("approve", "decline"):
        messages.error(request, _("Choose to approve or decline."))
        return redirect(group)
    services.decide_membership(request.user, membership, request.POST["decision"] == "approve")
    messages.success(request, _("The request is decided."))
    return redirect(group)


def meeting(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _group(slug)
    item = get_object_or_404(Meeting, group=group, pk=pk)
    return render(
        request,
        "workinggroups/meeting.html",
        {"group": group, "meeting": item, "can_manage": request.user.has_perm("workinggroups.manage_group", group)},
    )


@login_required
def meeting_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    item = get_object_or_404(Meeting, group=group, pk=pk) if pk else None
    initial = forms.MeetingForm.initial_for(item) if item else None
    form = forms.MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_meeting(request.user, group, item, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect(saved)
    title = _("Edit the meeting") if item else _("New meeting")
    return render(request, "workinggroups/form.html", {"group": group, "form": form, "title": title})


def group_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group(slug)
    events = meeting_events(group.meetings.select_related("group")[:500])
    return calendar_response(events, str(group), f"{group.slug}.ics")


@login_required
def document_form(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_document(
                request.user, group, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The document is shared."))
            return redirect(group)
    return render(
        request,
        "workinggroups/form.html",
        {"group": group, "form": form, "title": _("Share a document"), "files": True},
    )


def document(request: HttpRequest, token: Any) -> FileResponse:
    item = get_object_or_404(Document, token=token)
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=item.content_type, as_attachment=True, filename=item.title)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def discussion(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group(slug)
    user = request.user
    can_post = user.has_perm("workinggroups.post", group)
    form = forms.PostForm(user, request.POST or None) if can_post else None
    if request.method == "POST":
        if not can_post:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            parent = None
            if data.get("parent"):
                parent = Post.objects.visible().filter(group=group, pk=data["parent"]).first()
                if parent is None:
                    form.add_error(None, _("The message you reply to no longer exists."))
            if not form.errors:
                try:
                    post = services.post_message(
                        user, group, text=data["text"], organisation=data.get("organisation"), parent=parent
                    )
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    messages.success(request, _("Your message is posted."))
                    return redirect(post.get_absolute_url())
    posts = list(
        Post.objects.visible()
        .filter(group=group, parent__isnull=True)
        .select_related("author", "organisation")
        .order_by("-created_at")[:100]
    )
    replies: dict[int, list[Post]] = {}
    for reply in (
        Post.objects.visible().filter(parent__in=posts).select_related("author", "organisation").order_by("created_at")
    ):
        replies.setdefault(reply.parent_id, []).append(reply)
    for post in posts:
        post.visible_replies = replies.get(post.pk, [])
    return render(
        request,
        "workinggroups/discussion.html",
        {"group": group, "posts": posts, "form": form, "nav": "groups"},
    )


def plan(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _group(slug)
    item = get_object_or_404(ActionPlan, group=group, pk=pk)
    can_manage = request.user.has_perm("workinggroups.manage_group", group)
    adopted = selectors.adopted_view(item)
    if adopted is None and not can_manage:
        raise Http404
    context = {
        "group": group,
        "plan": item,
        "adopted": adopted,
        "versions": list(item.versions.all()),
        "can_manage": can_manage,
        "draft": list(selectors.draft_actions(item)) if can_manage else [],
        "nav": "groups",
    }
    return render(request, "workinggroups/plan.html", context)


def report(request: HttpRequest, slug: str, pk: int, fmt: str | None = None) -> HttpResponse:
    group = _group(slug)
    item = get_object_or_404(ActionPlan, group=group, pk=pk)
    adopted = selectors.adopted_view(item)
    if adopted is None:
        raise Http404
    if fmt == "docx":
        from kurultai.workinggroups.report import report_docx

        response = HttpResponse(
            report_docx(group, item, adopted),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{group.slug}-plan-{item.pk}.docx"'
        return response
    return render(request, "workinggroups/report.html", {"group": group, "plan": item, "adopted": adopted})


@login_required
def plan_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    item = get_object_or_404(ActionPlan, group=group, pk=pk) if pk else None
    initial = {"title": str(item.title), "summary": str(item.summary)} if item else None
    form = forms.PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_plan(request.user, group, item, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(saved)
    return render(request, "workinggroups/form.html", {"group": group, "form": form, "title": _("Action plan")})


@login_required
def action_form(request: HttpRequest, slug: str, plan_pk: int, pk: int | None = None) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    item = get_object_or_404(ActionPlan, group=group, pk=plan_pk)
    action = get_object_or_404(Action, plan=item, pk=pk) if pk else None
    initial = None
    if action:
        initial = {
            "title": str(action.title),
            "description": str(action.description),
            "recommendations": ", ".join(
                r.reference for r in action.recommendations.select_related("forum", "session")
            ),
            "owners": list(action.owners.all()),
            "countries": list(action.countries.all()),
            "starts_on": action.starts_on,
            "due_on": action.due_on,
            "budget_amount": action.budget_amount,
            "budget_currency": action.budget_currency,
        }
    form = forms.ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_action(request.user, item, action, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The action is saved in the draft."))
            return redirect(item)
    return render(request, "workinggroups/form.html", {"group": group, "form": form, "title": _("Action")})


@login_required
def indicator_form(request: HttpRequest, slug: str, action_pk: int) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    action = get_object_or_404(Action.objects.select_related("plan"), plan__group=group, pk=action_pk)
    form = forms.IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_indicator(request.user, action, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(action.plan)
    return render(request, "workinggroups/form.html", {"group": group, "form": form, "title": _("Indicator")})


@login_required
@require_POST
def adopt(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _group(slug)
    _manage(request, group)
    item = get_object_or_404(ActionPlan, group=group, pk=pk)
    try:
        version = services.adopt_plan(request.user, item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Version %(number)s is adopted.") % {"number": version.number})
    return redirect(item)


def action(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _group(slug)
    item = get_object_or_404(
        Action.objects.public()
        .select_related("plan__group", "adopted_in")
        .prefetch_related("indicators", "owners", "countries", "recommendations__forum", "recommendations__session"),
        plan__group=group,
        pk=pk,
    )
    can_measure = request.user.has_perm("workinggroups.record_indicator", item)
    return render(
        request,
        "workinggroups/action.html",
        {
            "group": group,
            "action": item,
            "followup": panel_context(request, item),
            "measure_form": forms.MeasureForm() if can_measure else None,
            "nav": "groups",
        },
    )


@login_required
@require_POST
def measure(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    indicator = get_object_or_404(
        Indicator.objects.select_related("action__plan__group"), action__plan__group__slug=slug, pk=pk
    )
    if not request.user.has_perm("workinggroups.record_indicator", indicator.action):
        raise PermissionDenied
    form = forms.MeasureForm(request.POST)
    if form.is_valid():
        try:
            services.record_indicator(request.user, indicator, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The value is recorded."))
    else:
        messages.error(request, _("Give a number and the date it was measured."))
    if indicator.action.adopted_in_id:
        return redirect(indicator.action)
    return redirect(indicator.action.plan)


def answering_actions_exist() -> Any:
    """Whether adopted actions answer a recommendation (the outer query's): its page then lists them."""
    from django.db.models import Exists, OuterRef

    return Exists(Action.objects.public().filter(recommendations=OuterRef("pk")))


def answering_actions_panel(request: HttpRequest, recommendation: Any) -> tuple[str, dict]:
    """On a recommendation's page: the adopted actions that answer it, with the cached status of each (one query)."""
    from django.db.models import OuterRef, Subquery

    from kurultai.followup.models import ImplementationStatus, Trackable

    if not getattr(recommendation, "panel_has_answering_actions", True):  # known from the page's own query
        return "workinggroups/_answering_actions.html", {"answering_actions": []}

    status = Trackable.objects.of_model(Action).filter(object_id=OuterRef("pk")).values("status")[:1]
    actions = list(
        Action.objects.public()
        .filter(recommendations=recommendation)
        .select_related("plan__group")
        .annotate(followup_status=Subquery(status))
        .order_by("plan__group__slug", "position")
    )
    for action in actions:
        action.followup_status = action.followup_status or ImplementationStatus.NO_INFORMATION
        action.followup_status_label = ImplementationStatus(action.followup_status).label
    return "workinggroups/_answering_actions.html", {"answering_actions": actions}


def open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every adopted plan with its actions, follow-up state and indicators: JSON or CSV, under CC BY 4.0."""
    import json

    from kurultai.api.common import add_license_link, license_meta
    from kurultai.workinggroups import opendata

    plans = [opendata.plan_dict(plan) for plan in opendata.adopted_plans()[:200]]
    if fmt == "json":
        response = HttpResponse(
            json.dumps({**license_meta(), "action_plans": plans}, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(opendata.actions_csv(plans), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kurultai-action-plans.{fmt}"'
    return add_license_link(response)
