"""Object permissions of the forums app (checked in views, templates and the API alike)."""

import rules

from kurultai.accounts.roles import is_editor


@rules.predicate
def is_published_forum(user, forum) -> bool:
    return forum is not None and bool(getattr(forum, "is_published", False))


# Organisers run the workspace: series, editions, programme, speakers, tagging and publishing.
rules.add_perm("forums.organise", is_editor)
rules.add_perm("forums.manage_outcome", is_editor)
# A draft forum (and everything in it) is seen only by its organisers.
rules.add_perm("forums.view_forum", is_published_forum | is_editor)
