"""Opportunity pages: the filtered list, one opportunity, proposing and reviewing, donor feeds, saved items,
deadline calendars."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kurultai.core.calendars import calendar_response
from kurultai.opportunities import importer, services
from kurultai.opportunities.calendars import deadline_event, deadline_events
from kurultai.opportunities.conversations import partner_searches_for
from kurultai.opportunities.forms import FeedForm, FilterForm, OpportunityForm, RejectForm, ReviewForm, zone_choices
from kurultai.opportunities.models import DonorFeed, Opportunity, SavedOpportunity
from kurultai.opportunities.selectors import filter_opportunities, represented_ids

PAGE_SIZE = 20


def reader_zone(request: HttpRequest) -> str:
    """The clock a reader asked for (``?tz=Asia/Dushanbe``), else the site's."""
    asked = request.GET.get("tz", "")
    return asked if asked in services.READER_ZONES else settings.TIME_ZONE


def opportunity_list(request: HttpRequest) -> HttpResponse:
    """Published opportunities still open (or as filtered), closing soon first."""
    form = FilterForm(request.GET or None)
    queryset = Opportunity.objects.published()
    if not request.GET.get("stage"):
        queryset = queryset.filter(expired_at__isnull=True)
    queryset = filter_opportunities(queryset, request.GET).for_listing()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    follow = {k: v for k, v in request.GET.items() if k in ("country", "theme") and v}
    if request.GET.get("kind"):
        follow["instrument"] = request.GET["kind"]
    if request.GET.get("applicant_type"):
        follow["applicant_type"] = request.GET["applicant_type"]
    return render(
        request,
        "opportunities/list.html",
        {"form": form, "page": page, "zone": reader_zone(request), "follow": follow, "nav": "opportunities"},
    )


def _visible(request: HttpRequest, pk: int) -> Opportunity:
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("donor", "donor__country").prefetch_related(
            "eligible_countries", "themes", "sdgs"
        ),
        pk=pk,
    )
    if not request.user.has_perm("opportunities.view_opportunity", opportunity):
        raise Http404
    return opportunity


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One opportunity: facts, eligibility, the deadline on the donor's and the reader's clocks, partner searches."""
    opportunity = _visible(request, pk)
    if request.method == "POST":
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        saved = services.toggle_saved(request.user, opportunity)
        messages.success(request, _("Saved.") if saved else _("Removed from your saved opportunities."))
        return redirect(opportunity)
    zone = reader_zone(request)
    clocks = [(label, code, code == zone) for code, label in zone_choices()] if opportunity.deadline else []
    is_saved = bool(
        request.user.is_authenticated
        and SavedOpportunity.objects.filter(user=request.user, opportunity=opportunity).exists()
    )
    mine = represented_ids(request.user)
    return render(
        request,
        "opportunities/detail.html",
        {
            "opportunity": opportunity,
            "reader_deadline": opportunity.deadline_in(zone),
            "zone": zone,
            "zones": zone_choices(),
            "clocks": clocks,
            "is_saved": is_saved,
            "searches": partner_searches_for(opportunity) if opportunity.status == "published" else [],
            "represents": bool(mine),
            "can_review": request.user.has_perm("opportunities.review_opportunity", opportunity),
            "nav": "opportunities",
        },
    )


def deadline_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _visible(request, pk)
    event = deadline_event(opportunity)
    return calendar_response([event] if event else [], str(opportunity.title), f"opportunity-{opportunity.pk}.ics")


def deadlines_calendar(request: HttpRequest) -> HttpResponse:
    """Every published deadline still to come (and those of the last month), with reminders a week and a day
    before."""
    import datetime as dt

    from django.utils import timezone

    since = timezone.now() - dt.timedelta(days=31)
    queryset = filter_opportunities(Opportunity.objects.published().filter(deadline__gte=since), request.GET)
    return calendar_response(
        deadline_events(queryset.select_related("donor")[:500]),
        _("Opportunity deadlines"),
        "opportunity-deadlines.ics",
        _("Deadlines of calls, tenders, grants and other opportunities."),
    )


@login_required
def propose(request: HttpRequest) -> HttpResponse:
    """Anyone signed in proposes an opportunity; an editor reviews it before anybody else sees it."""
    if not request.user.has_perm("opportunities.propose_opportunity"):
        raise PermissionDenied
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = services.propose_opportunity(request.user, **form.service_values())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Thank you. An editor will review the opportunity before it is published."))
            return redirect(opportunity)
    return render(request, "opportunities/form.html", {"form": form, "proposing": True, "nav": "opportunities"})


def _add_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("opportunities.review_opportunity", opportunity):
        raise PermissionDenied
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_opportunity(request.user, opportunity, **form.service_values())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(reverse("opportunities:review_item", kwargs={"pk": pk}))
    return render(
        request, "opportunities/form.html", {"form": form, "opportunity": opportunity, "nav": "opportunities"}
    )


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.review_opportunity"):
        raise PermissionDenied
    return render(
        request,
        "opportunities/review_queue.html",
        {"items": services.review_queue()[:200], "nav": "opportunities"},
    )


@login_required
def review_item(request: HttpRequest, pk: int) -> HttpResponse:
    """Check one item for duplicates, then publish or reject it."""
    opportunity = get_object_or_404(Opportunity.objects.select_related("donor", "feed"), pk=pk)
    if not request.user.has_perm("opportunities.review_opportunity", opportunity):
        raise PermissionDenied
    form = ReviewForm(request.POST or None)
    reject_form = RejectForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "reject" and reject_form.is_valid():
                services.reject_opportunity(request.user, opportunity, reject_form.cleaned_data["reason"])
                messages.success(request, _("Rejected."))
                return redirect("opportunities:review")
            if request.POST.get("action") == "publish" and form.is_valid():
                services.publish_opportunity(
                    request.user, opportunity, allow_duplicate=form.cleaned_data["allow_duplicate"]
                )
                messages.success(request, _("Published. Followers are being told."))
                return redirect(opportunity)
        except ValidationError as exc:
            _add_errors(form, exc)
    return render(
        request,
        "opportunities/review_item.html",
        {
            "opportunity": opportunity,
            "duplicates": services.find_duplicates(opportunity),
            "form": form,
            "reject_form": reject_form,
            "nav": "opportunities",
        },
    )


@login_required
def feeds(request: HttpRequest) -> HttpResponse:
    """Editors register donor feeds and read them now (they are also read every six hours)."""
    if not request.user.has_perm("opportunities.review_opportunity"):
        raise PermissionDenied
    form = FeedForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "read":
        feed = get_object_or_404(
            DonorFeed, pk=request.POST.get("feed") if str(request.POST.get("feed")).isdigit() else 0
        )
        try:
            result = importer.read_feed(feed, actor=request.user)
        except importer.FeedError as exc:
            messages.error(request, _("%(feed)s: %(error)s") % {"feed": feed.name, "error": exc})
        else:
            messages.success(
                request,
                _("%(feed)s: %(created)s new drafts, %(skipped)s already known.")
                % {"feed": feed.name, "created": len(result.created), "skipped": result.skipped},
            )
        return redirect("opportunities:feeds")
    if request.method == "POST" and form.is_valid():
        try:
            importer.add_feed(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Feed registered."))
            return redirect("opportunities:feeds")
    return render(
        request,
        "opportunities/feeds.html",
        {"form": form, "feeds": DonorFeed.objects.select_related("donor"), "nav": "opportunities"},
    )


@login_required
def saved(request: HttpRequest) -> HttpResponse:
    items = [
        s.opportunity
        for s in SavedOpportunity.objects.filter(user=request.user, opportunity__status="published").select_related(
            "opportunity", "opportunity__donor"
        )
    ]
    return render(
        request, "opportunities/saved.html", {"items": items, "zone": reader_zone(request), "nav": "opportunities"}
    )
