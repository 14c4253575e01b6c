"""Object permissions of the forums app (checked in views, templates and the API alike)."""

import rules


@rules.predicate
def is_forum_editor(user) -> bool:
    """Organisers and editors: superusers and staff allowed to change forums."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("forums.change_forum"))


rules.add_perm("forums.manage_outcome", is_forum_editor)
