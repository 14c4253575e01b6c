"""UI languages: Russian is complete, compiled catalogs match their sources, the rest fall back cleanly."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


def catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def test_russian_interface_is_complete():
    po = catalog("ru")
    untranslated = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated Russian strings: {untranslated[:10]}"


@pytest.mark.parametrize("lang", ["ru", "kk", "ky", "tg", "tk", "uz"])
def test_compiled_catalog_matches_its_source(lang):
    po = catalog(lang)
    mo = polib.mofile(str(LOCALE / lang / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        assert (entry.msgctxt, entry.msgid) in compiled, f"{lang}: run `make messages` ({entry.msgid!r})"
        msgstr, plural = compiled[(entry.msgctxt, entry.msgid)]
        assert (msgstr or plural) == (entry.msgstr or entry.msgstr_plural), f"{lang}: stale {entry.msgid!r}"


@pytest.mark.parametrize("lang", ["kk", "ky", "tg", "tk", "uz"])
def test_partially_translated_languages_render_every_page(client, demo, lang):
    for path in ("", "forums/", "forums/2021-almaty/", "recommendations/"):
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.django_db
def test_kazakh_navigation_is_translated(client):
    html = client.get("/kk/forums/").content.decode()
    assert "Форумдар" in html and "Ұсынымдар" in html
