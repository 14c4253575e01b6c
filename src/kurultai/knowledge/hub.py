"""The hub's home is shared: apps above this one register their sections, hubs (for roles) and knowledge types.

See ``register_section``, ``register_hub`` and ``register_type``; each may be called again with the same key (the
later call replaces the earlier one), so reloading an app is harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    """A part of the hub shown on its home: a title, the page it links to, and how many public items it holds."""

    title: Any
    url_name: str
    count: Callable[[], int] | None = None
    description: Any = ""
    order: int = 100


_sections: dict[str, Section] = {}
_hubs: dict[str, Any] = {"practices": _("Good practices and demonstration sites")}
_types: dict[str, Any] = {"practice": _("Good practice"), "site": _("Demonstration site")}


def register_section(
    title: Any,
    url_name: str,
    count_callable: Callable[[], int] | None = None,
    *,
    description: Any = "",
    order: int = 100,
) -> Section:
    """Show a section on the hub's home (``url_name`` is reversed without arguments)."""
    section = Section(title=title, url_name=url_name, count=count_callable, description=description, order=order)
    _sections[url_name] = section
    return section


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: (s.order, str(s.title)))


def register_hub(key: str, title: Any) -> None:
    """A hub whose reviewers and publishers are granted on the roles page."""
    _hubs[str(key)[:30]] = title


def hubs() -> list[tuple[str, Any]]:
    return list(_hubs.items())


def register_type(key: str, label: Any) -> None:
    """A kind of hub record people can follow ("knowledge_type" filter of the "knowledge" stream)."""
    _types[str(key)[:30]] = label


def types() -> list[tuple[str, Any]]:
    return list(_types.items())
