"""Form fields and mixins that several apps' forms share."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.core.multilingual import active_language
from kurultai.core.widgets import FastSelect, SearchSelect

INTEGER_FIELDS = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}
INTEGER_KEY = re.compile(r"-?\d{1,19}", re.ASCII)
BIGINT_RANGE = range(-(2**63), 2**63)


class SafeKeysMixin:
    """Choices no database row can have (beyond 64 bits, not a number, NUL bytes) are a form error, not a crash."""

    def _key_field(self) -> Any:
        meta = self.queryset.model._meta
        return meta.pk if (self.to_field_name or "pk") == "pk" else meta.get_field(self.to_field_name)

    def _possible(self, value: Any) -> bool:
        if isinstance(value, self.queryset.model):
            return True
        text = str(value)
        if "\x00" in text:
            return False
        key = self._key_field()
        if key.get_internal_type() in INTEGER_FIELDS:
            return bool(INTEGER_KEY.fullmatch(text.strip())) and int(text) in BIGINT_RANGE
        max_length = getattr(key, "max_length", None)
        return max_length is None or len(text) <= max_length

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not isinstance(value, list | tuple) and not self._possible(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "…"})
        return super().to_python(value)

    def _check_values(self, value: Any) -> Any:
        for item in value:
            if not self._possible(item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": str(item)[:40]}
                )
        return super()._check_values(value)


class SafeModelChoiceField(SafeKeysMixin, forms.ModelChoiceField):
    """A ``ModelChoiceField`` that answers impossible ids with a form error."""


class SafeModelMultipleChoiceField(SafeKeysMixin, forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` that answers impossible ids with a form error."""


_SAFE_CLASSES: dict[type, type] = {}


def _safe_class(cls: type) -> type:
    if issubclass(cls, SafeKeysMixin):
        return cls
    if cls not in _SAFE_CLASSES:
        _SAFE_CLASSES[cls] = type(f"Safe{cls.__name__}", (SafeKeysMixin, cls), {})
    return _SAFE_CLASSES[cls]


class SafeChoicesMixin:
    """For every form: each model choice field (declared or generated) refuses impossible ids cleanly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.__class__ = _safe_class(type(field))


def filter_field(queryset: Any, key: str, label: Any, empty_label: Any, **kwargs: Any) -> forms.ModelChoiceField:
    """An optional GET filter chosen by a readable key (slug or code) from a fast ``<select>``."""
    field_class = _safe_class(kwargs.pop("field_class", forms.ModelChoiceField))
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


TEXT_LANGUAGE = "text_language"


def text_language_field() -> forms.ChoiceField:
    """'Language of your text': what the writer chose, defaulting to the page's language."""
    return forms.ChoiceField(
        label=_("Language of your text"),
        choices=settings.LANGUAGES,
        required=False,
        initial=active_language(),
        help_text=_("Readers of other languages see your text marked with this language."),
    )


class TextLanguageMixin:
    """For every form where someone writes a contribution: record the language it was written in.

    The page's language is only the default; a Russian text typed on an English page is marked Russian.
    ``text_language_after`` names the field the choice follows.
    """

    text_language_after = "text"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = list(self.fields.items())
        names = [name for name, _field in fields]
        at = names.index(self.text_language_after) + 1 if self.text_language_after in names else len(fields)
        fields.insert(at, (TEXT_LANGUAGE, text_language_field()))
        self.fields = dict(fields)

    def clean_text_language(self) -> str:
        """The chosen language; a submission without one (an older form, a script) gets the page's language."""
        return self.cleaned_data.get(TEXT_LANGUAGE) or active_language()


class SearchableModelChoiceField(SafeModelChoiceField):
    """A choice among very many records (organisations): found by name, validated against the whole queryset.

    ``search(queryset, words, limit)`` returns the matching records, best first; the default uses the site search
    index of ``search_kind``. Forms using it mix in :class:`SearchableFormMixin` so that "Find" only searches.
    """

    widget = SearchSelect

    def __init__(
        self,
        queryset: Any,
        *,
        search_kind: str = "",
        search: Any = None,
        limit: int = 20,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("empty_label", _("Choose after searching"))
        super().__init__(queryset, **kwargs)
        self.search_kind, self.search, self.limit = search_kind, search, limit

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> Any:
        """Fill the widget's short list from the form's data: the chosen record plus the matches of the search."""
        widget = self.widget
        data = form.data if form.is_bound else {}
        prefixed = form.add_prefix(field_name)
        widget.query = str(data.get(SearchSelect.query_name(prefixed), "")).strip()[:100]
        chosen_key = data.get(prefixed) if form.is_bound else form.get_initial_for_field(self, field_name)
        found = list(self._matches(widget.query)) if widget.query else []
        widget.more = len(found) > self.limit
        rows = found[: self.limit]
        chosen = self._chosen(chosen_key)
        if chosen is not None and chosen.pk not in {row.pk for row in rows}:
            rows.insert(0, chosen)
        widget.options = [(str(row.pk), self.label_from_instance(row)) for row in rows]
        widget.empty_label = str(self.empty_label or "")
        return super().get_bound_field(form, field_name)

    def _chosen(self, key: Any) -> Any:
        if isinstance(key, self.queryset.model):
            return key
        if key in self.empty_values or not self._possible(key):
            return None
        return self.queryset.filter(pk=key).first()

    def _matches(self, words: str) -> Any:
        if self.search is not None:
            return self.search(self.queryset, words, self.limit + 1)
        from kurultai.core.search import matching_ids

        ids = matching_ids(words, self.search_kind, limit=self.limit * 5)
        rows = self.queryset.in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows][: self.limit + 1]


class SearchableFormMixin:
    """A form whose organisation (or other) picker was asked to "Find" is only being searched, not submitted."""

    @property
    def searching(self) -> bool:
        return self.is_bound and any(
            SearchSelect.find_name(self.add_prefix(name)) in self.data
            for name, field in self.fields.items()
            if isinstance(field, SearchableModelChoiceField)
        )

    def is_valid(self) -> bool:
        return not self.searching and super().is_valid()

    @property
    def errors(self) -> Any:
        if self.searching:
            return forms.utils.ErrorDict()
        return super().errors
