"""Search facets: the languages a record is in and its year, filterable and counted on both engines."""

import pytest
from django.urls import reverse

from kurultai.core import search
from kurultai.core.models import SearchDocument
from kurultai.core.search import Entry
from kurultai.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated(monkeypatch):
    """Organisations described with explicit languages and years (as the hub's kinds and publications are)."""
    registration = search.REGISTRY["organisation"]
    original = registration.describe
    details = {}

    def describe(obj):
        entry = original(obj)
        entry.languages, entry.year = details.get(obj.slug, (None, None))
        return entry

    monkeypatch.setattr(registration, "describe", describe)

    def make(slug, languages, year, text="Drip irrigation for small farms."):
        details[slug] = (languages, year)
        return Organisation.objects.create(slug=slug, name={"en": slug.title()}, description={"en": text})

    return make


def found(query, **kwargs):
    return {hit.object_id for hit in search.search(query, kinds=["organisation"], **kwargs)}


def test_language_and_year_filters(dated):
    old = dated("aral-old", ["ru", "kk"], 2019)
    new = dated("aral-new", ["uz"], 2024)
    plain = dated("aral-plain", None, None)
    assert found("irrigation") == {old.pk, new.pk, plain.pk}
    # The record's own languages count, not only those its index texts are written in (English here).
    assert found("irrigation", language="kk") == {old.pk}
    assert found("irrigation", language="en") == {plain.pk}
    assert found("irrigation", year=2024) == {new.pk}
    assert found("irrigation", year=2019, language="ru") == {old.pk}
    assert found("irrigation", year=2019, language="uz") == set()
    doc = SearchDocument.objects.get(kind="organisation", object_id=old.pk)
    assert (doc.languages, doc.year) == ("kk ru", 2019)


def test_languages_are_checked_and_years_kept_in_range(dated):
    odd = dated("aral-odd", ["EN", "x" * 40, "", "zh-hans", None], 123456)
    doc = SearchDocument.objects.get(kind="organisation", object_id=odd.pk)
    assert doc.languages == "en zh-hans"
    assert doc.year is None
    many = dated("aral-many", [f"a{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(60)], 2020)
    assert len(SearchDocument.objects.get(kind="organisation", object_id=many.pk).languages) <= 120


def test_facet_counts_come_from_the_hits(dated):
    dated("aral-a", ["ru"], 2023)
    dated("aral-b", ["ru", "en"], 2023)
    dated("aral-c", ["en"], 2021)
    counted = search.facets(search.search("irrigation"))
    assert [(f.value, f.count) for f in counted["year"]] == [("2023", 2), ("2021", 1)]
    assert [(f.value, f.count) for f in counted["language"]] == [("en", 2), ("ru", 2)]
    assert [(f.value, f.count) for f in counted["kind"]] == [("organisation", 3)]


def test_search_page_filters_and_shows_facets(client, dated, django_assert_max_num_queries):
    url = reverse("search")
    dated("aral-a", ["ru"], 2023)
    dated("aral-b", ["kk"], 2021)
    page = client.get(url, {"q": "irrigation"}).content.decode()
    assert "year=2023" in page and "language=kk" in page
    assert ">2021 (1)<" in page
    narrowed = client.get(url, {"q": "irrigation", "year": "2023"}).content.decode()
    assert "Aral-A" in narrowed and "Aral-B" not in narrowed
    assert "year=2021" not in narrowed  # the chosen facet is not offered again
    bad = client.get(url, {"q": "irrigation", "year": "soon"})
    assert bad.status_code == 200 and "Aral-A" not in bad.content.decode()
    for n in range(12):
        dated(f"aral-more-{n}", ["ru", "uz"], 2000 + n)
    with django_assert_max_num_queries(12):
        assert client.get(url, {"q": "irrigation"}).status_code == 200


def test_kinds_without_languages_or_year_keep_working():
    org = Organisation.objects.create(slug="naryn", name={"en": "Naryn"}, description={"ru": "Вода", "en": "Water"})
    doc = SearchDocument.objects.get(kind="organisation", object_id=org.pk)
    assert doc.languages == "en ru" and doc.year is None
    assert Entry(title={}, body={}, url="/").year is None
