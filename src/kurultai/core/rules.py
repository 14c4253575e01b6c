"""Who may use the shared tools of core: translating content (machine or by hand) is for editors."""

import rules

from kurultai.accounts.roles import is_editor

rules.add_perm("core.translate_content", is_editor)
