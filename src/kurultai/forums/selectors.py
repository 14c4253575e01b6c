"""Read queries of the forums app, each fetching what its page shows in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from kurultai.forums.models import Appearance, DiscussionPoint, Forum, Recommendation, Session


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


def opening_appearances(forum: Forum) -> QuerySet[Appearance]:
    """Speakers of the forum as a whole (opening remarks, keynotes), not of one session."""
    return forum.appearances.filter(session__isnull=True).select_related("speaker").order_by("position", "id")
