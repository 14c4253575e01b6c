"""One search interface on both engines: ranking, filters, cross-script folding and highlighting."""

import pytest

from kurultai.core import search
from kurultai.core.folding import fold, tokens
from kurultai.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oʻzbekiston", "Ўзбекистон"),
        ("o'z", "o‘z"),
        ("oʻz", "o`z"),
        ("Qazaqstan", "Қазақстан"),
        ("Kazakhstan", "Казахстан"),
        ("Xorazm", "Хоразм"),
        ("Toshkent", "Тошкент"),
        ("Türkmenistan", "Туркменистан"),
    ],
)
def test_folding_makes_scripts_and_apostrophes_meet(a, b):
    assert fold(a) == fold(b)


def test_query_tokens_drop_punctuation():
    assert tokens("  Water, (climate)!  ") == ["water", "climate"]


def test_ranked_results_with_highlighted_snippets(demo):
    hits = search.search("recycling")
    assert hits and hits[0].kind in {"organisation", "partner_request"}
    assert any("<mark>recycling</mark>" in hit.snippet.lower() for hit in hits[:3])


def test_search_across_scripts_and_languages(demo):
    assert [h.object_id for h in search.search("Орол", kinds=["organisation"])] == [
        Organisation.objects.get(slug="aral-farmers").pk
    ]
    assert search.search("пластик", kinds=["recommendation"])  # Russian text of a recommendation


def test_filters_by_kind_country_theme_and_language(demo):
    assert {h.kind for h in search.search("civil society", kinds=["recommendation"])} == {"recommendation"}
    kz_only = search.search("civil society", kinds=["recommendation"], countries=["TM"])
    assert kz_only and all("TM" in rec_countries(h) for h in kz_only)
    everything = search.search("civil")
    themed = search.search("civil", themes=["biodiversity"])
    assert themed and all("biodiversity" in hit_themes(h) for h in themed)
    assert any("biodiversity" not in hit_themes(h) for h in everything)  # so the filter left something out
    assert len(themed) < len(everything)
    # The Aral farmers' Uzbek text is found in Uzbek, and the language filter keeps it out of Turkmen results.
    assert any(h.url.endswith("/aral-farmers/") for h in search.search("Orol", language="uz"))
    assert not any(h.url.endswith("/aral-farmers/") for h in search.search("Orol", language="tk"))


def hit_themes(hit):
    from kurultai.core.models import SearchDocument

    return SearchDocument.objects.get(kind=hit.kind, object_id=hit.object_id).themes.split()


def rec_countries(hit):
    from kurultai.core.models import SearchDocument

    return SearchDocument.objects.get(kind=hit.kind, object_id=hit.object_id).countries.split()


def test_index_follows_changes_and_deletions(demo):
    org = Organisation.objects.create(slug="ranger-club", name={"en": "Ranger club"})
    org.description = {"en": "Snow leopard monitoring with rangers."}
    org.save()
    assert [h.object_id for h in search.search("leopard")] == [org.pk]
    org.delete()
    assert search.search("leopard") == []


def test_snippet_escapes_user_text():
    html = search.snippet("<script>alert(1)</script> water <b>", ["water"])
    assert "<script>" not in html and "&lt;script&gt;" in html and "<mark>water</mark>" in html


def test_search_page(client, demo):
    html = client.get("/en/search/?q=climate&kind=recommendation").content.decode()
    assert "results" in html and "<mark>" in html
    assert client.get("/en/search/?q=").status_code == 200
    assert client.get("/en/search/?q=x&kind=spaceship").status_code == 200


def test_rebuild_restores_the_index(demo):
    from kurultai.core.models import SearchDocument

    total = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    assert search.rebuild() == total
    assert search.search("recycling")
