"""Template helpers shared by every app."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from kurultai.core.multilingual import TranslatedText, active_language
from kurultai.core.text import render_markdown

register = template.Library()


@register.filter
def markdown(value: object) -> SafeString:
    """Render user-written Markdown as sanitised HTML."""
    return mark_safe(render_markdown(str(value or "")))


@register.filter
def langattr(value: object) -> SafeString:
    """`` lang="xx"`` when a translated text is shown in another language than the page."""
    if isinstance(value, TranslatedText):
        lang = value.language
        if lang and lang != active_language():
            return format_html(' lang="{}"', lang)
    return mark_safe("")


@register.inclusion_tag("core/fallback_note.html")
def fallback_note(value: object) -> dict:
    """A short note when the text is a fallback or a machine translation."""
    if not isinstance(value, TranslatedText) or not value:
        return {"show": False}
    return {"show": value.is_fallback or value.is_machine, "text": value}
