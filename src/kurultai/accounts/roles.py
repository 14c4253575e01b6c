"""Role predicates (DESIGN §6) shared by every app's rules; permissions are built from these."""

import rules

EDITORS = "editors"
MODERATORS = "moderators"


@rules.predicate
def is_member(user) -> bool:
    """Anyone signed in with an active, not erased account."""
    return bool(user.is_authenticated and user.is_active and not getattr(user, "erased_at", None))


@rules.predicate
def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


@rules.predicate
def in_editors_group(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.groups.filter(name=EDITORS).exists())


@rules.predicate
def in_moderators_group(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.groups.filter(name=MODERATORS).exists())


is_editor = is_administrator | in_editors_group
is_moderator = is_administrator | in_moderators_group


def needs_second_factor(user) -> bool:
    """Staff, editors and moderators must protect their account with a second factor."""
    return bool(user.is_authenticated and (user.is_staff or is_editor(user) or is_moderator(user)))
