"""Atom feed of forum editions: a new or upcoming edition, or a change to one, appears in feed readers."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.core.templatetags.kurultai import date_range
from kurultai.forums import selectors
from kurultai.forums.models import Forum


class ForumsFeed(AtomFeed):
    """Published editions, the latest (or next) first."""

    def title(self, obj: Any) -> str:
        return _("Forums")

    def subtitle(self, obj: Any) -> str:
        return _("New and upcoming editions of the forums.")

    def page_path(self, obj: Any) -> str:
        return reverse("forums:forum_list")

    def items(self, obj: Any) -> list[Forum]:
        forums = selectors.published_forums().order_by("-start_date")[: self.limit]
        return self.with_stamps(
            forums,
            lambda f: [f.title, f.theme, f.concept, f.start_date, f.end_date, f.date_precision, f.city, f.country_id],
        )

    def item_title(self, item: Forum) -> str:
        return str(item.title)

    def item_summary(self, item: Forum) -> str:
        if item.date_precision == Forum.DatePrecision.DAY:
            when = date_range(item.start_date, item.end_date)
        else:
            when = str(item.start_date.year)
        place = ", ".join(str(p) for p in (item.city, item.country or "") if str(p))
        parts = [f"**{item.theme}**" if item.theme else "", " · ".join(p for p in (when, place) if p)]
        parts.append(str(item.concept))
        return "\n\n".join(p for p in parts if p)
