"""Who may answer, report on and assess recommendations."""

import rules

from kurultai.accounts.roles import is_editor, is_member
from kurultai.organisations.rules import represents_some_organisation


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


rules.add_perm("followup.post_response", is_member & (is_responsible_actor | is_editor))
rules.add_perm("followup.post_update", is_member & (is_responsible_actor | is_editor))
rules.add_perm("followup.post_assessment", is_member & represents_some_organisation)
rules.add_perm("followup.manage_actors", is_editor)
