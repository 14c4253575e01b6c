"""State changes of the CSO directory: every write validates, runs in a transaction, is logged and notifies."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kurultai.core.audit import record
from kurultai.organisations.models import Membership, Organisation, PartnerInterest, PartnerRequest

logger = logging.getLogger(__name__)


def _notify(users: Any, subject: str, body: str, **params: Any) -> None:
    """One email per person (nobody sees another's address), each in the person's language."""
    messages = []
    for user in users:
        if not user.is_active or user.erased_at:
            continue
        with translation.override(user.preferred_language):
            messages.append((_(subject) % params, _(body) % params, None, [user.email]))
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def representatives(organisation: Organisation, role: str | None = None) -> Any:
    """People approved to act for an organisation."""
    from kurultai.accounts.models import User

    memberships = Membership.objects.filter(organisation=organisation, status=Membership.Status.APPROVED)
    if role:
        memberships = memberships.filter(role=role)
    return User.objects.filter(pk__in=memberships.values("user_id"))


@transaction.atomic
def request_membership(user: Any, organisation: Organisation, message: str = "") -> Membership:
    """Ask to represent an organisation; its administrators (or editors, when it has none) decide."""
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
    _notify(
        admins,
        gettext_noop("Someone asks to represent %(organisation)s"),
        gettext_noop(
            "%(person)s asks to represent %(organisation)s on Kurultai. Approve or decline the request on the "
            "organisation's members page."
        ),
        organisation=organisation,
        person=user.public_name,
    )
    logger.info("Membership requested: user %s, organisation %s", user.pk, organisation.pk)
    return membership


@transaction.atomic
def decide_membership(actor: Any, membership: Membership, approve: bool, role: str | None = None) -> Membership:
    """Approve or decline a request to represent an organisation."""
    if not actor.has_perm("organisations.manage_members", membership.organisation):
        raise PermissionDenied
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    if role:
        membership.role = role
    membership.decided_at, membership.decided_by = timezone.now(), actor
    membership.save()
    record(actor, "membership.approved" if approve else "membership.declined", membership, {"role": membership.role})
    _notify(
        [membership.user],
        gettext_noop("Your request for %(organisation)s"),
        gettext_noop("Your request to represent %(organisation)s was %(decision)s."),
        organisation=membership.organisation,
        decision=_("approved") if approve else _("declined"),
    )
    return membership


@transaction.atomic
def verify_organisation(actor: Any, organisation: Organisation, verified: bool = True) -> Organisation:
    """An editor confirms (or withdraws) that an organisation is who it says it is."""
    if not actor.has_perm("organisations.verify_organisation", organisation):
        raise PermissionDenied
    organisation.verified_at = timezone.now() if verified else None
    organisation.verified_by = actor if verified else None
    organisation.save(update_fields=["verified_at", "verified_by"])
    record(actor, "organisation.verified" if verified else "organisation.unverified", organisation)
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


@transaction.atomic
def save_organisation(actor: Any, form: Any) -> Organisation:
    """Save an organisation profile edited through its form."""
    organisation = form.instance
    if organisation.pk and not actor.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied
    changed = list(form.changed_data)
    if not organisation.slug:
        organisation.slug = _free_slug(str(form.cleaned_data["name"]))
    organisation = form.save()
    record(actor, "organisation.changed", organisation, {"fields": changed})
    return organisation


@transaction.atomic
def post_partner_request(actor: Any, organisation: Organisation, form: Any) -> PartnerRequest:
    """Publish a "looking for partners" request for an organisation."""
    if not actor.has_perm("organisations.post_partner_request", organisation):
        raise PermissionDenied
    partner_request = form.save(commit=False)
    partner_request.organisation, partner_request.author = organisation, actor
    partner_request.original_language = translation.get_language() or "en"
    partner_request.save()
    form.save_m2m()
    logger.info("Partner request %s posted for organisation %s", partner_request.pk, organisation.pk)
    return partner_request


@transaction.atomic
def express_interest(
    actor: Any, partner_request: PartnerRequest, organisation: Organisation, message: str
) -> PartnerInterest:
    """Answer a partner request for one of the actor's organisations; the requester is told by email."""
    if not actor.has_perm("organisations.express_interest", partner_request):
        raise PermissionDenied
    if not actor.has_perm("organisations.post_partner_request", organisation):
        raise PermissionDenied
    if organisation.pk == partner_request.organisation_id:
        raise ValidationError(_("An organisation cannot answer its own request."))
    if PartnerInterest.objects.filter(request=partner_request, organisation=organisation).exists():
        raise ValidationError(_("%(organisation)s has already answered this request.") % {"organisation": organisation})
    interest = PartnerInterest.objects.create(
        request=partner_request, organisation=organisation, author=actor, message=message
    )
    _notify(
        representatives(partner_request.organisation),
        gettext_noop("%(organisation)s is interested in “%(title)s”"),
        gettext_noop(
            "%(organisation)s answered your partner request “%(title)s” on Kurultai. Read the message and the "
            "organisation's profile on the request's page."
        ),
        organisation=organisation,
        title=partner_request.title,
    )
    return interest


@transaction.atomic
def close_partner_request(actor: Any, partner_request: PartnerRequest) -> PartnerRequest:
    if not actor.has_perm("organisations.close_partner_request", partner_request):
        raise PermissionDenied
    partner_request.status = PartnerRequest.Status.CLOSED
    partner_request.save(update_fields=["status"])
    return partner_request
