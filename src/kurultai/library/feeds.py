"""Atom feeds of new publications: all, per type and per theme."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.core.models import Theme
from kurultai.library.models import Publication, PublicationType


class PublicationsFeed(AtomFeed):
    """Published publications, newest first, optionally of one type or theme."""

    def get_object(self, request: HttpRequest, type: str = "", slug: str = "") -> dict[str, Any]:
        if type and type not in PublicationType.values:
            raise Http404
        theme = Theme.objects.filter(slug=slug).first() if slug else None
        if slug and theme is None:
            raise Http404
        return {"type": type, "theme": theme}

    def title(self, obj: dict[str, Any]) -> str:
        if obj["type"]:
            return _("Publications: %(type)s") % {"type": PublicationType(obj["type"]).label}
        if obj["theme"]:
            return _("Publications on %(theme)s") % {"theme": obj["theme"]}
        return _("Publications")

    def subtitle(self, obj: dict[str, Any]) -> str:
        return _("New monographs, reports, policy briefs and other publications of the knowledge hub.")

    def page_path(self, obj: dict[str, Any]) -> str:
        path = reverse("library:publications")
        if obj["type"]:
            return f"{path}?type={obj['type']}"
        if obj["theme"]:
            return f"{path}?theme={obj['theme'].slug}"
        return path

    def items(self, obj: dict[str, Any]) -> list[Publication]:
        queryset = Publication.objects.published()
        if obj["type"]:
            queryset = queryset.filter(type=obj["type"])
        if obj["theme"]:
            queryset = queryset.filter(themes=obj["theme"])
        return list(queryset.prefetch_related("creators__organisation").order_by("-published_at", "-pk")[: self.limit])

    def item_title(self, item: Publication) -> str:
        return str(item.title)

    def item_summary(self, item: Publication) -> str:
        facts = " · ".join([str(item.get_type_display()), item.issued, item.publisher]).strip(" ·")
        return "\n\n".join(p for p in (facts, str(item.abstract)) if p)

    def item_author(self, item: Publication) -> str:
        return ", ".join(str(c) for c in item.creators.all()[:5])

    def item_updated(self, item: Publication) -> dt.datetime:
        return item.updated_at

    def item_published(self, item: Publication) -> dt.datetime | None:
        return item.published_at
