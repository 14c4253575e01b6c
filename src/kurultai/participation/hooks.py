"""What participation plugs into the forums: registered, accepted online participants see sessions' online links."""

from __future__ import annotations

from typing import Any

_MEMO = "_kurultai_online_forums"


def accepted_online_participant(user: Any, session: Any) -> bool:
    """Asked once per forum and loaded user: a programme asks for every session with an online link."""
    from kurultai.participation.models import Format, Registration

    memo = user.__dict__.setdefault(_MEMO, {})
    if session.forum_id not in memo:
        memo[session.forum_id] = Registration.objects.filter(
            user=user, call__forum_id=session.forum_id, format=Format.ONLINE, status__in=Registration.SEATED
        ).exists()
    return memo[session.forum_id]


def forget_online_forums(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    """A registration saved or deleted: the loaded user it belongs to is asked again."""
    if instance is not None and type(instance).user.is_cached(instance):
        instance.user.__dict__.pop(_MEMO, None)
