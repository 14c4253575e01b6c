"""Who may do what with opportunities, partner conversations and consortia (object-level)."""

from __future__ import annotations

import rules

from kurultai.accounts.roles import is_editor, is_member
from kurultai.organisations.rules import is_representative


def _represented(user) -> set[int]:
    """Ids of the organisations a person acts for."""
    if not user.is_authenticated:
        return set()
    from kurultai.organisations.models import Membership

    return set(
        Membership.objects.filter(user=user, status=Membership.Status.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )


@rules.predicate
def is_visible(user, opportunity) -> bool:
    from kurultai.opportunities.models import Opportunity

    return opportunity is not None and opportunity.status == Opportunity.Status.PUBLISHED


@rules.predicate
def proposed_it(user, opportunity) -> bool:
    return bool(user.is_authenticated and opportunity is not None and opportunity.proposed_by_id == user.pk)


@rules.predicate
def on_either_side(user, interest) -> bool:
    """A representative of the requesting or of the answering organisation."""
    if interest is None:
        return False
    mine = _represented(user)
    return interest.organisation_id in mine or interest.request.organisation_id in mine


def _seat_ids(consortium, statuses: tuple[str, ...]) -> set[int]:
    return {m.organisation_id for m in consortium.members.all() if m.status in statuses}


@rules.predicate
def in_consortium(user, consortium) -> bool:
    """Represents an organisation invited to or confirmed in the consortium."""
    return consortium is not None and bool(_represented(user) & _seat_ids(consortium, ("invited", "confirmed")))


@rules.predicate
def confirmed_in_consortium(user, consortium) -> bool:
    return consortium is not None and bool(_represented(user) & _seat_ids(consortium, ("confirmed",)))


@rules.predicate
def leads_consortium(user, consortium) -> bool:
    return consortium is not None and consortium.lead_id in _represented(user)


@rules.predicate
def represents_seat(user, member) -> bool:
    return member is not None and member.organisation_id in _represented(user)


rules.add_perm("opportunities.view_opportunity", is_visible | is_editor | proposed_it)
rules.add_perm("opportunities.propose_opportunity", is_member)
rules.add_perm("opportunities.review_opportunity", is_editor)
rules.add_perm("opportunities.save_opportunity", is_member)
rules.add_perm("opportunities.post_partner_search", is_member & is_representative)
rules.add_perm("opportunities.view_conversation", is_member & on_either_side)
rules.add_perm("opportunities.create_consortium", is_member & is_representative)
rules.add_perm("opportunities.view_consortium", is_member & in_consortium)
rules.add_perm("opportunities.work_in_consortium", is_member & confirmed_in_consortium)
rules.add_perm("opportunities.manage_consortium", is_member & leads_consortium)
rules.add_perm("opportunities.answer_invitation", is_member & represents_seat)
