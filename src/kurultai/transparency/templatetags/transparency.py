"""Money and schedule wording for donor-project pages: every amount keeps its currency."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def money(value: Any, currency: str = "") -> str:
    """``1 234 567 EUR`` in the reader's number format, whole units."""
    if value in (None, ""):
        return "—"
    amount = number_format(Decimal(value).quantize(Decimal(1)), decimal_pos=0, use_l10n=True, force_grouping=True)
    return f"{amount}\u00a0{currency}".strip()


@register.filter
def per_currency(values: dict[str, Decimal] | None) -> str:
    """Amounts in several currencies, side by side and never added together."""
    if not values:
        return "—"
    return " + ".join(money(v, c) for c, v in sorted(values.items()))


@register.filter
def delay_text(row: dict[str, Any]) -> str:
    """ "ended 14 months late", "started on time" … from a schedule row."""
    delay = row.get("delay")
    if delay is None:
        return ""
    months = abs(delay)
    if row["what"] == "start":
        if delay == 0:
            return _("started on time")
        if delay > 0:
            return ngettext("started %(n)s month late", "started %(n)s months late", months) % {"n": months}
        return ngettext("started %(n)s month early", "started %(n)s months early", months) % {"n": months}
    if delay == 0:
        return _("ended on time")
    if delay > 0:
        return ngettext("ended %(n)s month late", "ended %(n)s months late", months) % {"n": months}
    return ngettext("ended %(n)s month early", "ended %(n)s months early", months) % {"n": months}


@register.filter
def texts(value: dict[str, str] | None) -> str:
    """The best text of a ``{language: text}`` value for the reader."""
    from kurultai.core.multilingual import TranslatedText

    return str(TranslatedText(value or {}))


@register.filter
def reasons_text(reasons: list[str]) -> str:
    """Why a project was suggested, in words ("SDG 6, 140 Water supply & sanitation, KG, runs after the forum")."""
    from kurultai.transparency import codelists

    words = []
    for reason in reasons or []:
        kind, _sep, value = str(reason).partition(":")
        if kind == "sdg":
            words.append(_("SDG %(number)s") % {"number": value})
        elif kind == "sector":
            words.append(f"{value} {codelists.name('SectorCategory', value)}")
        elif kind == "country":
            words.append(value)
        elif kind == "period":
            words.append(_("runs after the forum"))
        elif kind == "manual":
            words.append(_("linked by hand"))
    return ", ".join(words)
