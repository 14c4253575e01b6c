"""Who may do what with organisations, memberships and partner requests (object-level)."""

import rules

from kurultai.accounts.roles import is_administrator, is_editor, is_member

_REPRESENTS = "_kurultai_represents"


def _approved(user, organisation, role: str | None = None) -> bool:
    if not user.is_authenticated or organisation is None:
        return False
    from kurultai.organisations.models import Membership

    memberships = Membership.objects.filter(user=user, organisation=organisation, status=Membership.Status.APPROVED)
    if role:
        memberships = memberships.filter(role=role)
    return memberships.exists()


@rules.predicate
def is_representative(user, organisation) -> bool:
    """An approved representative (or administrator) of this organisation."""
    return _approved(user, organisation)


@rules.predicate
def is_organisation_admin(user, organisation) -> bool:
    from kurultai.organisations.models import Membership

    return _approved(user, organisation, Membership.Role.ADMIN)


@rules.predicate
def represents_some_organisation(user) -> bool:
    """Has an approved membership: asked once per loaded user (permission checks on one page ask often)."""
    if not user.is_authenticated:
        return False
    found = getattr(user, _REPRESENTS, None)
    if found is None:
        from kurultai.organisations.models import Membership

        found = user.memberships.filter(status=Membership.Status.APPROVED).exists()
        setattr(user, _REPRESENTS, found)
    return found


def forget_representation(sender, instance=None, **kwargs) -> None:
    """Membership saved or deleted: the loaded user it belongs to asks again."""
    if instance is not None and type(instance).user.is_cached(instance):
        instance.user.__dict__.pop(_REPRESENTS, None)


@rules.predicate
def represents_requester(user, partner_request) -> bool:
    return partner_request is not None and _approved(user, partner_request.organisation)


@rules.predicate
def request_is_open(user, partner_request) -> bool:
    return partner_request is not None and partner_request.is_open


@rules.predicate
def is_listed(user, organisation) -> bool:
    return organisation is not None and organisation.is_listed


@rules.predicate
def proposed_it(user, organisation) -> bool:
    """The member who proposed an organisation that still waits for an editor."""
    if not user.is_authenticated or organisation is None:
        return False
    return organisation.memberships.filter(user=user).exists()


rules.add_perm("organisations.view_organisation", is_listed | is_editor | proposed_it)
rules.add_perm("organisations.propose_organisation", is_member)
rules.add_perm("organisations.change_organisation", is_organisation_admin | is_editor)
rules.add_perm("organisations.manage_members", is_organisation_admin | is_editor)
rules.add_perm("organisations.verify_organisation", is_editor)
rules.add_perm("organisations.join_organisation", is_member)
rules.add_perm("organisations.post_partner_request", is_member & is_representative)
rules.add_perm("organisations.close_partner_request", represents_requester | is_editor)
rules.add_perm("organisations.view_interests", represents_requester | is_editor)
rules.add_perm(
    "organisations.express_interest",
    is_member & represents_some_organisation & request_is_open & ~represents_requester,
)
rules.add_perm("core.view_audit_log", is_administrator)
