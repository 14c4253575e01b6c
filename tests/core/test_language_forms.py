"""Dates and taxonomy names in each language's own form."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from kurultai.core.models import SDG, Country, Theme
from kurultai.core.taxonomy import NAME_LANGUAGES, fill_missing_names

pytestmark = pytest.mark.django_db  # the cache every test starts from empty lives in the database

NOV_5 = dt.date(2022, 11, 5)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "5 November 2022"),
        ("ru", "5 ноября 2022"),
        ("kk", "2022 жылғы 5 қараша"),
        ("ky", "5-ноябрь 2022-ж."),
        ("tg", "5 ноябри 2022"),
        ("tk", "5 noýabr 2022 ý."),
        ("uz", "2022-yil 5-noyabr"),
    ],
)
def test_dates_read_as_the_language_writes_them_mid_sentence(lang, expected):
    with translation.override(lang):
        assert date_format(NOV_5, "DATE_FORMAT") == expected
        assert Template('{{ d|date:"DATE_FORMAT" }}').render(Context({"d": NOV_5})) == expected


@pytest.mark.parametrize("lang", ["kk", "ky", "tg", "tk", "uz"])
def test_month_names_are_lowercase_in_running_text(lang):
    with translation.override(lang):
        for month in range(1, 13):
            name = date_format(dt.date(2022, month, 1), "E")
            assert name == name.lower(), (lang, name)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["28–30 January 2025", "28 January – 2 February 2025", "30 December 2024 – 2 January 2025"]),
        (
            "kk",
            [
                "2025 жылғы 28–30 қаңтар",
                "2025 жылғы 28 қаңтар – 2 ақпан",
                "2024 жылғы 30 желтоқсан – 2025 жылғы 2 қаңтар",
            ],
        ),
        ("uz", ["2025-yil 28–30-yanvar", "2025-yil 28-yanvar – 2-fevral", "2024-yil 30-dekabr – 2025-yil 2-yanvar"]),
        ("ru", ["28–30 января 2025", "28 января – 2 февраля 2025", "30 декабря 2024 – 2 января 2025"]),
    ],
)
def test_date_ranges_say_the_year_once_in_the_languages_order(lang, expected):
    template = Template("{% load kurultai %}{% date_range a b %}")
    ranges = [
        (dt.date(2025, 1, 28), dt.date(2025, 1, 30)),
        (dt.date(2025, 1, 28), dt.date(2025, 2, 2)),
        (dt.date(2024, 12, 30), dt.date(2025, 1, 2)),
    ]
    with translation.override(lang):
        assert [template.render(Context({"a": a, "b": b})) for a, b in ranges] == expected


def test_forum_page_shows_kazakh_dates_in_lowercase(client):
    from tests.factories import ForumFactory

    forum = ForumFactory(start_date=dt.date(2022, 11, 3), end_date=dt.date(2022, 11, 5))
    page = client.get(f"/kk/forums/{forum.slug}/").content.decode()
    assert "2022 жылғы 3–5 қараша" in page
    assert "Қараша" not in page


def test_every_country_theme_and_sdg_is_named_in_all_seven_languages():
    for model in (Country, Theme, SDG):
        for item in model.objects.all():
            missing = [lang for lang in NAME_LANGUAGES if not item.name.get(lang, "").strip()]
            assert not missing, (item, missing)


def test_uzbek_pages_name_countries_in_uzbek():
    with translation.override("uz"):
        assert str(Country.objects.get(code="TM")) == "Turkmaniston"
        assert str(Country.objects.get(code="DE")) == "Germaniya"
        assert str(Theme.objects.get(slug="youth")) == "Yoshlar"


def test_filling_names_keeps_editors_text_and_adds_only_missing_languages():
    de = Country.objects.get(code="DE")
    de.name = {"en": "Federal Republic of Germany", "ru": "ФРГ", "kk": "  "}
    de.save()
    sdg = SDG.objects.get(number=6)
    sdg.name = {"en": "Water"}
    sdg.save()
    assert fill_missing_names(Country, Theme, SDG) == 2
    de.refresh_from_db()
    sdg.refresh_from_db()
    assert de.name["en"] == "Federal Republic of Germany" and de.name["ru"] == "ФРГ"
    assert de.name["kk"] == "Германия" and de.name["uz"] == "Germaniya"
    assert sdg.name["en"] == "Water" and sdg.name["tg"] == "Оби тоза ва беҳдошт"
    assert fill_missing_names(Country, Theme, SDG) == 0
