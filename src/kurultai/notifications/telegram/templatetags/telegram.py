"""Template helpers for Telegram: the profile section's state and previews of channel posts."""

from __future__ import annotations

from typing import Any

import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# What Telegram's HTML parse mode shows as formatting; everything else is shown as text.
PREVIEW_TAGS = {"b", "strong", "i", "em", "u", "s", "a", "code", "pre", "blockquote"}


@register.simple_tag
def telegram_state(user: Any) -> dict[str, Any]:
    """Whether Telegram is on, and the person's active link if any."""
    from kurultai.notifications.telegram.client import is_enabled
    from kurultai.notifications.telegram.services import active_link

    enabled = is_enabled()
    return {"enabled": enabled, "link": active_link(user) if enabled else None}


@register.filter
def telegram_preview(text: str) -> SafeString:
    """A channel post's Telegram HTML as the page shows it: allowed tags only, line breaks kept."""
    clean = nh3.clean(text or "", tags=PREVIEW_TAGS, attributes={"a": {"href"}}, link_rel="nofollow noopener")
    return mark_safe(clean.replace("\n", "<br>"))
