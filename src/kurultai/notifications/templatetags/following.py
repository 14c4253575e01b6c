"""``{% follow_button obj %}``: the follow button every followable page shows (a personal part of the page)."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kurultai.core.holes import hole, personal, render_part
from kurultai.notifications.registry import followable_for
from kurultai.notifications.selectors import followed_keys

register = template.Library()


@personal("follow_button")
def render_follow_button(request: HttpRequest, obj: Any, label: str = "") -> SafeString:
    """A follow / stop following button for this person; a sign-in link for visitors."""
    user = getattr(request, "user", None)
    followable = followable_for(obj)
    key = followable.key_of(obj) if followable else ""
    following = bool(followable and user is not None and key in followed_keys(user, followable.kind))
    context = {"kind": followable.kind if followable else "", "key": key, "following": following}
    return render_part("notifications/_follow_button.html", {**context, "label": label or _("Follow")}, request)


@register.simple_tag(takes_context=True)
def follow_button(context: Any, obj: Any, label: str = "") -> SafeString:
    return hole(context.get("request"), "follow_button", obj, label)
