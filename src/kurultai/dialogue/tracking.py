"""Follow-up of submitted positions: the same mechanism as recommendations (``kurultai.followup``).

Once submitted, a position is a trackable of kind ``position``: its addressees respond officially, progress is
reported with evidence, and CSOs assess it, all on the shared follow-up forms and dashboard.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _


def start(position: Any, addressees: list[Any]) -> Any:
    """Make a submitted position a trackable addressed to ``addressees`` (``forums.Addressee``)."""
    from kurultai.followup.models import trackable_of

    trackable = trackable_of(position, create=True)
    trackable.addressees.set(addressees)
    return trackable


def _may_manage(user: Any, position: Any) -> bool:
    return user.has_perm("dialogue.edit_position", position)


def connect() -> None:
    from kurultai.dialogue.models import Position
    from kurultai.followup.kinds import TrackableKind, register

    register(
        TrackableKind(
            key="position",
            label=_("Position"),
            model=Position,
            related=("current",),
            title=lambda p: str(p),
            url=lambda p: p.get_absolute_url(),
            visible=lambda qs: qs.filter(status=Position.Status.SUBMITTED, hidden_at__isnull=True),
            topics=lambda p: {"organisation": [p.organisation.slug]},
            start=lambda p: p.submitted_at.date() if p.submitted_at else None,
            can_manage=_may_manage,
        )
    )
