"""How forums and recommendations appear in the search index."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.forums.models import Forum, Recommendation


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
        public=rec.forum.is_published,
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
        watch=[Recommendation.themes.through, Recommendation.countries.through],
    )
