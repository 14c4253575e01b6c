"""Donor-project pages: list, project page, roll-ups, IATI upload, links to recommendations, monitoring notes."""

from __future__ import annotations

import csv
import mimetypes
import uuid
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core.text import absolute_url
from kurultai.forums.models import Recommendation
from kurultai.transparency import importer, selectors, services
from kurultai.transparency.forms import ImportForm, LinkForm, NoteForm, ProjectFilterForm
from kurultai.transparency.iati import FileRefused
from kurultai.transparency.models import (
    Activity,
    MonitoringNote,
    NoteEvidence,
    RecommendationLink,
    Result,
)

PAGE_SIZE = 20
UPLOAD_SESSION_KEY = "transparency.pending_import"


def _list_queryset(values: dict[str, Any]):
    queryset = selectors.filter_activities(Activity.objects.all(), values)
    sort = values.get("sort") or ""
    if "-" in sort:
        kind, currency = sort.split("-", 1)
        return selectors.sort_by_money(queryset, kind, currency)
    return queryset.order_by("-actual_start", "-planned_start", "iati_identifier")


def project_list(request: HttpRequest) -> HttpResponse:
    """Donor projects with filters, search and sorting by money; amounts keep their currency."""
    form = ProjectFilterForm(request.GET or None)
    values = form.values() if request.GET else {}
    page = Paginator(_list_queryset(values).prefetch_related("areas"), PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    ids = [a.pk for a in items]
    money = selectors.money_of(ids)
    implementers = selectors.implementers(ids)
    for activity in items:
        activity.money = money[activity.pk]
        activity.implementers = implementers.get(activity.pk, [])
    return render(
        request,
        "transparency/list.html",
        {"form": form, "page": page, "items": items, "nav": "projects", "filtered": bool(values)},
    )


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What a citizen asks first: who pays, who implements, where, for what, how much, when, with what result."""
    activity = get_object_or_404(
        Activity.objects.prefetch_related(
            "areas",
            "organisations",
            "sectors",
            "documents",
            "sdgs",
            Prefetch("results", queryset=Result.objects.prefetch_related("indicators__periods")),
        ),
        pk=pk,
    )
    user = request.user
    notes = MonitoringNote.objects.filter(activity=activity).select_related("organisation").prefetch_related("evidence")
    if not user.has_perm("core.moderate"):
        notes = notes.visible()
    related = list(activity.related.all())
    nearby = (
        Activity.objects.filter(
            Q(iati_identifier__in=[r.ref for r in related])
            | Q(related__ref=activity.iati_identifier, related__type="1")
        )
        .exclude(pk=activity.pk)
        .distinct()
        .only("pk", "iati_identifier", "title")
    )
    known = {a.iati_identifier: a for a in nearby}
    children = [a for a in nearby if a.iati_identifier not in {r.ref for r in related}]
    for r in related:
        r.local = known.get(r.ref)
    orgs = list(activity.organisations.all())
    money, years = selectors.by_year(activity)
    context = {
        "activity": activity,
        "nav": "projects",
        "money": money,
        "budget": selectors.budget_of(activity),
        "years": years,
        "schedule": selectors.schedule(activity),
        "funders": _distinct(o for o in orgs if o.role in ("1", "3")),
        "implementers": _distinct(o for o in orgs if o.role == "4"),
        "sectors": _sectors(activity),
        "accountable": [o for o in orgs if o.role == "2"],
        "countries": [a for a in activity.areas.all() if a.kind == "country"],
        "regions": [a for a in activity.areas.all() if a.kind == "region"],
        "related": related,
        "children": children,
        "links": list(selectors.confirmed_links(activity)),
        "notes": list(notes),
        "can_note": user.has_perm("transparency.post_note"),
        "can_link": user.has_perm("transparency.manage_links"),
        "can_moderate": user.has_perm("core.moderate"),
        "link_form": LinkForm() if user.has_perm("transparency.manage_links") else None,
        "now": timezone.now(),
    }
    return render(request, "transparency/detail.html", context)


def _distinct(orgs: Any) -> list[Any]:
    """Publishers repeat an organisation once per sub-grant; a reader needs it once."""
    seen, out = set(), []
    for org in orgs:
        key = (str(org), org.role, org.type)
        if key not in seen:
            seen.add(key)
            out.append(org)
    return out


def _sectors(activity: Activity) -> list[tuple[str, list[Any]]]:
    """Sectors grouped by vocabulary, DAC first (other vocabularies repeat the same money in other words)."""
    groups: dict[str, list[Any]] = {}
    for sector in activity.sectors.all():
        groups.setdefault(sector.vocabulary, []).append(sector)
    order = sorted(groups, key=lambda v: (v not in ("1", "2"), v))
    return [(groups[v][0].vocabulary_label, groups[v]) for v in order]


def overview(request: HttpRequest) -> HttpResponse:
    """Roll-ups per country, donor and sector: commitments against disbursements, share run by civil society."""
    return render(
        request,
        "transparency/overview.html",
        {
            "nav": "projects",
            "tables": [
                ("country", _("By country"), selectors.rollup("country")),
                ("donor", _("By donor"), selectors.rollup("donor")),
                ("sector", _("By sector"), selectors.rollup("sector")),
            ],
        },
    )


def projects_csv(request: HttpRequest) -> HttpResponse:
    """Every project matching the list's filters, one row per project and currency (amounts never converted)."""
    form = ProjectFilterForm(request.GET or None)
    queryset = _list_queryset(form.values() if request.GET else {})
    items = list(queryset.prefetch_related("areas", "organisations"))
    money = selectors.money_of([a.pk for a in items])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="projects.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "iati_identifier",
            "title",
            "reporting_org",
            "reporting_org_ref",
            "status",
            "countries",
            "implementing_orgs",
            "cso_implemented",
            "start",
            "end",
            "currency",
            "commitments",
            "disbursements",
            "expenditures",
            "url",
        ]
    )
    for activity in items:
        per = money[activity.pk]
        currencies = sorted(set().union(*[set(v) for v in per.values()])) or [""]
        for currency in currencies:
            writer.writerow(
                [
                    activity.iati_identifier,
                    str(activity.title_text),
                    str(activity.reporting_org),
                    activity.reporting_org_ref,
                    activity.status_label,
                    " ".join(a.code for a in activity.areas.all() if a.kind == "country"),
                    "; ".join(str(o) for o in activity.organisations.all() if o.role == "4"),
                    "yes" if activity.cso_implemented else "no",
                    activity.start or "",
                    activity.end or "",
                    currency,
                    *(_cents(per[k].get(currency)) for k in ("commitments", "disbursements", "expenditures")),
                    absolute_url(activity.get_absolute_url()),
                ]
            )
    return response


def _cents(value: Decimal | None) -> str:
    return "" if value is None else str(Decimal(value).quantize(Decimal("0.01")))


# --- Editors: upload and links ---------------------------------------------------------------------------------


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload an IATI file, read the dry-run summary, then confirm; nothing is written before the confirmation."""
    if not request.user.has_perm("transparency.import_iati"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    summary, refused = None, None
    pending = request.session.get(UPLOAD_SESSION_KEY)
    if request.method == "POST" and request.POST.get("confirm") and pending:
        try:
            with default_storage.open(pending["path"], "rb") as stream:
                summary = importer.import_file(stream, source=pending["name"], actor=request.user)
        except FileRefused as exc:
            refused = str(exc)
        finally:
            default_storage.delete(pending["path"])
            request.session.pop(UPLOAD_SESSION_KEY, None)
        if summary is not None:
            messages.success(
                request,
                _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged, %(skipped)s skipped.")
                % {**summary, "skipped": len(summary["skipped"])},
            )
            return redirect("transparency:list")
    elif request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        path = default_storage.save(f"iati-uploads/{uuid.uuid4().hex}.xml", upload_file)
        try:
            with default_storage.open(path, "rb") as stream:
                summary = importer.import_file(stream, source=upload_file.name, dry_run=True, actor=request.user)
        except FileRefused as exc:
            refused = str(exc)
            default_storage.delete(path)
        else:
            if pending:
                default_storage.delete(pending["path"])
            request.session[UPLOAD_SESSION_KEY] = {"path": path, "name": upload_file.name[:200]}
    return render(
        request,
        "transparency/upload.html",
        {"form": form, "summary": summary, "refused": refused, "nav": "projects"},
    )


@login_required
def suggestions(request: HttpRequest) -> HttpResponse:
    """Suggested links for editors to confirm or reject; POST looks for new suggestions."""
    if not request.user.has_perm("transparency.manage_links"):
        raise PermissionDenied
    if request.method == "POST":
        created = services.suggest_links(actor=request.user)
        messages.success(request, _("%(count)s new suggestions.") % {"count": len(created)})
        return redirect("transparency:suggestions")
    links = (
        RecommendationLink.objects.filter(status=RecommendationLink.Status.SUGGESTED)
        .select_related("recommendation__forum", "recommendation__session", "activity")
        .order_by(
            "recommendation__forum__start_date", "recommendation__session__number", "recommendation__position", "-score"
        )
    )
    page = Paginator(links, 30).get_page(request.GET.get("page"))
    return render(request, "transparency/suggestions.html", {"page": page, "nav": "projects"})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if not request.user.has_perm("transparency.manage_links"):
        raise PermissionDenied
    if decision not in ("confirm", "reject"):
        raise Http404
    link = get_object_or_404(RecommendationLink, pk=pk)
    services.decide_link(link, confirm=decision == "confirm", actor=request.user)
    messages.success(request, _("Link confirmed.") if decision == "confirm" else _("Link rejected."))
    target = request.POST.get("next") or ""
    return redirect(target if target.startswith("/") and not target.startswith("//") else "transparency:suggestions")


@login_required
@require_POST
def add_link(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("transparency.manage_links"):
        raise PermissionDenied
    activity = get_object_or_404(Activity, pk=pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        services.link_by_hand(activity, form.cleaned_data["recommendation"], actor=request.user)
        messages.success(request, _("The project is linked to the recommendation."))
    else:
        messages.error(request, " ".join(form.errors.get("recommendation", [])))
    return redirect(activity)


# --- Monitoring notes ------------------------------------------------------------------------------------------


@login_required
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    """Representatives post what their organisation observed, with a photo, document or link."""
    activity = get_object_or_404(Activity, pk=pk)
    if not request.user.has_perm("transparency.post_note"):
        raise PermissionDenied
    form = NoteForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_note(activity=activity, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. Your monitoring note is published."))
            return redirect(activity)
    return render(request, "transparency/note_form.html", {"form": form, "activity": activity, "nav": "projects"})


def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file of a monitoring note; files of hidden notes only for moderators."""
    evidence = get_object_or_404(NoteEvidence.objects.exclude(file="").select_related("note"), pk=pk)
    if evidence.note.is_hidden and not request.user.has_perm("core.moderate"):
        raise Http404
    if not default_storage.exists(evidence.file.name):
        raise Http404
    content_type = evidence.content_type or mimetypes.guess_type(evidence.file.name)[0] or "application/octet-stream"
    response = FileResponse(
        default_storage.open(evidence.file.name, "rb"),
        content_type=content_type,
        as_attachment=content_type not in ("application/pdf", "image/png", "image/jpeg"),
        filename=evidence.file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- On recommendation pages -----------------------------------------------------------------------------------


def confirmed_links_exist() -> Exists:
    """Whether a recommendation (the outer query's) has confirmed donor projects to show on its page."""
    return Exists(
        RecommendationLink.objects.filter(recommendation=OuterRef("pk"), status=RecommendationLink.Status.CONFIRMED)
    )


def recommendation_panel(request: HttpRequest, recommendation: Recommendation) -> tuple[str, dict]:
    """The recommendation's linked donor projects and their money (registered with the forums app)."""
    links = []
    if getattr(recommendation, "panel_has_project_links", True):  # known from the page's own query
        links = list(
            RecommendationLink.objects.filter(
                recommendation=recommendation, status=RecommendationLink.Status.CONFIRMED
            )
            .select_related("activity")
            .order_by("activity__iati_identifier")
        )
    money = selectors.money_of([link.activity_id for link in links])
    totals: dict[str, dict[str, Decimal]] = selectors.empty_money()
    for link in links:
        link.money = money[link.activity_id]
        for kind, per in link.money.items():
            for currency, value in per.items():
                totals[kind][currency] = totals[kind].get(currency, Decimal(0)) + value
    return "transparency/panel.html", {
        "project_links": links,
        "project_totals": totals,
        "can_link": request.user.has_perm("transparency.manage_links"),
        "suggestions_url": reverse("transparency:suggestions"),
    }
