"""Read queries of the forums app, each fetching what its page shows in a fixed number of queries."""

from typing import Any

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet

from kurultai.forums.models import Appearance, DiscussionPoint, Forum, Recommendation, Session, Speaker


def published_forums() -> QuerySet[Forum]:
    """Public editions with their series and host country."""
    return Forum.objects.published().select_related("series", "country")


def sessions_with_outcome(forum: Forum) -> QuerySet[Session]:
    """A forum's sessions with speakers, discussion points and tagged recommendations."""
    return (
        forum.sessions.all()
        .prefetch_related(
            "themes",
            Prefetch("appearances", queryset=Appearance.objects.select_related("speaker")),
            Prefetch("discussion_points", queryset=DiscussionPoint.objects.order_by("position", "id")),
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.select_related("forum", "session")
                .prefetch_related("themes", "countries", "addressees")
                .order_by("position", "id"),
            ),
        )
        .order_by("number")
    )


def forums_with_outline() -> QuerySet[Forum]:
    """Forums with whether they have sessions and session speakers, asked in the forum's own query."""
    return Forum.objects.annotate(
        has_sessions=Exists(Session.objects.filter(forum=OuterRef("pk"))),
        has_session_speakers=Exists(Appearance.objects.filter(session__forum=OuterRef("pk"))),
    )


def opening_appearances(forum: Forum) -> QuerySet[Appearance]:
    """Speakers of the forum as a whole (opening remarks, keynotes), not of one session."""
    return forum.appearances.filter(session__isnull=True).select_related("speaker").order_by("position", "id")


def visible_forums(user: Any) -> QuerySet[Forum]:
    """Published editions, and drafts too for organisers."""
    queryset = Forum.objects.select_related("series", "country")
    if user is not None and user.has_perm("forums.organise"):
        return queryset
    return queryset.published()


def programme_sessions(forum: Forum) -> QuerySet[Session]:
    """A forum's sessions in time order with their themes and speakers (three queries whatever the size)."""
    return (
        forum.sessions.all()
        .prefetch_related(
            "themes",
            Prefetch(
                "appearances",
                queryset=Appearance.objects.select_related("speaker", "speaker__organisation").order_by(
                    "position", "id"
                ),
            ),
        )
        .order_by(F("starts_at").asc(nulls_last=True), "track", "number")
    )


def forum_speakers(forum: Forum) -> list[Speaker]:
    """Everyone who speaks at the forum, by name, each with ``roles``: their appearances in session order."""
    appearances = forum.appearances.select_related("speaker", "speaker__organisation", "session").order_by(
        F("session__starts_at").asc(nulls_first=True), "session__number", "position", "id"
    )
    speakers: dict[int, Speaker] = {}
    for appearance in appearances:
        appearance.forum = forum
        if appearance.session is not None:
            appearance.session.forum = forum
        speaker = speakers.setdefault(appearance.speaker_id, appearance.speaker)
        if not hasattr(speaker, "roles"):
            speaker.roles = []
        speaker.roles.append(appearance)
    return sorted(speakers.values(), key=lambda s: str(s.name).casefold())
