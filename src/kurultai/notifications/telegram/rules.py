"""Who may decide what the public Telegram channels post."""

import rules

from kurultai.accounts.roles import is_editor

rules.add_perm("telegram.review_channel_posts", is_editor)
