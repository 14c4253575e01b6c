"""The one Atom feed every app's feed builds on: absolute links, safe content, named authors, stable ids.

A subclass says what the feed lists (``items``) and, per entry, its ``item_title``, ``item_summary`` (Markdown by
default: rendered and sanitised here, so no script, event handler or ``javascript:`` link can reach a feed reader),
``item_author`` (a public name or an organisation, never an email address) and ``item_updated``. Links are built
from paths with the configured site URL; entry ids are tag URIs that do not change when a record is edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from kurultai.core.stamps import stamps
from kurultai.core.text import absolute_url, clean_html, render_markdown

SummaryFormat = Literal["markdown", "html", "text"]
TAG_DATE = "2025"


def site_host() -> str:
    """The host name of the configured site URL (no port), the authority of tag URIs and calendar UIDs."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def tag_uri(obj: models.Model, kind: str | None = None) -> str:
    """A permanent id such as ``tag:kurultai.example.org,2025:followup.response/12`` (RFC 4151)."""
    kind = kind or obj._meta.label_lower
    return f"tag:{site_host()},{TAG_DATE}:{kind}/{obj.pk}"


def safe_author(name: str) -> str:
    """A name to show as author; anything that looks like an email address gives way to the site's name."""
    name = " ".join(str(name or "").split())
    return settings.SITE_NAME if not name or "@" in name else name


class AtomGenerator(Atom1Feed):
    """Atom with ``<summary type="text">`` for plain-text entries (Django always writes ``type="html"``)."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        if item.get("summary_type") != "text" or item["description"] is None:
            super().add_item_elements(handler, item)
            return
        super().add_item_elements(handler, {**item, "description": None})
        handler.addQuickElement("summary", item["description"], {"type": "text"})


class AtomFeed(Feed):
    """Base of every Kurultai feed (see the module docstring for what a subclass provides)."""

    feed_type = AtomGenerator
    summary_format: ClassVar[SummaryFormat] = "markdown"
    limit: ClassVar[int] = 50

    # What a subclass provides.
    def page_path(self, obj: Any) -> str:
        """The HTML page this feed follows."""
        raise NotImplementedError

    def item_summary(self, item: Any) -> str:
        return ""

    def item_author(self, item: Any) -> str:
        return settings.SITE_NAME

    def item_path(self, item: Any) -> str:
        return item.get_absolute_url()

    def item_updated(self, item: Any) -> dt.datetime:
        return getattr(item, "stamp_changed_at", None) or timezone.now()

    def item_published(self, item: Any) -> dt.datetime | None:
        return None

    def item_id(self, item: Any) -> str:
        return tag_uri(item)

    # Django's hooks, fixed so that every feed follows the same rules.
    def link(self, obj: Any) -> str:
        return absolute_url(self.page_path(obj))

    def author_name(self, obj: Any) -> str:
        return settings.SITE_NAME

    def item_link(self, item: Any) -> str:
        return absolute_url(self.item_path(item))

    def item_description(self, item: Any) -> str:
        text = str(self.item_summary(item) or "")
        if self.summary_format == "text":
            return text
        return clean_html(text) if self.summary_format == "html" else render_markdown(text)

    def item_author_name(self, item: Any) -> str:
        return safe_author(self.item_author(item))

    def item_author_email(self, item: Any) -> None:
        return None

    def item_guid(self, item: Any) -> str:
        return self.item_id(item)

    item_guid_is_permalink = False

    def item_updateddate(self, item: Any) -> dt.datetime:
        return self.item_updated(item)

    def item_pubdate(self, item: Any) -> dt.datetime | None:
        return self.item_published(item)

    def item_extra_kwargs(self, item: Any) -> dict[str, Any]:
        return {"summary_type": "text" if self.summary_format == "text" else "html"}

    def get_feed(self, obj: Any, request: HttpRequest) -> Atom1Feed:
        feed = super().get_feed(obj, request)
        own_url = absolute_url(request.get_full_path())
        feed.feed["feed_url"] = own_url
        feed.feed["id"] = own_url
        return feed

    # Helpers for subclasses.
    @staticmethod
    def with_stamps(items: Iterable[Any], values: Callable[[Any], Any], kind: str = "atom") -> list[Any]:
        """Give records without an "updated" field one: ``stamp_changed_at`` moves when ``values(item)`` change."""
        items = list(items)
        keys = {f"{kind}:{item._meta.label_lower}/{item.pk}": item for item in items}
        found = stamps({key: values(item) for key, item in keys.items()})
        for key, item in keys.items():
            item.stamp_changed_at = found[key].changed_at
        return items
