"""Atom feeds of published good practices: all of them, or those of one thematic area."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.core.models import Theme
from kurultai.knowledge.models import Practice


class PracticesFeed(AtomFeed):
    """Newly published practices (and new versions), newest first; ``theme`` narrows it to one thematic area."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Theme | None:
        slug = kwargs.get("slug")
        return get_object_or_404(Theme, slug=slug) if slug else None

    def title(self, obj: Theme | None) -> str:
        if obj is None:
            return _("Good practices")
        return _("Good practices: %(theme)s") % {"theme": obj.name}

    def subtitle(self, obj: Theme | None) -> str:
        return _("Good practices published in the knowledge hub.")

    def page_path(self, obj: Theme | None) -> str:
        path = reverse("knowledge:practices")
        return f"{path}?theme={obj.slug}" if obj is not None else path

    def items(self, obj: Theme | None) -> list[Practice]:
        queryset = Practice.objects.published().select_related("current", "current__country")
        if obj is not None:
            queryset = queryset.filter(current__themes=obj)
        return list(queryset.order_by("-current__published_at", "-pk")[: self.limit])

    def item_title(self, item: Practice) -> str:
        return str(item.current.title)

    def item_summary(self, item: Practice) -> str:
        version = item.current
        where = str(version.country) if version.country_id else ""
        return "\n\n".join(p for p in (where, str(version.summary)) if p)

    def item_updated(self, item: Practice) -> dt.datetime:
        return item.current.published_at or item.created_at

    def item_published(self, item: Practice) -> dt.datetime | None:
        return item.current.published_at
