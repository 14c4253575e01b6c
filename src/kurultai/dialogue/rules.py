"""Who may do what in consultations and positions."""

from __future__ import annotations

import rules

from kurultai.accounts.roles import is_editor, is_member


def _approved_orgs(user):
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(user=user, status=Membership.Status.APPROVED).values("organisation_id")


@rules.predicate
def represents_an_addressee(user) -> bool:
    """A representative of an organisation that acts for an addressee (e.g. the EU Delegation)."""
    if not user.is_authenticated:
        return False
    from kurultai.forums.models import Addressee

    return Addressee.objects.filter(organisations__in=_approved_orgs(user)).exists()


@rules.predicate
def convenes_a_working_group(user) -> bool:
    """A convener of any working group."""
    if not user.is_authenticated:
        return False
    groups = getattr(user, "convened_groups", None)
    return groups is not None and groups.exists()


@rules.predicate
def may_organise_for(user, organisation=None) -> bool:
    """Editors for anyone; others for no organisation or one they represent."""
    if organisation is None:
        return True
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(user=user, organisation=organisation, status=Membership.Status.APPROVED).exists()


@rules.predicate
def organises(user, consultation) -> bool:
    """The person who opened the consultation, or a representative of its organising organisation."""
    if consultation is None or not user.is_authenticated:
        return False
    if consultation.created_by_id == user.pk:
        return True
    if consultation.working_group_id and consultation.working_group.conveners.filter(pk=user.pk).exists():
        return True
    return bool(consultation.organiser_id) and may_organise_for(user, consultation.organiser)


@rules.predicate
def represents_drafter(user, position) -> bool:
    if position is None or not user.is_authenticated:
        return False
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(
        user=user, organisation_id=position.organisation_id, status=Membership.Status.APPROVED
    ).exists()


@rules.predicate
def represents_some_organisation(user) -> bool:
    return bool(user.is_authenticated and _approved_orgs(user).exists())


can_open = is_editor | (is_member & (represents_an_addressee | convenes_a_working_group))

rules.add_perm("dialogue.open_consultation", is_editor | (can_open & may_organise_for))
rules.add_perm("dialogue.open_consultations", can_open)
rules.add_perm("dialogue.manage_consultation", is_editor | (is_member & organises))
rules.add_perm("dialogue.contribute", is_member)
rules.add_perm("dialogue.draft_position", is_member & represents_some_organisation)
rules.add_perm("dialogue.edit_position", is_editor | (is_member & represents_drafter))
rules.add_perm("dialogue.sign_position", is_member & represents_some_organisation)
