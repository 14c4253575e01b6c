"""State changes of the CSO directory: every write validates, runs in a transaction, is logged and notifies."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.notifications.services import emit
from kurultai.organisations.audit import OrganisationAction
from kurultai.organisations.models import Membership, Organisation, PartnerInterest, PartnerRequest

logger = logging.getLogger(__name__)


def representatives(organisation: Organisation, role: str | None = None) -> Any:
    """People approved to act for an organisation."""
    from kurultai.accounts.models import User

    memberships = Membership.objects.filter(organisation=organisation, status=Membership.Status.APPROVED)
    if role:
        memberships = memberships.filter(role=role)
    return User.objects.filter(pk__in=memberships.values("user_id"))


@transaction.atomic
def request_membership(user: Any, organisation: Organisation, message: str = "") -> Membership:
    """Ask to represent an organisation; its administrators (or editors, when it has none) decide.

    Asking again while a request is pending or approved changes nothing.
    Side effects: an audit entry; an email to the organisation's administrators (or the editors) after commit.
    """
    if not user.has_perm("organisations.join_organisation", organisation):
        raise PermissionDenied
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"message": message}
    )
    if not created:
        if membership.status == Membership.Status.REJECTED:
            membership.status, membership.message, membership.requested_at = (
                Membership.Status.PENDING,
                message,
                timezone.now(),
            )
            membership.save(update_fields=["status", "message", "requested_at"])
        else:
            return membership
    admins = representatives(organisation, Membership.Role.ADMIN)
    if not admins.exists():
        from kurultai.accounts.models import User
        from kurultai.accounts.roles import EDITORS

        admins = User.objects.filter(groups__name=EDITORS, is_active=True)
    emit("organisations.membership_requested", membership, actor=user, recipients=admins)
    record(user, OrganisationAction.MEMBERSHIP_REQUESTED, membership, {"organisation": organisation.pk})
    logger.info("Membership requested: user %s, organisation %s", user.pk, organisation.pk)
    return membership


@transaction.atomic
def decide_membership(actor: Any, membership: Membership, approve: bool, role: str | None = None) -> Membership:
    """Approve or decline a request to represent an organisation.

    Side effects: an audit entry; an email to the person after commit.
    """
    if not actor.has_perm("organisations.manage_members", membership.organisation):
        raise PermissionDenied
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    if role:
        membership.role = role
    membership.decided_at, membership.decided_by = timezone.now(), actor
    membership.save()
    record(
        actor,
        OrganisationAction.MEMBERSHIP_APPROVED if approve else OrganisationAction.MEMBERSHIP_DECLINED,
        membership,
        {"organisation": membership.organisation_id, "user": membership.user_id, "role": membership.role},
    )
    emit(
        "organisations.membership_decided",
        membership,
        actor=actor,
        recipients=[membership.user],
        params={"approved": bool(approve)},
    )
    return membership


@transaction.atomic
def verify_organisation(actor: Any, organisation: Organisation, verified: bool = True) -> Organisation:
    """An editor confirms (or withdraws) that an organisation is who it says it is. Side effects: an audit entry."""
    if not actor.has_perm("organisations.verify_organisation", organisation):
        raise PermissionDenied
    organisation.verified_at = timezone.now() if verified else None
    organisation.verified_by = actor if verified else None
    organisation.save(update_fields=["verified_at", "verified_by"])
    record(
        actor,
        OrganisationAction.ORGANISATION_VERIFIED if verified else OrganisationAction.ORGANISATION_UNVERIFIED,
        organisation,
    )
    return organisation


def _free_slug(name: str) -> str:
    """A URL name made from the organisation's name, numbered when taken."""
    from django.utils.text import slugify

    base = slugify(name)[:100] or "organisation"
    candidate, number = base, 1
    while Organisation.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base[:95]}-{number}"
    return candidate


PROFILE_FIELDS = (
    "name",
    "short_name",
    "type",
    "country",
    "city",
    "website",
    "description",
    "founded",
    "original_language",
)
PROFILE_RELATIONS = ("themes", "networks")


@transaction.atomic
def save_organisation(actor: Any, organisation: Organisation | None = None, **values: Any) -> Organisation:
    """Create an organisation (editors) or change its profile (its administrators and editors).

    ``values`` are plain field values (``PROFILE_FIELDS``; ``themes`` and ``networks`` as iterables).
    Side effects: an audit entry naming the changed fields.
    """
    unknown = set(values) - set(PROFILE_FIELDS) - set(PROFILE_RELATIONS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    creating = organisation is None or organisation.pk is None
    if creating and not actor.has_perm("organisations.verify_organisation", None):
        raise PermissionDenied
    if not creating and not actor.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied
    organisation = organisation or Organisation()
    stored = Organisation() if creating else Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = []
    for name in PROFILE_FIELDS:
        if name in values:
            if getattr(stored, name) != values[name]:
                changed.append(name)
            setattr(organisation, name, values[name])
    if not organisation.slug:
        organisation.slug = _free_slug(str(organisation.name))
    organisation.full_clean(exclude=["slug", "verified_by"])
    organisation.save()
    for name in PROFILE_RELATIONS:
        if name in values:
            related = getattr(organisation, name)
            before = set(related.values_list("pk", flat=True))
            related.set(values[name])
            if before != set(related.values_list("pk", flat=True)):
                changed.append(name)
    record(
        actor,
        OrganisationAction.ORGANISATION_CREATED if creating else OrganisationAction.ORGANISATION_CHANGED,
        organisation,
        {"fields": changed},
    )
    return organisation


@transaction.atomic
def post_partner_request(
    actor: Any,
    organisation: Organisation,
    *,
    title: Any,
    purpose: Any,
    themes: Any = (),
    countries: Any = (),
    deadline: Any = None,
    original_language: str | None = None,
) -> PartnerRequest:
    """Publish a "looking for partners" request for an organisation. Side effects: an audit entry."""
    if not actor.has_perm("organisations.post_partner_request", organisation):
        raise PermissionDenied
    partner_request = PartnerRequest(
        organisation=organisation,
        author=actor,
        title=title,
        purpose=purpose,
        deadline=deadline,
        original_language=original_language or (translation.get_language() or "en").split("-")[0],
    )
    partner_request.full_clean(exclude=["author"])
    partner_request.save()
    partner_request.themes.set(themes)
    partner_request.countries.set(countries)
    record(actor, OrganisationAction.PARTNER_REQUEST_POSTED, partner_request, {"organisation": organisation.pk})
    logger.info("Partner request %s posted for organisation %s", partner_request.pk, organisation.pk)
    return partner_request


@transaction.atomic
def express_interest(
    actor: Any, partner_request: PartnerRequest, organisation: Organisation, message: str, language: str = ""
) -> PartnerInterest:
    """Answer a partner request for one of the actor's organisations; each organisation answers once.

    Side effects: an audit entry; an email to the requesting organisation's representatives after commit.
    """
    if not actor.has_perm("organisations.express_interest", partner_request):
        raise PermissionDenied
    if not actor.has_perm("organisations.post_partner_request", organisation):
        raise PermissionDenied
    if organisation.pk == partner_request.organisation_id:
        raise ValidationError(_("An organisation cannot answer its own request."))
    already = ValidationError(
        _("%(organisation)s has already answered this request.") % {"organisation": organisation}, code="duplicate"
    )
    if PartnerInterest.objects.filter(request=partner_request, organisation=organisation).exists():
        raise already
    try:
        with transaction.atomic():
            interest = PartnerInterest.objects.create(
                request=partner_request, organisation=organisation, author=actor, message=message, language=language
            )
    except IntegrityError as exc:  # a second click that raced the first
        raise already from exc
    record(
        actor,
        OrganisationAction.INTEREST_EXPRESSED,
        interest,
        {"request": partner_request.pk, "organisation": organisation.pk},
    )
    emit(
        "organisations.partner_interest",
        interest,
        actor=actor,
        recipients=representatives(partner_request.organisation),
    )
    return interest


@transaction.atomic
def close_partner_request(actor: Any, partner_request: PartnerRequest) -> PartnerRequest:
    """Stop taking answers to a partner request. Side effects: an audit entry."""
    if not actor.has_perm("organisations.close_partner_request", partner_request):
        raise PermissionDenied
    partner_request.status = PartnerRequest.Status.CLOSED
    partner_request.save(update_fields=["status"])
    record(actor, OrganisationAction.PARTNER_REQUEST_CLOSED, partner_request)
    return partner_request


def deciders(organisation: Organisation) -> str:
    """Who decides on a request to represent: ``"administrators"`` of the organisation, else ``"editors"``."""
    return "administrators" if representatives(organisation, Membership.Role.ADMIN).exists() else "editors"


@transaction.atomic
def propose_organisation(actor: Any, *, message: str = "", **values: Any) -> Organisation:
    """A member adds an organisation that is missing; it stays unlisted until an editor accepts it.

    ``values`` are profile fields as for :func:`save_organisation`. The proposer becomes the organisation's
    administrator-to-be (a pending membership that the editor's acceptance approves).
    Side effects: an audit entry; the editors are told after commit.
    """
    if not actor.has_perm("organisations.propose_organisation"):
        raise PermissionDenied
    unknown = set(values) - set(PROFILE_FIELDS) - set(PROFILE_RELATIONS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    organisation = Organisation(is_listed=False)
    for name in PROFILE_FIELDS:
        if name in values:
            setattr(organisation, name, values[name])
    organisation.slug = _free_slug(str(organisation.name))
    organisation.full_clean(exclude=["verified_by"])
    organisation.save()
    for name in PROFILE_RELATIONS:
        if name in values:
            getattr(organisation, name).set(values[name])
    membership = Membership.objects.create(
        user=actor, organisation=organisation, role=Membership.Role.ADMIN, message=message
    )
    record(actor, OrganisationAction.ORGANISATION_PROPOSED, organisation, {"membership": membership.pk})
    from kurultai.accounts.models import User
    from kurultai.accounts.roles import EDITORS

    emit(
        "organisations.proposed",
        organisation,
        actor=actor,
        recipients=User.objects.filter(groups__name=EDITORS, is_active=True),
        params={"name": dict(organisation.name.texts())},
    )
    return organisation


def proposals() -> Any:
    """Organisations proposed by members that wait for an editor, oldest first, with their proposers."""
    return (
        Organisation.objects.filter(is_listed=False)
        .select_related("country")
        .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("user")))
        .order_by("created_at", "pk")
    )


@transaction.atomic
def decide_proposal(actor: Any, organisation: Organisation, accept: bool) -> Organisation | None:
    """An editor accepts a proposed organisation (listed, verified, proposer approved) or declines it (removed).

    Side effects: an audit entry; the proposer is told after commit.
    """
    if not actor.has_perm("organisations.verify_organisation", organisation):
        raise PermissionDenied
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.is_listed:
        raise ValidationError(_("This organisation has already been accepted."), code="decided")
    pending = list(organisation.memberships.filter(status=Membership.Status.PENDING).select_related("user"))
    name = dict(organisation.name.texts())
    proposers = [membership.user for membership in pending]
    if not accept:
        record(actor, OrganisationAction.PROPOSAL_DECLINED, organisation, {"memberships": [m.pk for m in pending]})
        emit(
            "organisations.proposal_decided",
            organisation,
            actor=actor,
            recipients=proposers,
            params={"accepted": False, "name": name},
        )
        organisation.delete()
        return None
    now = timezone.now()
    organisation.is_listed, organisation.verified_at, organisation.verified_by = True, now, actor
    organisation.save(update_fields=["is_listed", "verified_at", "verified_by"])
    for membership in pending:
        membership.status, membership.decided_at, membership.decided_by = Membership.Status.APPROVED, now, actor
        membership.save(update_fields=["status", "decided_at", "decided_by"])
    emit(
        "organisations.proposal_decided",
        organisation,
        actor=actor,
        recipients=proposers,
        params={"accepted": True, "name": name},
    )
    record(actor, OrganisationAction.PROPOSAL_ACCEPTED, organisation, {"memberships": [m.pk for m in pending]})
    return organisation
