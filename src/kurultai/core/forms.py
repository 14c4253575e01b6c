"""Form fields that several apps' filter forms share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.core.widgets import FastSelect


def filter_field(queryset: Any, key: str, label: Any, empty_label: Any, **kwargs: Any) -> forms.ModelChoiceField:
    """An optional GET filter chosen by a readable key (slug or code) from a fast ``<select>``."""
    field_class = kwargs.pop("field_class", forms.ModelChoiceField)
    return field_class(
        queryset=queryset,
        to_field_name=key,
        required=False,
        label=label,
        empty_label=empty_label,
        widget=FastSelect,
        **kwargs,
    )


def country_filter() -> forms.ModelChoiceField:
    return filter_field(Country.objects.all(), "code", _("Country"), _("All countries"))


def theme_filter() -> forms.ModelChoiceField:
    return filter_field(Theme.objects.all(), "slug", _("Theme"), _("All themes"))
