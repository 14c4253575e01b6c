"""Template helpers shared by every app."""

import datetime as dt
from collections.abc import Iterable

from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kurultai.core.models import Country
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


@register.simple_tag
def date_range(start: dt.date, end: dt.date | None = None) -> str:
    """``28–30 January 2025``; full dates only where month or year differ."""
    if not end or end == start:
        return date_format(start, "j E Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'j E Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j E')} – {date_format(end, 'j E Y')}"
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"


@register.filter
def compact_countries(countries: Iterable[Country]) -> list[str]:
    """Country names, with all five Central Asian countries shown as one "Central Asia" label."""
    countries = list(countries)
    central = [c for c in countries if c.region == Country.Region.CENTRAL_ASIA]
    if len(central) == 5:
        others = [str(c) for c in countries if c.region != Country.Region.CENTRAL_ASIA]
        return [_("All of Central Asia"), *others]
    return [str(c) for c in countries]


@register.simple_tag
def site_name() -> str:
    """The platform's configured name (for emails, where no request context exists)."""
    from django.conf import settings

    return settings.SITE_NAME
