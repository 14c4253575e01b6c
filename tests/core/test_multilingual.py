"""Translated content: fallback order, original language, machine marks, forms and storage."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kurultai.core.models import Country, Theme
from kurultai.core.multilingual import TranslatedFormField, TranslatedText, coerce


def text(values: dict, original: str | None = None) -> TranslatedText:
    result = TranslatedText(values)
    result.original = original
    return result


def test_shows_the_active_language_when_present():
    value = text({"en": "Water", "ru": "Вода"}, original="en")
    with translation.override("ru"):
        assert str(value) == "Вода"
        assert not value.is_fallback


def test_falls_back_to_original_language_before_english():
    value = text({"en": "Suv (en)", "uz": "Suv"}, original="uz")
    with translation.override("kk"):
        assert str(value) == "Suv"
        assert value.language == "uz"
        assert value.is_fallback


def test_central_asian_readers_get_russian_before_the_original_and_english():
    value = text({"ru": "Вода", "en": "Water", "uz": "Suv"}, original="uz")
    for lang in ("kk", "ky", "tg", "tk"):
        with translation.override(lang):
            assert str(value) == "Вода"
            assert value.language == "ru"
    with translation.override("en"):
        assert str(text({"ru": "Вода", "uz": "Suv"}, original="uz")) == "Suv"


def test_falls_back_to_english_then_russian():
    with translation.override("en"):
        assert str(text({"ru": "Вода", "tk": "Suw"}, original="ky")) == "Вода"
    with translation.override("tg"):
        assert str(text({"kk": "Су", "en": "Water"}, original="ky")) == "Water"
        assert str(text({})) == ""


def test_machine_translations_are_marked():
    value = text({"en": "Water", "ru": "Вода", "_machine": ["ru"]}, original="en")
    with translation.override("ru"):
        assert value.is_machine
    with translation.override("en"):
        assert not value.is_machine


def test_blank_translations_do_not_count():
    value = text({"en": "Water", "ru": "   "}, original="en")
    with translation.override("ru"):
        assert str(value) == "Water"


def test_plain_string_is_taken_as_the_active_language():
    with translation.override("ru"):
        assert coerce("Привет") == {"ru": "Привет"}


@pytest.mark.django_db
def test_round_trip_through_the_database_keeps_every_language():
    theme = Theme.objects.create(slug="t", name={"en": "Youth", "ru": "Молодёжь"}, original_language="en")
    loaded = Theme.objects.get(pk=theme.pk)
    assert dict(loaded.name) == {"en": "Youth", "ru": "Молодёжь"}
    with translation.override("ru"):
        assert str(loaded) == "Молодёжь"


@pytest.mark.django_db
def test_deferred_field_loads_on_access():
    country = Country.objects.only("code").get(code="KZ")
    with translation.override("ru"):
        assert str(country.name) == "Казахстан"


def test_form_field_requires_one_language_and_drops_empty_ones():
    field = TranslatedFormField(required=True)
    with translation.override("en"), pytest.raises(ValidationError, match="required"):
        field.clean(["", "", "", "", "", "", ""])
    assert field.clean(["", "Вода", "", "", "", "", ""]) == {"ru": "Вода"}


def test_form_field_limits_length_per_language():
    field = TranslatedFormField(max_length=5)
    with translation.override("en"), pytest.raises(ValidationError, match="at most 5"):
        field.clean(["toolong", "", "", "", "", "", ""])


@pytest.mark.django_db
def test_lookup_by_one_language():
    Theme.objects.create(slug="t", name={"en": "Steppe ecology", "ru": "Экология степи"})
    with translation.override("ru"):
        assert Theme.objects.filter(name__en="Steppe ecology").count() == 1
        assert Theme.objects.filter(name__ru="Экология степи").count() == 1


def test_date_ranges_read_naturally():
    import datetime as dt

    from kurultai.core.templatetags.kurultai import date_range

    with translation.override("en"):
        assert date_range(dt.date(2025, 1, 28), dt.date(2025, 1, 30)) == "28–30 January 2025"
        assert date_range(dt.date(2021, 10, 6), None) == "6 October 2021"
    with translation.override("ru"):
        assert date_range(dt.date(2025, 1, 28), dt.date(2025, 1, 30)) == "28–30 января 2025"


@pytest.mark.django_db
def test_all_five_central_asian_countries_become_one_label():
    from kurultai.core.templatetags.kurultai import compact_countries

    five = list(Country.objects.filter(region="central_asia"))
    with translation.override("en"):
        assert compact_countries([*five, Country.objects.get(code="AF")]) == ["All of Central Asia", "Afghanistan"]
        assert compact_countries(five[:2]) == ["Kazakhstan", "Kyrgyzstan"]
