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


class SearchSelect(forms.Widget):
    """Pick one record among thousands without JavaScript: a name search with a "Find" button, then a short list.

    The list holds the chosen record and at most ``limit`` matches of the search, so the page stays small and its
    queries bounded; the form field validates any id of its full queryset. Used by
    :class:`kurultai.core.forms.SearchableModelChoiceField`.
    """

    template_name = "core/widgets/search_select.html"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.query = ""
        self.options: list[tuple[str, str]] = []
        self.more = False
        self.empty_label = ""

    @staticmethod
    def query_name(name: str) -> str:
        return f"{name}__q"

    @staticmethod
    def find_name(name: str) -> str:
        return f"{name}__find"

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget_id = widget["attrs"].get("id") or f"id_{name}"
        selected = "" if value in (None, "") else str(value)
        widget |= {
            "query": self.query,
            "query_name": self.query_name(name),
            "query_id": f"{widget_id}__q",
            "find_name": self.find_name(name),
            "options": [(key, label, key == selected) for key, label in self.options],
            "empty_label": self.empty_label,
            "more": self.more,
            "searched": bool(self.query),
        }
        return context
