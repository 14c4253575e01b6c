"""Public directory pages and the actions of representatives, administrators and editors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core import fragments
from kurultai.core.paging import CountedOncePaginator
from kurultai.organisations import services
from kurultai.organisations.forms import (
    DirectoryFilterForm,
    InterestForm,
    MembershipDecisionForm,
    MembershipRequestForm,
    OrganisationForm,
    PartnerRequestForm,
    ProposalForm,
)
from kurultai.organisations.models import Membership, Network, Organisation, PartnerRequest

PAGE_SIZE = 20


def directory(request: HttpRequest) -> HttpResponse:
    """All organisations: search by name and description, filter by country, type, theme and network."""
    form = DirectoryFilterForm(request.GET or None)
    queryset, ranked = form.filter(Organisation.objects.listed())
    if ranked is not None:
        page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = Organisation.objects.for_listing().in_bulk(list(page.object_list))
        page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    else:
        paginator = CountedOncePaginator(queryset.for_listing(), PAGE_SIZE, group="directory")
        page = paginator.get_page(request.GET.get("page"))
    networks = fragments.cached_value(
        "directory:networks",
        "directory",
        lambda: list(Network.objects.annotate(size=Count("organisations")).order_by("slug")),
    )
    return render(
        request,
        "organisations/directory.html",
        {"form": form, "page": page, "networks": networks, "nav": "organisations"},
    )


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's profile, its networks, representatives and partner requests."""
    organisation = get_object_or_404(
        Organisation.objects.select_related("country").prefetch_related("themes", "networks"), slug=slug
    )
    if not request.user.has_perm("organisations.view_organisation", organisation):
        raise Http404
    people = organisation.memberships.filter(status=Membership.Status.APPROVED).select_related("user")
    own = organisation.memberships.filter(user=request.user).first() if request.user.is_authenticated else None
    requests = organisation.partner_requests.visible().filter(status=PartnerRequest.Status.OPEN)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "people": people,
            "own": own,
            "partner_requests": requests,
            "join_form": MembershipRequestForm(),
            "deciders": services.deciders(organisation),
            "nav": "organisations",
        },
    )


def network(request: HttpRequest, slug: str) -> HttpResponse:
    """A network and its member organisations."""
    network = get_object_or_404(Network.objects.prefetch_related("themes"), slug=slug)
    members = network.organisations.listed().for_listing().order_by("slug")
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/network.html", {"network": network, "page": page, "nav": "organisations"})


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.listed(), slug=slug)
    if not request.user.has_perm("organisations.join_organisation", organisation):
        raise PermissionDenied
    form = MembershipRequestForm(request.POST)
    if form.is_valid():
        services.request_membership(request.user, organisation, form.cleaned_data["message"])
        if services.deciders(organisation) == "administrators":
            messages.success(request, _("Your request has been sent to the organisation's administrators."))
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent to the platform's editors: this organisation has no "
                    "administrators on the platform yet."
                ),
            )
    return redirect(organisation)


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """Administrators of an organisation (and editors) approve or decline join requests."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("organisations.manage_members", organisation):
        raise PermissionDenied
    form = MembershipDecisionForm(organisation, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.decide_membership(
            request.user, data["membership"], data["decision"] == "approve", data["role"] or None
        )
        messages.success(request, _("The decision has been saved and the person informed."))
        return redirect("organisations:members", slug=slug)
    memberships = organisation.memberships.select_related("user").order_by("status", "-requested_at")
    return render(
        request,
        "organisations/members.html",
        {"organisation": organisation, "memberships": memberships, "form": form, "nav": "organisations"},
    )


@login_required
def edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Edit an organisation's profile (its administrators and editors); editors also add new ones."""
    organisation = get_object_or_404(Organisation, slug=slug) if slug else Organisation()
    allowed = (
        request.user.has_perm("organisations.change_organisation", organisation)
        if slug
        else request.user.has_perm("organisations.verify_organisation", None)
    )
    if not allowed:
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        organisation = services.save_organisation(
            request.user, organisation if slug else None, **{k: form.cleaned_data[k] for k in form.Meta.fields}
        )
        messages.success(request, _("The organisation's profile has been saved."))
        return redirect(organisation)
    return render(
        request, "organisations/edit.html", {"form": form, "organisation": organisation, "nav": "organisations"}
    )


@login_required
@require_POST
def verify(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    services.verify_organisation(request.user, organisation, request.POST.get("verified") != "0")
    messages.success(request, _("Verification updated."))
    return redirect(organisation)


def partner_requests(request: HttpRequest) -> HttpResponse:
    """Open calls for partners, by theme and country."""
    form = DirectoryFilterForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    queryset = (
        PartnerRequest.objects.visible()
        .filter(status=PartnerRequest.Status.OPEN)
        .select_related("organisation", "organisation__country")
        .prefetch_related("themes", "countries")
    )
    if data.get("theme"):
        queryset = queryset.filter(themes=data["theme"])
    if data.get("country"):
        queryset = queryset.filter(Q(countries=data["country"]) | Q(organisation__country=data["country"])).distinct()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/partner_list.html", {"form": form, "page": page, "nav": "organisations"})


def partner_request(request: HttpRequest, pk: int) -> HttpResponse:
    """One request; representatives of other organisations answer it here."""
    partner_request = get_object_or_404(
        PartnerRequest.objects.select_related("organisation", "author").prefetch_related("themes", "countries"), pk=pk
    )
    if partner_request.is_hidden and not request.user.has_perm("core.moderate"):
        return render(request, "organisations/partner_hidden.html", {"partner_request": partner_request}, status=410)
    form = InterestForm(request.user, partner_request, request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                services.express_interest(
                    request.user,
                    partner_request,
                    form.cleaned_data["organisation"],
                    form.cleaned_data["message"],
                    language=form.cleaned_data["text_language"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Your message has been sent to the requesting organisation."))
                return redirect(partner_request)
    can_view = request.user.has_perm("organisations.view_interests", partner_request)
    interests = partner_request.interests.select_related("organisation", "author") if can_view else []
    return render(
        request,
        "organisations/partner_detail.html",
        {
            "partner_request": partner_request,
            "form": form,
            "interests": interests,
            "can_view_interests": can_view,
            "can_answer": request.user.has_perm("organisations.express_interest", partner_request),
            "can_close": request.user.has_perm("organisations.close_partner_request", partner_request),
            "can_moderate": request.user.has_perm("core.moderate"),
            "nav": "organisations",
        },
    )


@login_required
def new_partner_request(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("organisations.post_partner_request", organisation):
        raise PermissionDenied
    form = PartnerRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partner_request = services.post_partner_request(request.user, organisation, **form.cleaned_data)
        messages.success(request, _("Your partner request is published."))
        return redirect(partner_request)
    return render(
        request, "organisations/partner_form.html", {"form": form, "organisation": organisation, "nav": "organisations"}
    )


@login_required
@require_POST
def close_partner_request(request: HttpRequest, pk: int) -> HttpResponse:
    partner_request = get_object_or_404(PartnerRequest, pk=pk)
    services.close_partner_request(request.user, partner_request)
    messages.success(request, _("The partner request is closed."))
    return redirect(partner_request)


@login_required
def propose(request: HttpRequest) -> HttpResponse:
    """Any member adds a missing organisation; it is listed once an editor accepts it."""
    if not request.user.has_perm("organisations.propose_organisation"):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.propose_organisation(
            request.user, message=form.cleaned_data["message"], **form.profile()
        )
        messages.success(
            request,
            _(
                "Thank you. The platform's editors will check the organisation; it appears in the directory, "
                "with you as its administrator, once they accept it."
            ),
        )
        return redirect(organisation)
    return render(request, "organisations/propose.html", {"form": form, "nav": "organisations"})


@login_required
def proposals(request: HttpRequest) -> HttpResponse:
    """Editors accept or decline the organisations members proposed."""
    if not request.user.has_perm("organisations.verify_organisation", None):
        raise PermissionDenied
    if request.method == "POST":
        organisation = get_object_or_404(Organisation.objects.filter(is_listed=False), pk=request.POST.get("pk"))
        accept = request.POST.get("decision") == "accept"
        try:
            services.decide_proposal(request.user, organisation, accept)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("The organisation is now listed.") if accept else _("The proposal was declined and removed."),
            )
        return redirect("organisations:proposals")
    page = Paginator(services.proposals(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/proposals.html", {"page": page, "nav": "organisations"})
