"""What apps built on the forums plug into its pages.

``online_link_viewers``: predicates ``(user, session) -> bool``; a session's online link is shown to a person
when any of them says yes. Organisers always see it; the participation app adds registered online participants.
The link is never part of a public page, calendar file, feed or the API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

online_link_viewers: list[Callable[[Any, Any], bool]] = []


def register_online_link_viewer(predicate: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    """Add a predicate (usable as a decorator); registering the same one twice keeps one."""
    if predicate not in online_link_viewers:
        online_link_viewers.append(predicate)
    return predicate


def _organisers(user: Any, session: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm("forums.organise", session.forum))


online_link_viewers.append(_organisers)


def can_see_online_link(user: Any, session: Any) -> bool:
    """True when the session has a link and the person may join through it."""
    if not session.online_url or user is None or not user.is_authenticated:
        return False
    return any(viewer(user, session) for viewer in online_link_viewers)
