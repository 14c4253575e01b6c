"""The registration box on the forum page, registered with ``kurultai.forums.panels`` (forums never import us)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def forum_panel(request: Any, forum: Any) -> tuple[str, dict[str, Any]]:
    """Register while the call is open, "you are registered" for registered people, organisers' links (≤ 3 queries)."""
    from kurultai.participation.models import Call, Registration
    from kurultai.participation.services import seat_summary

    call = Call.objects.filter(forum=forum).first()
    user = getattr(request, "user", None)
    mine = None
    if call is not None and user is not None and user.is_authenticated:
        mine = Registration.objects.filter(call=call, user=user).first()
    seats = []
    if call is not None:
        call.forum = forum
        if call.is_open():
            seats = seat_summary(call)
    may_manage = user is not None and user.has_perm("participation.manage_call", call if call is not None else forum)
    return "participation/_forum_panel.html", {
        "call": call,
        "seats": seats,
        "my_registration": mine,
        "register_url": reverse("participation:register", args=[forum.slug]),
        "manage_url": reverse("participation:manage", args=[forum.slug]) if call is not None and may_manage else "",
        "open_url": reverse("participation:call_edit", args=[forum.slug]) if call is None and may_manage else "",
    }
