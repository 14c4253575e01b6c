"""The hub's practices and sites carry their languages and year in site search."""

import datetime as dt

import pytest
from django.utils import timezone

from kurultai.core import search
from kurultai.core.models import SearchDocument
from tests.knowledge.factories_knowledge import published_practice, site

pytestmark = pytest.mark.django_db


def test_practices_are_found_by_language_and_year():
    practice = published_practice("Drip irrigation school")
    version = practice.current
    version.title = {"en": "Drip irrigation school", "ru": "Школа капельного орошения", "_machine": ["ru"]}
    version.summary = {"en": "Farmers teach farmers.", "tg": "Деҳқонон ба деҳқонон меомӯзонанд."}
    version.published_at = timezone.make_aware(dt.datetime(2022, 5, 1))
    version.save()
    search.index("practice", practice)
    doc = SearchDocument.objects.get(kind="practice", object_id=practice.pk)
    assert (doc.languages, doc.year) == ("en tg", 2022)  # the machine-translated Russian title is not a language
    hits = search.search("irrigation", kinds=["practice"], language="tg", year=2022)
    assert [h.object_id for h in hits] == [practice.pk]
    assert not search.search("irrigation", kinds=["practice"], language="ru")
    assert not search.search("irrigation", kinds=["practice"], year=2021)


def test_sites_are_found_by_language_and_year():
    garden = site(name={"en": "Drip garden", "uz": "Tomchilatib sugʻorish bogʻi"})
    doc = SearchDocument.objects.get(kind="demonstration_site", object_id=garden.pk)
    assert doc.languages == "en uz" and doc.year == garden.created_at.year
    assert [h.object_id for h in search.search("drip", language="uz", year=garden.created_at.year)] == [garden.pk]
    facets = search.facets(search.search("drip"))
    assert ("demonstration_site", 1) in [(f.value, f.count) for f in facets["kind"]]
