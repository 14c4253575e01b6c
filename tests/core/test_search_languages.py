"""Search understands word forms, scripts and taxonomy names, covers every module, and indexes imports later."""

import pytest
from django.core.management import call_command

from kurultai.core import search
from kurultai.core.models import SearchDocument
from kurultai.forums.models import Forum, Speaker
from kurultai.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def org(slug, **texts):
    return Organisation.objects.create(slug=slug, name={"en": slug.replace("-", " ").title()}, description=texts)


def found(query, **kwargs):
    return {(hit.kind, hit.object_id) for hit in search.search(query, **kwargs)}


def test_russian_word_forms_find_each_other():
    water = org("naryn-water", ru="Очистка воды и охрана водных ресурсов в долине Нарына.")
    nature = org("tugai-forest", ru="Сохранение биоразнообразия тугайных лесов.")
    assert ("organisation", water.pk) in found("вода")
    assert ("organisation", water.pk) in found("вод")
    assert ("organisation", nature.pk) in found("биоразнообразие")
    hit = search.search("вода")[0]
    assert "<mark>воды</mark>" in hit.snippet  # the whole inflected word is marked


def test_english_word_forms_find_each_other():
    recycling = org("bishkek-recyclers", en="Recycling of plastic bottles in Bishkek schools.")
    assert ("organisation", recycling.pk) in found("recycle")
    assert ("organisation", recycling.pk) in found("recycled")


def test_turkic_words_are_found_by_their_beginning():
    youth = org("yoshlar", uz="Yoshlar tashabbuslari va suv tejovchi texnologiyalar.")
    assert ("organisation", youth.pk) in found("yosh")
    assert ("organisation", youth.pk) in found("тежов")  # Cyrillic query, Latin text


@pytest.mark.parametrize("query", ["Ўзбекистон", "Oʻzbekiston", "O'zbekiston", "Өзбекстан", "Узбекистан", "Uzbekistan"])
def test_country_names_in_every_language_and_script_are_synonyms(query):
    russian = org("samarkand-eco", ru="Экологическое просвещение в Узбекистане.")
    uzbek = org("fergana-suv", uz="Oʻzbekistonda suv tejash.")
    english = org("tashkent-civic", en="Civic education across Uzbekistan.")
    assert {("organisation", o.pk) for o in (russian, uzbek, english)} <= found(query)
    assert ("organisation", org("almaty-eco", ru="Экология Казахстана.").pk) not in found(query)


def test_tagged_country_and_theme_are_found_by_their_names():
    from kurultai.core.models import Country, Theme

    quiet = org("quiet-org", en="Community work.")
    quiet.country = Country.objects.get(code="TJ")
    quiet.save()
    quiet.themes.add(Theme.objects.get(slug="biodiversity"))
    assert ("organisation", quiet.pk) in found("Тоҷикистон")
    assert ("organisation", quiet.pk) in found("Tajikistan")
    theme = Theme.objects.get(slug="biodiversity")
    assert ("organisation", quiet.pk) in found(theme.name["ru"])


def test_typos_are_forgiven():
    water = org("glacier-watch", en="Monitoring glaciers and snow in the Pamir mountains.")
    assert ("organisation", water.pk) in found("glaciers")
    assert ("organisation", water.pk) in found("galciers")


def test_every_module_is_searchable_and_unpublished_forums_hide_their_parts(demo):
    kinds = {hit.kind for query in ["civil society", "water", "youth", "climate"] for hit in search.search(query)}
    assert {"forum", "session", "discussion_point", "recommendation", "organisation"} <= kinds
    assert set(SearchDocument.objects.values_list("kind", flat=True)) >= {
        "speaker",
        "conclusion",
        "response",
        "progress_update",
        "assessment",
        "partner_request",
    }
    forum = Forum.objects.filter(sessions__discussion_points__isnull=False).distinct().first()
    point_ids = set(forum.sessions.values_list("discussion_points", flat=True))
    forum.is_published = False
    forum.save()
    left = set(SearchDocument.objects.values_list("kind", "object_id"))
    assert not {("discussion_point", pk) for pk in point_ids} & left
    assert not any(
        kind == "recommendation" and pk in set(forum.recommendations.values_list("pk", flat=True)) for kind, pk in left
    )
    forum.is_published = True
    forum.save()
    assert {("discussion_point", pk) for pk in point_ids} <= set(
        SearchDocument.objects.values_list("kind", "object_id")
    )


def test_speakers_are_found_by_name_and_organisation(demo):
    speaker = Speaker.objects.filter(appearances__forum__is_published=True).first()
    hits = search.search(str(speaker.name), kinds=["speaker"])
    assert hits and hits[0].object_id == speaker.pk and hits[0].url


def test_imports_are_indexed_in_background_batches(django_capture_on_commit_callbacks):
    from tests.notifications.conftest import run_worker

    with django_capture_on_commit_callbacks(execute=True), search.deferred():
        made = [org(f"imported-{n}", en=f"Imported steppe partner number {n}.") for n in range(450)]
    assert search.search("steppe") == []  # the request did not index them
    assert run_worker() == 3  # 450 records in batches of 200
    assert {("organisation", o.pk) for o in made} <= found("steppe", limit=1000)


def test_rebuild_command_runs_now_or_in_the_background(demo, django_capture_on_commit_callbacks):
    from tests.notifications.conftest import run_worker

    total = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_search_index", "--background", verbosity=0)
    assert SearchDocument.objects.count() == 0
    run_worker()
    assert SearchDocument.objects.count() == total
    call_command("rebuild_search_index", "organisation", verbosity=0)
    assert search.search("recycle")
