"""What participation plugs into the forums: registered, accepted online participants see sessions' online links."""

from __future__ import annotations

from typing import Any


def accepted_online_participant(user: Any, session: Any) -> bool:
    from kurultai.participation.models import Format, Registration

    return Registration.objects.filter(
        user=user, call__forum_id=session.forum_id, format=Format.ONLINE, status__in=Registration.SEATED
    ).exists()
