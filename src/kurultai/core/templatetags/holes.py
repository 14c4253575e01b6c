"""``{% personal "name" arg … %}``: a personal part of a page (see :mod:`kurultai.core.holes`)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from kurultai.core.holes import hole

register = template.Library()


@register.simple_tag(takes_context=True)
def personal(context: Any, name: str, *args: Any) -> SafeString:
    return hole(context.get("request"), name, *args)
