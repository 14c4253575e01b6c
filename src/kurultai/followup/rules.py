"""Who may answer, report on and assess recommendations."""

import rules

from kurultai.accounts.roles import is_administrator, is_editor, is_member
from kurultai.organisations.rules import is_representative, represents_some_organisation


@rules.predicate
def is_responsible_actor(user, recommendation) -> bool:
    """A representative of an organisation responsible for this recommendation."""
    if not user.is_authenticated or recommendation is None:
        return False
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(
        user=user,
        status=Membership.Status.APPROVED,
        organisation__responsibilities__recommendation=recommendation,
    ).exists()


@rules.predicate
def acts_for_an_addressee(user, recommendation) -> bool:
    """A representative of an organisation that answers for one of the recommendation's addressees."""
    if not user.is_authenticated or recommendation is None:
        return False
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(
        user=user,
        status=Membership.Status.APPROVED,
        organisation__addressee_roles__recommendations=recommendation,
    ).exists()


@rules.predicate
def answers_for_some_addressee(user, organisation) -> bool:
    """The organisation is linked to at least one addressee, so its word is an official response."""
    return organisation is not None and organisation.addressee_roles.exists()


# Official responses come only from people acting for an addressee (or editors on their behalf).
rules.add_perm("followup.post_response", is_member & (acts_for_an_addressee | is_editor))
rules.add_perm(
    "followup.respond_for_organisation", is_member & answers_for_some_addressee & (is_representative | is_editor)
)
rules.add_perm("followup.post_update", is_member & (is_responsible_actor | is_editor))
rules.add_perm("followup.report_for_organisation", is_member & (is_representative | is_editor))
rules.add_perm("followup.post_assessment", is_member & represents_some_organisation)
rules.add_perm("followup.assess_for_organisation", is_member & (is_representative | is_administrator))
rules.add_perm("followup.manage_actors", is_editor)
rules.add_perm("followup.bulk_update", is_editor)
rules.add_perm("followup.manage_recurrences", is_editor)
