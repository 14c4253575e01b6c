"""Multilingual content: one JSON value per text field, ``{"en": "…", "ru": "…"}``.

Every translatable model keeps an explicit ``original_language``. Reading a field gives a
:class:`TranslatedText` that renders in the active language, falling back to the reader's regional
languages (``settings.CONTENT_FALLBACK_BY_LANGUAGE``: Russian for Central Asian readers), then to the
original language, then to ``settings.CONTENT_FALLBACK_LANGUAGES``. Languages listed under the
``"_machine"`` key were produced by machine translation and are labelled as such.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kurultai.core.limits import default_max_length, prohibit_control_characters

MACHINE_KEY = "_machine"


def language_codes() -> list[str]:
    """All content languages, in the order of ``settings.LANGUAGES``."""
    return [code for code, _name in settings.LANGUAGES]


def active_language() -> str:
    """The request's language reduced to one of ours (``ru-ru`` → ``ru``)."""
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return lang if lang in language_codes() else settings.LANGUAGE_CODE


def written_language(*values: Any) -> str:
    """The language of text typed in one-box-per-language fields: the page's if its box is filled, else the first."""
    filled = set()
    for value in values:
        filled |= set(coerce(value).texts()) if value else set()
    page = active_language()
    if page in filled or not filled:
        return page
    return next(code for code in language_codes() if code in filled)


def fallback_order(lang: str, original: str | None = None) -> list[str]:
    """Languages tried, in order, for a reader of ``lang``: theirs, the one they read next, the original, the rest."""
    order = [lang, *settings.CONTENT_FALLBACK_BY_LANGUAGE.get(lang, ()), original, *settings.CONTENT_FALLBACK_LANGUAGES]
    return list(dict.fromkeys(code for code in order if code))


class TranslatedText(dict):
    """A field's translations; ``str()`` gives the best text for the active language."""

    original: str | None = None

    def texts(self) -> dict[str, str]:
        """Only the language → text entries, without metadata keys."""
        return {k: v for k, v in self.items() if not k.startswith("_") and isinstance(v, str) and v.strip()}

    def resolve_language(self, lang: str | None = None) -> str | None:
        """The language whose text is shown when ``lang`` is asked for."""
        texts = self.texts()
        for code in fallback_order(lang or active_language(), self.original):
            if code in texts:
                return code
        return next(iter(texts), None)

    def in_language(self, lang: str | None = None) -> str:
        """The text for ``lang`` (or the active language) with fallback; '' when empty."""
        code = self.resolve_language(lang)
        return self.texts()[code] if code else ""

    @property
    def language(self) -> str | None:
        """Language of the text that ``str()`` shows now (for the HTML ``lang`` attribute)."""
        return self.resolve_language()

    @property
    def is_fallback(self) -> bool:
        """True when the active language has no text of its own."""
        return self.language not in (None, active_language())

    @property
    def is_machine(self) -> bool:
        """True when the shown text was machine-translated."""
        return self.language in self.get(MACHINE_KEY, [])

    def __str__(self) -> str:
        return self.in_language()

    def __bool__(self) -> bool:
        return bool(self.texts())


def coerce(value: Any) -> TranslatedText:
    """Turn stored or assigned values into :class:`TranslatedText`.

    A plain string is taken to be written in the active language.
    """
    if isinstance(value, TranslatedText):
        return value
    if value is None or value == "":
        return TranslatedText()
    if isinstance(value, str):
        return TranslatedText({active_language(): value})
    if isinstance(value, dict):
        return TranslatedText(value)
    raise TypeError(f"Cannot use {type(value).__name__} as translated text")


class TranslatedDescriptor:
    """Stores the value on the instance and hands out :class:`TranslatedText`."""

    def __init__(self, field: TranslatedField) -> None:
        self.field = field

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        attname = self.field.attname
        if attname not in instance.__dict__:
            instance.refresh_from_db(fields=[attname])
        value = instance.__dict__[attname]
        value.original = getattr(instance, "original_language", None)
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        new = coerce(value)
        old = instance.__dict__.get(self.field.attname)
        if isinstance(old, TranslatedText) and old.get(MACHINE_KEY) and MACHINE_KEY not in new:
            # A person's edit: machine marks stay only on languages whose text it left as it was.
            kept = [code for code in old[MACHINE_KEY] if (new.get(code) or "").strip() == (old.get(code) or "").strip()]
            if kept:
                new = TranslatedText({**new, MACHINE_KEY: kept})
        instance.__dict__[self.field.attname] = new


class TranslatedWidget(forms.MultiWidget):
    """One input per content language, each labelled with its language."""

    template_name = "core/widgets/translated.html"

    def __init__(self, multiline: bool = False, attrs: dict | None = None) -> None:
        base = forms.Textarea(attrs={"rows": 3}) if multiline else forms.TextInput()
        widgets = {code: base for code in language_codes()}
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[str]:
        data = coerce(value) if value else TranslatedText()
        return [data.get(code, "") for code in language_codes()]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        """Open the box of the page's language and every box with text; the rest wait behind "add a translation"."""
        context = super().get_context(name, value, attrs)
        names = dict(settings.LANGUAGES)
        primary = active_language()
        shown, hidden = [], []
        for code, sub in zip(language_codes(), context["widget"]["subwidgets"], strict=True):
            sub["language_code"] = code
            sub["language_name"] = names[code]
            (shown if code == primary or (sub.get("value") or "").strip() else hidden).append(sub)
        shown.sort(key=lambda sub: sub["language_code"] != primary)
        context["widget"]["shown"], context["widget"]["hidden"] = shown, hidden
        return context

    def id_for_label(self, id_: str) -> str:
        """The field's label points at the box of the page's language, the one that is open."""
        if not id_:
            return id_
        return f"{id_}_{language_codes().index(active_language())}"


class TranslatedFormField(forms.MultiValueField):
    """Form field for a translated text; at least one language must be filled when required."""

    def __init__(self, *, multiline: bool = False, max_length: int | None = None, **kwargs: Any) -> None:
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        limit = max_length if max_length is not None else default_max_length(multiline)
        fields = [
            forms.CharField(required=False, max_length=limit, validators=[prohibit_control_characters])
            for _code in language_codes()
        ]
        super().__init__(
            fields=fields,
            widget=TranslatedWidget(multiline=multiline),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list: list[str]) -> TranslatedText:
        values = {code: text.strip() for code, text in zip(language_codes(), data_list or [], strict=False) if text}
        return TranslatedText({k: v for k, v in values.items() if v})

    def clean(self, value: Any) -> TranslatedText:
        result = super().clean(value)
        if self.required and not result:
            raise forms.ValidationError(_("Enter the text in at least one language."), code="required")
        return result

    def has_changed(self, initial: Any, data: Any) -> bool:
        return dict(coerce(initial).texts()) != dict(self.compress(data or []).texts())


class TranslatedField(models.JSONField):
    """A user-facing text stored in every language it has, as one JSON object."""

    descriptor_class = TranslatedDescriptor

    def __init__(self, *args: Any, multiline: bool = False, max_length: int | None = None, **kwargs: Any):
        self.multiline = multiline
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple:
        name, path, args, kwargs = super().deconstruct()
        if self.multiline:
            kwargs["multiline"] = True
        if self.text_max_length:
            kwargs["max_length"] = self.text_max_length
        if kwargs.get("default") is dict:
            del kwargs["default"]
        return name, path, args, kwargs

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> TranslatedText:
        return coerce(super().from_db_value(value, expression, connection))

    def get_prep_value(self, value: Any) -> Any:
        # Plain values pass through untouched so that lookups such as ``name__en="…"`` compare strings.
        return super().get_prep_value(dict(value) if isinstance(value, TranslatedText) else value)

    @property
    def max_text_length(self) -> int:
        """Characters allowed per language: the field's own limit, else the shared one (``core.limits``)."""
        return self.text_max_length or default_max_length(self.multiline)

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        text = coerce(value)
        if not self.blank and not text:
            raise models.ValidationError(self.error_messages["blank"], code="blank")
        for code, item in text.texts().items():
            prohibit_control_characters(item)
            if len(item) > self.max_text_length:
                raise models.ValidationError(
                    _("The %(language)s text is longer than %(limit)d characters."),
                    params={"language": code, "limit": self.max_text_length},
                    code="max_length",
                )

    def formfield(self, **kwargs: Any) -> forms.Field:
        return TranslatedFormField(
            multiline=self.multiline,
            max_length=self.max_text_length,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name.capitalize()),
            help_text=self.help_text,
        )

    def value_to_string(self, obj: models.Model) -> Any:
        return dict(self.value_from_object(obj))


class TranslatableModel(models.Model):
    """Base for records with translated fields: knows the language it was written in."""

    original_language = models.CharField(_("original language"), max_length=8, choices=settings.LANGUAGES, default="en")

    class Meta:
        abstract = True
