"""Who manages a working group (its conveners, and editors for every group) and who takes part in it."""

from __future__ import annotations

import rules

from kurultai.accounts.roles import is_editor, is_member
from kurultai.organisations.rules import represents_some_organisation


def group_of(obj):
    """The group of a group, meeting, document, post, plan, action or indicator."""
    from kurultai.workinggroups.models import Action, ActionPlan, Indicator, WorkingGroup

    if isinstance(obj, WorkingGroup):
        return obj
    if isinstance(obj, Indicator):
        obj = obj.action
    if isinstance(obj, Action):
        obj = obj.plan
    if isinstance(obj, ActionPlan):
        return obj.group
    return getattr(obj, "group", None)


@rules.predicate
def is_convener(user, obj) -> bool:
    group = group_of(obj)
    if group is None or not user.is_authenticated:
        return False
    return group.conveners.filter(pk=user.pk).exists()


@rules.predicate
def represents_a_member(user, obj) -> bool:
    """The person acts for an organisation that is a member of the group."""
    group = group_of(obj)
    if group is None or not user.is_authenticated:
        return False
    from kurultai.organisations.models import Membership
    from kurultai.workinggroups.models import GroupMembership

    return Membership.objects.filter(
        user=user,
        status=Membership.Status.APPROVED,
        organisation__group_memberships__group=group,
        organisation__group_memberships__status=GroupMembership.Status.APPROVED,
    ).exists()


@rules.predicate
def represents_an_owner(user, action) -> bool:
    """The person acts for one of the action's owner organisations."""
    if action is None or not user.is_authenticated or not hasattr(action, "owners"):
        return False
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(
        user=user, status=Membership.Status.APPROVED, organisation__plan_actions=action
    ).exists()


manages = is_member & (is_editor | is_convener)
rules.add_perm("workinggroups.manage_group", manages)
rules.add_perm("workinggroups.name_conveners", is_member & is_editor)
rules.add_perm("workinggroups.request_membership", is_member & represents_some_organisation)
rules.add_perm("workinggroups.post", is_member & (represents_a_member | is_convener | is_editor))
rules.add_perm("workinggroups.record_indicator", is_member & (is_editor | is_convener | represents_an_owner))
