"""``{% machine_translation_button obj %}``: editors fill a record's missing languages by machine translation."""

from __future__ import annotations

from typing import Any

from django import template

from kurultai.accounts.roles import is_editor
from kurultai.core import machine_translation

register = template.Library()


@register.inclusion_tag("core/_machine_translation_button.html", takes_context=True)
def machine_translation_button(context: Any, obj: Any) -> dict[str, Any]:
    """The button for editors when the record lacks languages; a plain note when the feature is off."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not is_editor(user) or not machine_translation.missing_languages(obj):
        return {"show": False}
    return {
        "show": True,
        "enabled": machine_translation.is_enabled(),
        "label": obj._meta.label_lower,
        "pk": obj.pk,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
