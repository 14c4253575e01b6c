"""How forums, sessions, speakers and outcome documents appear in the search index."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kurultai.core.search import REGISTRY, Entry, refresh, register
from kurultai.forums.models import Appearance, Conclusion, DiscussionPoint, Forum, Recommendation, Session, Speaker


def describe_forum(forum: Forum) -> Entry:
    body = {
        code: " ".join(filter(None, [forum.theme.get(code, ""), forum.concept.get(code, ""), forum.city.get(code, "")]))
        for code in set(forum.theme.texts()) | set(forum.concept.texts()) | set(forum.city.texts())
    }
    return Entry(
        title=dict(forum.title),
        body=body,
        url=forum.get_absolute_url(),
        original_language=forum.original_language,
        countries=[forum.country.code] if forum.country_id else [],
        themes=[t.slug for t in forum.themes.all()],
        public=forum.is_published,
    )


def describe_recommendation(rec: Recommendation) -> Entry:
    with_ref = {code: f"{rec.reference} · {rec.forum.title.in_language(code)}" for code in rec.text.texts()}
    return Entry(
        title=with_ref,
        body=dict(rec.text),
        url=rec.get_absolute_url(),
        original_language=rec.original_language,
        countries=[c.code for c in rec.countries.all()],
        themes=[t.slug for t in rec.themes.all()],
        sdgs=[g.number for g in rec.sdgs.all()],
        public=rec.forum.is_published,
    )


def _forum_tags(forum: Forum) -> list[str]:
    return [forum.country.code] if forum.country_id else []


def describe_session(session: Session) -> Entry:
    forum = session.forum
    return Entry(
        title={code: f"{text} · {forum.title.in_language(code)}" for code, text in session.title.texts().items()},
        body=dict(session.purpose),
        url=session.get_absolute_url(),
        original_language=session.original_language,
        countries=_forum_tags(forum),
        themes=[t.slug for t in session.themes.all()],
        public=forum.is_published,
    )


def describe_discussion_point(point: DiscussionPoint) -> Entry:
    session = point.session
    return Entry(
        title={
            code: f"{session.title.in_language(code)} · {session.forum.title.in_language(code)}"
            for code in point.text.texts()
        },
        body=dict(point.text),
        url=session.get_absolute_url(),
        original_language=point.original_language,
        countries=_forum_tags(session.forum),
        public=session.forum.is_published,
    )


def describe_conclusion(conclusion: Conclusion) -> Entry:
    forum = conclusion.forum
    return Entry(
        title={code: str(forum.title.in_language(code)) for code in conclusion.text.texts()},
        body=dict(conclusion.text),
        url=f"{forum.get_absolute_url()}#conclusions",
        original_language=conclusion.original_language,
        countries=_forum_tags(forum),
        public=forum.is_published,
    )


def describe_speaker(speaker: Speaker) -> Entry:
    """A speaker is found through the forums they spoke at; one who spoke only at unpublished ones is not."""
    appearances = [a for a in speaker.appearances.all() if a.forum.is_published]
    first = appearances[0] if appearances else None
    url = reverse("forums:speakers", kwargs={"slug": first.forum.slug}) if first is not None else ""
    affiliation = str(speaker.organisation) if speaker.organisation_id else ""
    body = {
        code: " · ".join(
            filter(
                None,
                [
                    speaker.position.get(code, ""),
                    affiliation or speaker.organisation_name.get(code, ""),
                    speaker.bio.get(code, ""),
                ],
            )
        )
        for code in set(speaker.position.texts()) | set(speaker.organisation_name.texts()) | set(speaker.bio.texts())
    }
    return Entry(
        title=dict(speaker.name),
        body=body,
        url=url,
        original_language=speaker.original_language,
        countries=sorted({a.forum.country.code for a in appearances if a.forum.country_id}),
        public=first is not None,
    )


def connect() -> None:
    register(
        "forum",
        Forum,
        describe_forum,
        _("Forum"),
        queryset=lambda: Forum.objects.select_related("country").prefetch_related("themes"),
        watch=[Forum.themes.through],
    )
    register(
        "recommendation",
        Recommendation,
        describe_recommendation,
        _("Recommendation"),
        queryset=lambda: Recommendation.objects.select_related("forum", "session").prefetch_related(
            "countries", "themes"
        ),
        watch=[Recommendation.themes.through, Recommendation.countries.through, Recommendation.sdgs.through],
    )
    register(
        "session",
        Session,
        describe_session,
        _("Session"),
        queryset=lambda: Session.objects.select_related("forum", "forum__country").prefetch_related("themes"),
        watch=[Session.themes.through],
    )
    register(
        "discussion_point",
        DiscussionPoint,
        describe_discussion_point,
        _("Discussion point"),
        queryset=lambda: DiscussionPoint.objects.select_related("session__forum__country"),
    )
    register(
        "conclusion",
        Conclusion,
        describe_conclusion,
        _("Conclusion"),
        queryset=lambda: Conclusion.objects.select_related("forum__country"),
    )
    register(
        "speaker",
        Speaker,
        describe_speaker,
        _("Speaker"),
        queryset=lambda: Speaker.objects.select_related("organisation").prefetch_related(
            "appearances__forum__country", "appearances__session"
        ),
    )
    post_save.connect(_forum_changed, sender=Forum, dispatch_uid="search.forums.forum_parts")
    for signal in (post_save, post_delete):
        signal.connect(_appearance_changed, sender=Appearance, dispatch_uid=f"search.forums.appearance.{signal}")


def _forum_changed(sender: type, instance: Forum, raw: bool = False, **_kw: Any) -> None:
    """Publishing or withdrawing a forum shows or hides everything it contains."""
    if raw:
        return
    refresh("session", instance.sessions.values_list("pk", flat=True))
    refresh("discussion_point", DiscussionPoint.objects.filter(session__forum=instance).values_list("pk", flat=True))
    refresh("recommendation", instance.recommendations.values_list("pk", flat=True))
    refresh("conclusion", instance.conclusions.values_list("pk", flat=True))
    refresh("speaker", instance.appearances.values_list("speaker_id", flat=True).distinct())
    for kind in ("response", "progress_update", "assessment"):
        registration = REGISTRY.get(kind)
        if registration is not None:
            refresh(
                kind, registration.model.objects.filter(recommendation__forum=instance).values_list("pk", flat=True)
            )


def _appearance_changed(sender: type, instance: Appearance, raw: bool = False, **_kw: Any) -> None:
    if not raw:
        refresh("speaker", [instance.speaker_id])
