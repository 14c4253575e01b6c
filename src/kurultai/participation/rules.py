"""Who may do what in participation: the forum's organisers run the call; people manage their own registration."""

from __future__ import annotations

import rules

from kurultai.accounts.roles import is_member


@rules.predicate
def organises(user, obj) -> bool:
    """Organises the forum of a call, registration or forum (the forums app decides who organises)."""
    if obj is None or not user.is_authenticated:
        return False
    from kurultai.forums.models import Forum

    if isinstance(obj, Forum):  # asked of the forum itself: nothing to look up
        return user.has_perm("forums.organise", obj)
    forum = getattr(obj, "forum", None) or getattr(getattr(obj, "call", None), "forum", None) or obj
    return user.has_perm("forums.organise", forum)


@rules.predicate
def owns(user, registration) -> bool:
    return bool(user.is_authenticated and registration is not None and registration.user_id == user.pk)


rules.add_perm("participation.register", is_member)
rules.add_perm("participation.manage_call", organises)
rules.add_perm("participation.view_personal_data", organises)
rules.add_perm("participation.check_in", organises)
rules.add_perm("participation.view_registration", owns | organises)
rules.add_perm("participation.change_registration", owns)
