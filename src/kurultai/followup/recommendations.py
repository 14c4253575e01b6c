"""Recommendations as one kind of trackable (the forums app is below the follow-up, so it is declared here)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from kurultai.followup import kinds


def _topics(rec: Any) -> dict[str, list[Any]]:
    from kurultai.followup.notifications import recommendation_topics

    topics = recommendation_topics(rec)
    topics.pop("stream", None)
    return topics


def _start(rec: Any) -> Any:
    from kurultai.followup.tracking import known_start

    return known_start(rec.forum)


def register_kind() -> None:
    from kurultai.forums.models import Recommendation

    kinds.register(
        kinds.TrackableKind(
            key="recommendation",
            label=_("Recommendation"),
            model=Recommendation,
            title=lambda rec: rec.reference,
            addressees=lambda rec, trackable: rec.addressees.all(),
            topics=_topics,
            start=_start,
            visible=lambda qs: qs.published(),
            related=("forum", "session"),
        )
    )
