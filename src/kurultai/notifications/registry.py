"""What apps plug into the delivery system: the things people can follow, the events apps emit, the channels.

Each app declares its followables, streams and event types in its own ``notifications.py``; the registry
collects them at start-up with ``autodiscover_modules("notifications")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.db import models

from kurultai.core.text import absolute_url

if TYPE_CHECKING:
    from kurultai.notifications.channels import Channel
    from kurultai.notifications.models import Event


@dataclass(frozen=True)
class Message:
    """One item as a recipient reads it, already in their language."""

    title: str
    text: str = ""
    path: str = ""
    # Files that travel with the mail (name, content, MIME type), e.g. a registration's calendar entry.
    attachments: tuple[tuple[str, bytes, str], ...] = ()

    @property
    def url(self) -> str:
        return absolute_url(self.path) if self.path else ""


@dataclass(frozen=True)
class EventType:
    """Something that happens and that followers are told about.

    ``render`` is called inside ``translation.override(language)`` and returns the recipient's :class:`Message`;
    ``public`` events may also go to the public Telegram channels.
    """

    code: str
    label: Any
    render: Callable[[Event], Message]
    public: bool = False


@dataclass(frozen=True)
class Followable:
    """A kind of thing a person follows by itself (a forum, a recommendation, a country …).

    ``key_of`` gives the key stored in subscriptions (a slug, a code, an id), ``lookup`` finds objects by keys in
    one query, and the label is what "What you follow" shows.
    """

    kind: str
    label: Any
    model: type[models.Model]
    key_field: str = "pk"
    visible: Callable[[models.QuerySet], models.QuerySet] = lambda qs: qs

    def key_of(self, obj: models.Model) -> str:
        return str(getattr(obj, self.key_field))

    def lookup(self, keys: Iterable[str]) -> dict[str, models.Model]:
        keys = [k for k in keys if k]
        if self.key_field == "pk":
            keys = [k for k in keys if k.isdigit() and int(k) < 2**63]
        objects = self.visible(self.model._default_manager.filter(**{f"{self.key_field}__in": keys}))
        return {self.key_of(obj): obj for obj in objects}


@dataclass(frozen=True)
class Stream:
    """A flow of events people subscribe to with filters ("follow-up news in Tajikistan on water").

    ``dimensions`` are the filters offered, e.g. ``("country", "theme", "addressee")``.
    """

    key: str
    label: Any
    dimensions: tuple[str, ...] = ("country", "theme")


@dataclass(frozen=True)
class Dimension:
    """A filter a stream can be narrowed by, with the choices shown on the subscription form."""

    key: str
    label: Any
    choices: Callable[[], list[tuple[str, str]]] = field(default=lambda: [])


T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by key; registering the same key twice is a programming error."""

    def __init__(self, key_attr: str) -> None:
        self._items: dict[str, T] = {}
        self._key_attr = key_attr

    def register(self, item: T) -> T:
        key = getattr(item, self._key_attr)
        if key in self._items and self._items[key] is not item:
            raise ValueError(f"{key!r} is registered twice")
        self._items[key] = item
        return item

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __iter__(self):
        return iter(self._items.values())

    def keys(self) -> list[str]:
        return list(self._items)


events: Registry[EventType] = Registry("code")
followables: Registry[Followable] = Registry("kind")
streams: Registry[Stream] = Registry("key")
dimensions: Registry[Dimension] = Registry("key")
channels: Registry[Channel] = Registry("key")


def followable_for(obj: models.Model) -> Followable | None:
    """The followable kind of a model instance, if any."""
    for followable in followables:
        if isinstance(obj, followable.model):
            return followable
    return None
