"""Sections that apps below the forums (follow-up, dialogue …) add to a recommendation page.

Forums never import those apps; they register a callable ``(request, recommendation) ->
(template, context)`` here when they start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RECOMMENDATION_PANELS: list[Callable[[Any, Any], tuple[str, dict]]] = []


def register_recommendation_panel(panel: Callable[[Any, Any], tuple[str, dict]]) -> None:
    if panel not in RECOMMENDATION_PANELS:
        RECOMMENDATION_PANELS.append(panel)


def recommendation_panels(request: Any, recommendation: Any) -> list[dict[str, Any]]:
    """Rendered-later panels: each a template name and its context."""
    return [{"template": t, "context": c} for t, c in (p(request, recommendation) for p in RECOMMENDATION_PANELS)]
