"""What apps built on the forums (follow-up, dialogue, participation …) add to forum and recommendation pages.

Forums never import those apps; when they start they register here:

- panels: a callable ``(request, recommendation) -> (template, context)`` for the recommendation page, and
  ``(request, forum) -> (template, context) | None`` for the forum page (e.g. the registration box). Forum
  panels are personal parts of the page (:mod:`kurultai.core.holes`), rendered for each person; recommendation
  panels are shared by everyone with the same roles, so what differs per person in them goes through holes;
- facts: an annotation of the recommendation page's query that lets a panel skip its queries when it is empty;
- decorators: a callable ``(recommendations) -> None`` that sets display attributes on a page of
  recommendations (in a constant number of queries), shown in every list row;
- filters: a name, a form field factory and ``(queryset, value) -> queryset`` for the recommendation filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kurultai.core.holes import personal, render_part

RECOMMENDATION_PANELS: list[Callable[[Any, Any], tuple[str, dict]]] = []


def register_recommendation_panel(panel: Callable[[Any, Any], tuple[str, dict]]) -> None:
    if panel not in RECOMMENDATION_PANELS:
        RECOMMENDATION_PANELS.append(panel)


def recommendation_panels(request: Any, recommendation: Any) -> list[dict[str, Any]]:
    """Rendered-later panels: each a template name and its context."""
    return [{"template": t, "context": c} for t, c in (p(request, recommendation) for p in RECOMMENDATION_PANELS)]


RECOMMENDATION_FACTS: dict[str, Callable[[], Any]] = {}


def register_recommendation_fact(name: str, expression: Callable[[], Any]) -> None:
    """An annotation of the recommendation page's own query (an ``Exists(…)``, say) telling a panel whether it
    has anything to fetch: a panel with nothing to show then costs no query of its own."""
    RECOMMENDATION_FACTS[name] = expression


def recommendation_facts() -> dict[str, Any]:
    return {name: expression() for name, expression in RECOMMENDATION_FACTS.items()}


FORUM_PANELS: list[Callable[[Any, Any], tuple[str, dict] | None]] = []


def register_forum_panel(panel: Callable[[Any, Any], tuple[str, dict] | None]) -> None:
    if panel not in FORUM_PANELS:
        FORUM_PANELS.append(panel)


@personal("forum_panels")
def forum_panels(request: Any, forum: Any) -> str:
    """The forum page's panels, rendered for this person (a panel may return None to show nothing)."""
    found = (p(request, forum) for p in FORUM_PANELS)
    return "".join(render_part(t, c, request) for t, c in (item for item in found if item is not None))


RECOMMENDATION_DECORATORS: list[Callable[[list[Any]], None]] = []


@dataclass(frozen=True)
class RecommendationFilter:
    name: str
    field: Callable[[], Any]
    apply: Callable[[Any, Any], Any]


RECOMMENDATION_FILTERS: dict[str, RecommendationFilter] = {}


def register_recommendation_decorator(decorator: Callable[[list[Any]], None]) -> None:
    if decorator not in RECOMMENDATION_DECORATORS:
        RECOMMENDATION_DECORATORS.append(decorator)


def register_recommendation_filter(name: str, field: Callable[[], Any], apply: Callable[[Any, Any], Any]) -> None:
    RECOMMENDATION_FILTERS[name] = RecommendationFilter(name, field, apply)


def decorate_recommendations(recommendations: Iterable[Any]) -> list[Any]:
    """The recommendations as a list, with what other apps show in a list row (e.g. the implementation status)."""
    items = list(recommendations)
    if items:
        for decorator in RECOMMENDATION_DECORATORS:
            decorator(items)
    return items
