"""Form widgets tuned for pages that must render fast on every request."""

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class FastSelect(forms.Select):
    """A ``<select>`` rendered with string formatting instead of one template per option.

    Filter forms list every theme, country and session; Django's per-option templates made
    them the slowest part of the recommendation list.
    """

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, " selected" if str(option_value) in selected else "", label)
                for option_value, label in self._option_pairs()
            ),
        )
        pairs = ((k, v) for k, v in final_attrs.items() if v not in (None, False))
        attributes = format_html_join("", ' {}="{}"', pairs)
        return format_html("<select{}>{}</select>", attributes, options)

    def _option_pairs(self) -> Any:
        for option_value, label in self.choices:
            yield ("" if option_value is None else str(option_value)), label
