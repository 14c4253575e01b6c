"""Actions of adopted plans are followed up like recommendations."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from kurultai.followup import kinds


def register_kind() -> None:
    from kurultai.workinggroups.models import Action

    kinds.register(
        kinds.TrackableKind(
            key="action",
            label=_("Actions of action plans"),
            model=Action,
            title=lambda action: f"{action.reference} {action.title}",
            topics=_topics,
            start=lambda action: action.adopted_in.adopted_on if action.adopted_in_id else None,
            visible=lambda qs: qs.public(),
            related=("plan__group", "adopted_in"),
            can_manage=lambda user, action: user.has_perm("workinggroups.manage_group", action.plan.group),
        )
    )


def _topics(action: Any) -> dict[str, list[Any]]:
    return {"working_group": [action.plan.group.slug]}
