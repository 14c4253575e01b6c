"""Who may answer, report on and assess tracked subjects (recommendations, actions, positions …).

The predicates take a :class:`~kurultai.followup.models.Trackable` or a subject of a registered kind.
"""

import rules

from kurultai.accounts.roles import is_administrator, is_editor, is_member
from kurultai.organisations.rules import is_representative, represents_some_organisation


def _trackable(obj):
    from kurultai.followup.models import trackable_of

    if obj is None:
        return None
    try:
        return trackable_of(obj)
    except LookupError:
        return None


@rules.predicate
def is_responsible_actor(user, obj) -> bool:
    """A representative of an organisation responsible for this subject."""
    if not user.is_authenticated or obj is None or not represents_some_organisation(user):
        return False
    trackable = _trackable(obj)
    if trackable is None:
        return False
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(
        user=user,
        status=Membership.Status.APPROVED,
        organisation__responsibilities__trackable=trackable,
    ).exists()


@rules.predicate
def acts_for_an_addressee(user, obj) -> bool:
    """A representative of an organisation that answers for one of the subject's addressees."""
    if not user.is_authenticated or obj is None or not represents_some_organisation(user):
        return False
    from kurultai.followup.services import addressees_of
    from kurultai.organisations.models import Membership

    try:
        addressees = addressees_of(obj)
    except LookupError:
        return False
    return Membership.objects.filter(
        user=user,
        status=Membership.Status.APPROVED,
        organisation__addressee_roles__in=addressees,
    ).exists()


@rules.predicate
def answers_for_some_addressee(user, organisation) -> bool:
    """The organisation is linked to at least one addressee, so its word is an official response."""
    return organisation is not None and organisation.addressee_roles.exists()


@rules.predicate
def manages_the_subject(user, obj) -> bool:
    """The subject's kind names other managers (an action's conveners, for one)."""
    trackable = _trackable(obj)
    if trackable is None or not user.is_authenticated:
        return False
    spec = trackable.kind_spec
    return spec.can_manage is not None and bool(spec.can_manage(user, trackable.subject))


@rules.predicate
def expects_a_response(user, obj) -> bool:
    """Recommendations always do; another subject only when its trackable is addressed to someone."""
    from kurultai.forums.models import Recommendation

    if obj is None:
        return False
    if isinstance(obj, Recommendation) or getattr(obj, "kind", None) == "recommendation":
        return True
    from kurultai.followup.services import addressees_of

    try:
        return addressees_of(obj).exists()
    except LookupError:
        return False


# Official responses come only from people acting for an addressee (or editors on their behalf), and only on a
# subject that expects an answer from someone.
rules.add_perm("followup.post_response", is_member & expects_a_response & (acts_for_an_addressee | is_editor))
rules.add_perm(
    "followup.respond_for_organisation", is_member & answers_for_some_addressee & (is_representative | is_editor)
)
rules.add_perm("followup.post_update", is_member & (is_responsible_actor | is_editor))
rules.add_perm("followup.report_for_organisation", is_member & (is_representative | is_editor))
rules.add_perm("followup.post_assessment", is_member & represents_some_organisation)
rules.add_perm("followup.assess_for_organisation", is_member & (is_representative | is_administrator))
rules.add_perm("followup.manage_actors", is_editor | (is_member & manages_the_subject))
rules.add_perm("followup.bulk_update", is_editor)
rules.add_perm("followup.manage_recurrences", is_editor)
