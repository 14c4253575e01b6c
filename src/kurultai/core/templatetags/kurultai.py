"""Template helpers shared by every app."""

import datetime as dt
import re
from collections.abc import Iterable

from django import template
from django.conf import settings
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
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
    """A note of its own, in the reader's language, when the text is a fallback or a machine translation."""
    if not isinstance(value, TranslatedText) or not value:
        return {"show": False}
    shown = value.language
    return {
        "show": value.is_fallback or value.is_machine,
        "machine": value.is_machine,
        "reader": active_language(),
        "in_original": shown == value.original,
        "language": str(dict(settings.LANGUAGES).get(shown, shown)),
    }


@register.simple_tag
def date_range(start: dt.date, end: dt.date | None = None) -> str:
    """``28–30 January 2025``, ``2025 жылғы 28–30 қаңтар``: the language's date format, the year said once."""
    full = get_format("DATE_FORMAT")
    if not end or end == start:
        return date_format(start, full)
    if (start.year, start.month) == (end.year, end.month):
        # The day code becomes the literal range; digits and dashes are not format codes.
        return date_format(end, re.sub(r"(?<!\\)j", f"{start.day}–{end.day}", full, count=1))
    if start.year == end.year:
        day_month = get_format("MONTH_DAY_FORMAT")
        if full.lstrip().startswith("Y"):
            return f"{date_format(start, full)} – {date_format(end, day_month)}"
        return f"{date_format(start, day_month)} – {date_format(end, full)}"
    return f"{date_format(start, full)} – {date_format(end, full)}"


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
    return settings.SITE_NAME
