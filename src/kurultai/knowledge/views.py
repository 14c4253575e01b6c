"""Knowledge hub pages: the home, good practices (list, page, earlier versions, print view, DOCX), writing and
reviewing them, the offline template, demonstration sites and visit requests, hub roles."""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kurultai.core.models import Theme
from kurultai.core.search import matching_ids
from kurultai.knowledge import documents, hub, services
from kurultai.knowledge.forms import (
    MessageForm,
    PhotoForm,
    PracticeFilterForm,
    PracticeForm,
    ReviewForm,
    RoleForm,
    SiteDecisionForm,
    SiteForm,
    SiteProposalForm,
    UploadForm,
    VisitForm,
)
from kurultai.knowledge.models import DemoSite, HubRole, Photo, Practice, PracticeVersion

PAGE_SIZE = 20
NAV = "knowledge"


def _errors_as_messages(request: HttpRequest, groups: Iterable[Iterable[str]]) -> None:
    """Buttons posted from another page report their errors there, as messages."""
    for group in groups:
        for message in group:
            messages.error(request, message)


def _errors(form: Any, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


def _version_queryset() -> Any:
    return PracticeVersion.objects.select_related(
        "country", "practice", "practice__contact_organisation"
    ).prefetch_related("themes", "sdgs", "organisations", "building_blocks", "photos")


def _links(practice: Practice) -> dict[str, list[Practice]]:
    published = Practice.objects.published().select_related("current")
    return {
        "inspired_by": list(published.filter(replicated_in=practice)),
        "replicated_in": list(published.filter(inspired_by=practice)),
    }


# --- Home --------------------------------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    """Thematic areas with counts, the latest published practices and sites, and the hub's other sections."""
    practice_counts = Counter(
        dict(
            PracticeVersion.themes.through.objects.filter(practiceversion__status=PracticeVersion.Status.PUBLISHED)
            .values_list("theme_id")
            .annotate(n=Count("id"))
            .values_list("theme_id", "n")
        )
    )
    site_counts = Counter(
        dict(
            DemoSite.themes.through.objects.filter(demosite__status=DemoSite.Status.PUBLISHED)
            .values_list("theme_id")
            .annotate(n=Count("id"))
            .values_list("theme_id", "n")
        )
    )
    themes = [
        (theme, practice_counts.get(theme.pk, 0), site_counts.get(theme.pk, 0))
        for theme in Theme.objects.filter(kind=Theme.Kind.ENVIRONMENT)
    ]
    sections = []
    for section in hub.sections():
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue
        sections.append(
            {
                "title": section.title,
                "description": section.description,
                "url": url,
                "count": section.count() if section.count else None,
            }
        )
    latest = Practice.objects.published().for_listing().order_by("-current__published_at", "-pk")[:6]
    sites = DemoSite.objects.published().select_related("country", "host").order_by("-pk")[:5]
    return render(
        request,
        "knowledge/home.html",
        {
            "themes": themes,
            "latest": latest,
            "sites": sites,
            "sections": sections,
            "practice_total": Practice.objects.published().count(),
            "can_contribute": request.user.has_perm("knowledge.contribute"),
            "can_review": request.user.has_perm("knowledge.review"),
            "nav": NAV,
        },
    )


# --- Practices ---------------------------------------------------------------------------------------------------


def practice_list(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET or None)
    queryset = Practice.objects.published()
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("theme"):
        queryset = queryset.filter(current__themes=data["theme"])
    if data.get("country"):
        queryset = queryset.filter(current__country=data["country"])
    if data.get("q"):
        queryset = queryset.filter(pk__in=matching_ids(data["q"], "practice", limit=500))
    queryset = queryset.for_listing().order_by("-current__published_at", "-pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    follow = {}
    if data.get("theme"):
        follow["theme"] = data["theme"].slug
    if data.get("country"):
        follow["country"] = data["country"].code
    return render(
        request,
        "knowledge/practice_list.html",
        {"form": form, "page": page, "theme": data.get("theme"), "follow": follow, "nav": NAV},
    )


def _practice(request: HttpRequest, pk: int) -> Practice:
    practice = get_object_or_404(Practice.objects.select_related("contact_organisation"), pk=pk)
    if not request.user.has_perm("knowledge.view_practice", practice):
        raise Http404
    return practice


def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The published version; while a new version is written, this one stays visible."""
    practice = _practice(request, pk)
    if practice.current_id is None:
        return redirect("knowledge:practice_draft", pk=practice.pk)
    version = _version_queryset().get(pk=practice.current_id)
    return render(request, "knowledge/practice.html", _version_context(request, practice, version))


def _version_context(request: HttpRequest, practice: Practice, version: PracticeVersion) -> dict[str, Any]:
    earlier = list(
        practice.versions.filter(status__in=PracticeVersion.PUBLIC).order_by("-number").values("number", "published_at")
    )
    can_see_working = request.user.has_perm("knowledge.view_working", practice)
    return {
        "practice": practice,
        "version": version,
        "earlier": earlier,
        "sites": list(DemoSite.objects.published().filter(practice=practice).select_related("country")),
        "can_see_working": can_see_working,
        "working": practice.working if can_see_working else None,
        **_links(practice),
        "nav": NAV,
    }


def practice_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """An earlier (or the current) published version, kept as it was published."""
    practice = _practice(request, pk)
    version = get_object_or_404(
        _version_queryset(), practice=practice, number=number, status__in=PracticeVersion.PUBLIC
    )
    return render(request, "knowledge/practice.html", _version_context(request, practice, version))


def _printable(request: HttpRequest, pk: int) -> tuple[Practice, PracticeVersion]:
    practice = _practice(request, pk)
    if practice.current_id:
        return practice, _version_queryset().get(pk=practice.current_id)
    working = practice.working
    if working is None or not request.user.has_perm("knowledge.view_working", practice):
        raise Http404
    return practice, _version_queryset().get(pk=working.pk)


def practice_print(request: HttpRequest, pk: int) -> HttpResponse:
    practice, version = _printable(request, pk)
    return render(
        request, "knowledge/practice_print.html", {"practice": practice, "version": version, **_links(practice)}
    )


def practice_docx(request: HttpRequest, pk: int) -> HttpResponse:
    practice, version = _printable(request, pk)
    response = HttpResponse(documents.version_docx(version), content_type=documents.DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="good-practice-{practice.pk}-v{version.number}.docx"'
    return response


@login_required
def practice_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("knowledge.contribute"):
        raise PermissionDenied
    form = PracticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.create_practice(
                request.user,
                form.service_values(),
                language=form.cleaned_data["language"],
                new_blocks=form.new_blocks(),
                contact_organisation=form.cleaned_data.get("organisation"),
                inspired_by=form.cleaned_data.get("inspired_by") or [],
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Draft saved. Only you and the hub's reviewers can see it."))
            return redirect("knowledge:practice_draft", pk=practice.pk)
    return render(request, "knowledge/practice_form.html", {"form": form, "nav": NAV})


@login_required
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the working version; for a published practice without one, a POST starts a new version from it."""
    practice = get_object_or_404(Practice, pk=pk)
    if not request.user.has_perm("knowledge.view_working", practice):
        raise PermissionDenied
    working = practice.working
    if working is None:
        if practice.current_id is None:
            raise Http404
        working = practice.current
        if not request.user.has_perm("knowledge.edit_practice", PracticeVersion(practice=practice, status="draft")):
            raise PermissionDenied
        form = PracticeForm(request.POST or None, version=working)
        starting = True
    else:
        if not request.user.has_perm("knowledge.edit_practice", working):
            raise PermissionDenied
        form = PracticeForm(request.POST or None, version=working)
        starting = False
    if request.method == "POST" and form.is_valid():
        try:
            if starting:
                working = services.start_new_version(practice, request.user)
            services.update_version(
                working,
                request.user,
                form.service_values(),
                language=form.cleaned_data["language"],
                new_blocks=form.new_blocks(),
                inspired_by=form.cleaned_data.get("inspired_by") or [],
                contact_organisation=form.cleaned_data.get("organisation") or practice.contact_organisation,
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("knowledge:practice_draft", pk=practice.pk)
    return render(
        request,
        "knowledge/practice_form.html",
        {"form": form, "practice": practice, "version": working, "starting": starting, "nav": NAV},
    )


@login_required
def practice_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The version being written or reviewed, with the review comments and the next steps of the workflow."""
    practice = get_object_or_404(Practice, pk=pk)
    if not request.user.has_perm("knowledge.view_working", practice):
        raise PermissionDenied
    working = practice.working
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = _workflow_step(request, practice, working, form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, done)
            target = "knowledge:practice" if practice.working is None else "knowledge:practice_draft"
            return redirect(target, pk=practice.pk)
    if working is None:
        if practice.current_id:
            return redirect("knowledge:practice", pk=practice.pk)
        raise Http404
    version = _version_queryset().get(pk=working.pk)
    user = request.user
    contributor = practice.created_by_id == user.pk
    reviewer = user.has_perm("knowledge.review")
    publisher = user.has_perm("knowledge.publish")
    steps = []
    if contributor and version.status in PracticeVersion.EDITABLE:
        steps.append(("submit", _("Submit for review")))
    if reviewer and version.status == "submitted":
        steps.append(("pass", _("Pass to a publisher")))
    if reviewer and version.status in ("submitted", "reviewed"):
        steps.append(("return", _("Return to the contributor")))
    if publisher and version.status in ("submitted", "reviewed"):
        steps.append(("publish", _("Publish")))
    steps.append(("comment", _("Comment")))
    return render(
        request,
        "knowledge/practice_draft.html",
        {
            "practice": practice,
            "version": version,
            "comments": version.comments.select_related("author"),
            "form": form,
            "steps": steps,
            "can_edit": user.has_perm("knowledge.edit_practice", version),
            "photo_form": PhotoForm() if user.has_perm("knowledge.edit_practice", version) else None,
            **_links(practice),
            "nav": NAV,
        },
    )


def _workflow_step(request: HttpRequest, practice: Practice, working: PracticeVersion | None, data: dict) -> str:
    user, action, comment = request.user, data["action"], data.get("comment", "")
    if action == "new_version":
        if not request.user.has_perm("knowledge.edit_practice", PracticeVersion(practice=practice, status="draft")):
            raise PermissionDenied
        services.start_new_version(practice, user)
        return _("A new version is started; the published one stays visible until this one is published.")
    if working is None:
        raise ValidationError(_("Nothing is being written or reviewed now."))
    if action == "submit":
        if practice.created_by_id != user.pk:
            raise PermissionDenied
        services.submit(working, user, comment)
        return _("Submitted. A reviewer will read it.")
    if action == "comment":
        services.add_comment(working, user, comment)
        return _("Comment added.")
    if action in ("return", "pass"):
        if not user.has_perm("knowledge.review"):
            raise PermissionDenied
        if action == "return":
            services.return_to_contributor(working, user, comment)
            return _("Returned to the contributor with your comment.")
        services.pass_to_publisher(working, user, comment)
        return _("Passed to the publishers.")
    if action == "publish":
        if not user.has_perm("knowledge.publish"):
            raise PermissionDenied
        services.publish(working, user, comment)
        return _("Published.")
    raise ValidationError(_("Unknown step."))


@login_required
@require_http_methods(["POST"])
def practice_photo(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(Practice, pk=pk)
    working = practice.working
    if working is None or not request.user.has_perm("knowledge.edit_practice", working):
        raise PermissionDenied
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_photo(working, form.cleaned_data["image"], form.cleaned_data["alt"], request.user)
        except ValidationError as exc:
            _errors_as_messages(request, [exc.messages])
        else:
            messages.success(request, _("Photo added."))
    else:
        _errors_as_messages(request, form.errors.values())
    return redirect("knowledge:practice_draft", pk=practice.pk)


@login_required
def practice_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """Write to the people behind a published practice; they answer by their own means, their address stays hidden."""
    practice = get_object_or_404(Practice.objects.published().select_related("current"), pk=pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_practice(practice, request.user, form.cleaned_data["text"])
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Your message was delivered. The people behind the practice will answer you."))
            return redirect(practice)
    return render(request, "knowledge/message_form.html", {"form": form, "practice": practice, "nav": NAV})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    practices = (
        Practice.objects.filter(created_by=request.user)
        .select_related("current")
        .prefetch_related("versions")
        .order_by("-pk")[:200]
    )
    rows = []
    for practice in practices:
        versions = sorted(practice.versions.all(), key=lambda v: -v.number)
        working = next((v for v in versions if v.status in PracticeVersion.OPEN), None)
        rows.append({"practice": practice, "working": working, "latest": versions[0] if versions else None})
    return render(request, "knowledge/mine.html", {"rows": rows, "nav": NAV})


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("knowledge.review"):
        raise PermissionDenied
    waiting = (
        PracticeVersion.objects.filter(status__in=("submitted", "reviewed"))
        .select_related("practice", "country")
        .order_by("submitted_at", "pk")[:200]
    )
    return render(request, "knowledge/review.html", {"waiting": waiting, "nav": NAV})


def template_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(documents.template_docx(), content_type=documents.DOCX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="good-practice-template.docx"'
    return response


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("knowledge.contribute"):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.import_practice(
                request.user, form.cleaned_data["document"], language=form.cleaned_data["language"]
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Your template was read into a draft. Check it, add photos and submit it."))
            return redirect("knowledge:practice_draft", pk=practice.pk)
    return render(request, "knowledge/upload.html", {"form": form, "nav": NAV})


def block_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A building block and the published practices that use it."""
    from kurultai.knowledge.models import BuildingBlock

    block = get_object_or_404(BuildingBlock, pk=pk)
    practices = list(
        Practice.objects.published()
        .filter(current__building_blocks=block)
        .select_related("current", "current__country")
        .order_by("-pk")[:100]
    )
    if not practices and not request.user.has_perm("knowledge.review"):
        mine = request.user.is_authenticated and block.versions.filter(practice__created_by=request.user).exists()
        if not mine:
            raise Http404
    return render(request, "knowledge/block.html", {"block": block, "practices": practices, "nav": NAV})


# --- Photos ------------------------------------------------------------------------------------------------------


def photo(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Photo.objects.select_related("version", "version__practice", "site"), pk=pk)
    if item.version_id:
        public = item.version.status in PracticeVersion.PUBLIC
        visible = public or request.user.has_perm("knowledge.view_working", item.version.practice)
    else:
        public = item.site.status == DemoSite.Status.PUBLISHED
        visible = public or request.user.has_perm("knowledge.view_site", item.site)
    if not visible or not item.image:
        raise Http404
    try:
        handle = item.image.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=item.content_type)
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Demonstration sites -----------------------------------------------------------------------------------------


def site_list(request: HttpRequest) -> HttpResponse:
    """Published sites as a text list grouped by country and region (no map tiles)."""
    sites = (
        DemoSite.objects.published()
        .select_related("country", "host", "practice__current")
        .prefetch_related("themes")
        .order_by("country__code", "region", "pk")
    )
    groups: OrderedDict[Any, OrderedDict[str, list[DemoSite]]] = OrderedDict()
    for site in sites:
        groups.setdefault(site.country, OrderedDict()).setdefault(site.region, []).append(site)
    return render(
        request,
        "knowledge/site_list.html",
        {
            "groups": [(country, list(regions.items())) for country, regions in groups.items()],
            "can_manage": request.user.has_perm("knowledge.manage_sites"),
            "can_propose": request.user.has_perm("knowledge.propose_site"),
            "nav": NAV,
        },
    )


def _site(request: HttpRequest, pk: int) -> DemoSite:
    site = get_object_or_404(
        DemoSite.objects.select_related("country", "host", "practice__current").prefetch_related("themes", "photos"),
        pk=pk,
    )
    if not request.user.has_perm("knowledge.view_site", site):
        raise Http404
    return site


def site_detail(request: HttpRequest, pk: int) -> HttpResponse:
    site = _site(request, pk)
    can_manage = request.user.has_perm("knowledge.manage_sites")
    return render(
        request,
        "knowledge/site.html",
        {
            "site": site,
            "can_manage": can_manage,
            "photo_form": PhotoForm() if can_manage else None,
            "decision_form": SiteDecisionForm() if can_manage and site.status == DemoSite.Status.PROPOSED else None,
            "nav": NAV,
        },
    )


@login_required
def site_propose(request: HttpRequest) -> HttpResponse:
    """A representative proposes a demonstration site hosted by one of their organisations."""
    if not request.user.has_perm("knowledge.propose_site"):
        raise PermissionDenied
    form = SiteProposalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        language = data.pop("language")
        try:
            site = services.propose_site(request.user, data, language=language)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Thank you. A publisher will look at your proposal; you will be told."))
            return redirect(site)
    return render(request, "knowledge/site_propose.html", {"form": form, "nav": NAV})


@login_required
@require_http_methods(["POST"])
def site_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """A publisher publishes a proposed site or declines it with a reason."""
    if not request.user.has_perm("knowledge.manage_sites"):
        raise PermissionDenied
    site = get_object_or_404(DemoSite, pk=pk)
    form = SiteDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide_site(
                site,
                request.user,
                publish=form.cleaned_data["decision"] == "publish",
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            _errors_as_messages(request, [exc.messages])
        else:
            messages.success(request, _("Decision saved; the host is told."))
    else:
        _errors_as_messages(request, form.errors.values())
    return redirect(site)


@login_required
def site_proposals(request: HttpRequest) -> HttpResponse:
    """Proposed sites: every one for publishers, one's own (and one's organisations') for representatives."""
    sites = DemoSite.objects.select_related("host", "country").order_by("-created_at", "-pk")
    can_manage = request.user.has_perm("knowledge.manage_sites")
    if can_manage:
        sites = sites.filter(status=DemoSite.Status.PROPOSED)
    else:
        sites = sites.filter(created_by=request.user).exclude(status=DemoSite.Status.DRAFT)
    return render(
        request,
        "knowledge/site_proposals.html",
        {
            "sites": sites[:200],
            "can_manage": can_manage,
            "can_propose": request.user.has_perm("knowledge.propose_site"),
            "nav": NAV,
        },
    )


@login_required
def site_visit(request: HttpRequest, pk: int) -> HttpResponse:
    site = _site(request, pk)
    if site.status != DemoSite.Status.PUBLISHED:
        raise Http404
    form = VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_visit(
                site,
                request.user,
                when=form.cleaned_data["when"],
                group_size=form.cleaned_data["group_size"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Your request was sent to the host organisation. They will answer you."))
            return redirect(site)
    return render(request, "knowledge/visit_form.html", {"form": form, "site": site, "nav": NAV})


@login_required
def site_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not request.user.has_perm("knowledge.manage_sites"):
        raise PermissionDenied
    site = get_object_or_404(DemoSite, pk=pk) if pk is not None else None
    form = SiteForm(request.POST or None, site=site)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        language = data.pop("language")
        try:
            site = services.save_site(site, request.user, data, language=language)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(site)
    return render(request, "knowledge/site_form.html", {"form": form, "site": site, "nav": NAV})


@login_required
@require_http_methods(["POST"])
def site_photo(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("knowledge.manage_sites"):
        raise PermissionDenied
    site = get_object_or_404(DemoSite, pk=pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_photo(site, form.cleaned_data["image"], form.cleaned_data["alt"], request.user)
        except ValidationError as exc:
            _errors_as_messages(request, [exc.messages])
        else:
            messages.success(request, _("Photo added."))
    else:
        _errors_as_messages(request, form.errors.values())
    return redirect(site)


# --- Roles -------------------------------------------------------------------------------------------------------


@login_required
def roles(request: HttpRequest) -> HttpResponse:
    """Editors grant and revoke the reviewers and publishers of each hub."""
    if not request.user.has_perm("knowledge.manage_roles"):
        raise PermissionDenied
    form = RoleForm(request.POST if request.method == "POST" and "revoke" not in request.POST else None)
    if request.method == "POST":
        revoke = request.POST.get("revoke", "")
        if revoke:
            granted = HubRole.objects.filter(pk=int(revoke)).first() if revoke.isdigit() and len(revoke) < 12 else None
            if granted is None:
                messages.error(request, _("This role was already revoked."))
            else:
                services.revoke_role(granted, actor=request.user)
                messages.success(request, _("Role revoked."))
            return redirect("knowledge:roles")
        if form.is_valid():
            try:
                services.grant_role(
                    form.cleaned_data["email"],
                    hub=form.cleaned_data["hub"],
                    role=form.cleaned_data["role"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _errors(form, exc)
            else:
                messages.success(request, _("Role granted."))
                return redirect("knowledge:roles")
    labels = dict(hub.hubs())
    granted = list(HubRole.objects.select_related("user").order_by("hub", "role", "user__email")[:500])
    for row in granted:
        row.hub_label = labels.get(row.hub, row.hub)
    return render(request, "knowledge/roles.html", {"form": form, "granted": granted, "nav": NAV})
