"""``{% follow_button obj %}``: the follow button every followable page shows."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from kurultai.notifications.registry import followable_for
from kurultai.notifications.selectors import followed_keys

register = template.Library()


@register.inclusion_tag("notifications/_follow_button.html", takes_context=True)
def follow_button(context: Any, obj: Any, label: str = "") -> dict[str, Any]:
    """A follow / stop following button; a sign-in link for visitors."""
    request = context.get("request")
    user = getattr(request, "user", None)
    followable = followable_for(obj)
    key = followable.key_of(obj) if followable else ""
    following = bool(followable and user is not None and key in followed_keys(user, followable.kind))
    return {
        "request": request,
        "user": user,
        "kind": followable.kind if followable else "",
        "key": key,
        "following": following,
        "label": label or _("Follow"),
    }
