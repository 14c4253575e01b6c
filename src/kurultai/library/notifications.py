"""What people follow in the library (a research project; themes and types through the knowledge stream) and the
news it sends: a new publication to followers of its themes, countries, type and project."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.text import plain_excerpt
from kurultai.library.models import Publication, ResearchProject
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Followable, Message, events, followables


def topics_of(publication: Publication) -> dict[str, list[Any]]:
    """Who hears of a publication: the knowledge stream by theme, country and type ("publication" and its own type),
    the followers of its themes and of its research project."""
    return {
        "stream": ["knowledge"],
        "theme": [t.slug for t in publication.themes.all()],
        "country": [c.code for c in publication.countries.all()],
        "knowledge_type": ["publication", f"publication:{publication.type}"],
        "research_project": [publication.project.slug] if publication.project_id else [],
    }


def _published(event: Event) -> Message:
    publication = event.target
    if not isinstance(publication, Publication) or not publication.is_public:
        return Message(title=_("A new publication in the knowledge hub"))
    creators = ", ".join(str(c) for c in publication.creators.all()[:3])
    text = f"{publication.get_type_display()} · {publication.issued}"
    if creators:
        text = f"{creators} · {text}"
    abstract = plain_excerpt(str(publication.abstract), 300)
    return Message(
        title=_("New publication: %(title)s") % {"title": publication.title},
        text=f"{text}\n{abstract}".strip()[:500],
        path=publication.get_absolute_url(),
    )


def announce_publication(publication: Publication, actor: Any) -> None:
    """Tell followers once the publication is committed."""
    from kurultai.notifications.services import emit

    def send() -> None:
        fresh = Publication.objects.filter(pk=publication.pk).select_related("project").first()
        if fresh is not None and fresh.is_public:
            emit("library.published", fresh, actor=actor, topics=topics_of(fresh))

    transaction.on_commit(send)


followables.register(
    Followable(
        kind="research_project",
        label=gettext_lazy("Research project"),
        model=ResearchProject,
        key_field="slug",
        visible=lambda qs: qs.filter(is_published=True),
    )
)
events.register(
    EventType(code="library.published", label=gettext_lazy("New publication"), render=_published, public=True)
)
