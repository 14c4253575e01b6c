"""Reference vocabularies exist on every installation, translated, and survive editors' changes."""

import pytest
from django.utils import translation

from kurultai.core.models import SDG, Country, Theme
from kurultai.core.taxonomy import sync_taxonomy
from kurultai.forums.models import Addressee

pytestmark = pytest.mark.django_db


def test_countries_cover_central_asia_afghanistan_and_the_eu():
    codes = set(Country.objects.values_list("code", flat=True))
    assert {"KZ", "KG", "TJ", "TM", "UZ", "AF", "EU", "DE", "FR"} <= codes
    assert Country.objects.filter(region=Country.Region.EU_MEMBER).count() == 27


def test_every_vocabulary_has_english_and_russian_names():
    for model in (Country, Theme, SDG, Addressee):
        for item in model.objects.all():
            assert item.name.get("en") and item.name.get("ru"), item


def test_seventeen_sdgs_and_all_design_themes():
    assert list(SDG.objects.values_list("number", flat=True)) == list(range(1, 18))
    assert Theme.objects.filter(kind="environment").count() == 11
    assert Theme.objects.filter(kind="forum").count() == 9


def test_central_asian_country_names_in_national_languages():
    kz = Country.objects.get(code="KZ")
    with translation.override("kk"):
        assert str(kz) == "Қазақстан"
    with translation.override("uz"):
        assert str(Country.objects.get(code="UZ")) == "Oʻzbekiston"


def test_sync_never_overwrites_an_editors_change():
    kz = Country.objects.get(code="KZ")
    kz.name = {"en": "Republic of Kazakhstan"}
    kz.save()
    assert sync_taxonomy() == 0
    kz.refresh_from_db()
    assert kz.name == {"en": "Republic of Kazakhstan"}


@pytest.mark.django_db
def test_addressees_are_named_in_every_language_and_editors_names_stay():
    from kurultai.forums.models import Addressee
    from kurultai.forums.taxonomy import sync_addressees

    eu = Addressee.objects.get(code="eu")
    assert eu.name["ky"] == "Европа Биримдиги" and eu.name["uz"] == "Yevropa Ittifoqi"
    eu.name = {"en": "The EU", "ru": "ЕС"}
    eu.save()
    sync_addressees()
    eu.refresh_from_db()
    assert eu.name["en"] == "The EU" and eu.name["tg"] == "Иттиҳоди Аврупо"
