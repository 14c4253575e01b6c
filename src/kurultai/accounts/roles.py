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


_GROUP_NAMES = "_kurultai_group_names"


def group_names(user) -> frozenset[str]:
    """Names of the person's groups, read once per loaded user (every signed-in request asks several times)."""
    names = getattr(user, _GROUP_NAMES, None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _GROUP_NAMES, names)
    return names


def forget_group_names(sender, instance=None, action: str = "", **kwargs) -> None:
    """m2m_changed receiver: ``user.groups.add(…)`` shows at once on that same loaded user."""
    if action.startswith("post_") and instance is not None:
        instance.__dict__.pop(_GROUP_NAMES, None)


@rules.predicate
def in_editors_group(user) -> bool:
    return bool(user.is_authenticated and user.is_active and EDITORS in group_names(user))


@rules.predicate
def in_moderators_group(user) -> bool:
    return bool(user.is_authenticated and user.is_active and MODERATORS in group_names(user))


is_editor = is_administrator | in_editors_group
is_moderator = is_administrator | in_moderators_group


def needs_second_factor(user) -> bool:
    """Staff, editors and moderators must protect their account with a second factor."""
    return bool(user.is_authenticated and (user.is_staff or is_editor(user) or is_moderator(user)))
