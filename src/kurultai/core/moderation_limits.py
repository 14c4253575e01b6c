"""Per-person limits on posting: how many contributions, comments or reports someone may send in a window.

Counted in the shared cache ("default": Redis or the database table), so every server and worker sees the same
count. Settings: ``KURULTAI_POSTING_LIMIT`` posts per ``KURULTAI_POSTING_WINDOW`` seconds (defaults 10 per 600).
Moderators and editors are not limited.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


class PostingTooFast(ValidationError):
    """Raised when a person posts more than the limit allows; its message says when to try again."""


def limit() -> int:
    return int(getattr(settings, "KURULTAI_POSTING_LIMIT", 10))


def window() -> int:
    return int(getattr(settings, "KURULTAI_POSTING_WINDOW", 600))


def _key(user: Any, kind: str) -> str:
    return f"posting:{kind}:{user.pk}"


def check_posting_rate(user: Any, kind: str = "post") -> None:
    """Count one post of ``kind`` by ``user``; PostingTooFast when the limit for the window is reached."""
    if not getattr(user, "is_authenticated", False) or user.has_perm("core.moderate"):
        return
    key = _key(user, kind)
    cache.add(key, 0, timeout=window())
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window())
        count = 1
    if count > limit():
        minutes = max(1, window() // 60)
        raise PostingTooFast(
            ngettext(
                "You are posting faster than we allow (%(limit)d in %(minutes)d minute); please wait and try again.",
                "You are posting faster than we allow (%(limit)d in %(minutes)d minutes); please wait and try again.",
                minutes,
            )
            % {"limit": limit(), "minutes": minutes},
            code="too_fast",
        )


def reset(user: Any, kind: str = "post") -> None:
    cache.delete(_key(user, kind))
