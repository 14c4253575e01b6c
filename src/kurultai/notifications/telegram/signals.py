"""Public events become channel posts waiting for an editor's approval."""

from __future__ import annotations

from typing import Any


def prepare_channel_posts(sender: Any, event: Any, **kwargs: Any) -> None:
    """Render a new public event for each language's channel (nothing happens without a bot or channels)."""
    from django.conf import settings

    from kurultai.notifications.telegram.services import create_channel_posts

    if settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_CHANNELS:
        create_channel_posts(event)
