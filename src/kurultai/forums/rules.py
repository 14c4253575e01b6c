"""Object permissions of the forums app (checked in views, templates and the API alike)."""

import rules

from kurultai.accounts.roles import is_editor

rules.add_perm("forums.manage_outcome", is_editor)
