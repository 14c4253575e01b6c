"""Who may import donor data, decide links to recommendations and post monitoring notes."""

import rules

from kurultai.accounts.roles import is_administrator, is_editor, is_member
from kurultai.organisations.rules import is_representative, represents_some_organisation

rules.add_perm("transparency.import_iati", is_editor)
rules.add_perm("transparency.manage_links", is_editor)
# Monitoring notes are an organisation's own observation: its representatives post them, not editors.
rules.add_perm("transparency.post_note", is_member & represents_some_organisation)
rules.add_perm("transparency.note_for_organisation", is_member & (is_representative | is_administrator))
