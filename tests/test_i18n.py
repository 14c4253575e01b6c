"""UI languages: every catalogue is complete and well-formed, compiled catalogs match their sources."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
pytestmark = pytest.mark.django_db  # every test starts with an empty cache, and the cache lives in the database


def catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


TRANSLATED = ["ru", "kk", "ky", "tg", "tk", "uz"]
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifr])|%%")


def placeholders(text: str) -> list[str]:
    """Python-format placeholders, named ones by name, positional ones by type, ``%%`` ignored."""
    found = [m.group(1) or f"%{m.group(2)}" for m in PLACEHOLDER.finditer(text) if m.group(0) != "%%"]
    return sorted(found)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_interface_is_completely_translated(lang):
    po = catalog(lang)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{lang}: {len(untranslated)} untranslated strings, e.g. {untranslated[:10]}"
    assert not fuzzy, f"{lang}: {len(fuzzy)} fuzzy strings, e.g. {fuzzy[:10]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders_of_their_source(lang):
    po = catalog(lang)
    single_form = "nplurals=1" in po.metadata.get("Plural-Forms", "").replace(" ", "")
    wrong = []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            one, many = set(placeholders(entry.msgid)), set(placeholders(entry.msgid_plural))
            for index, form in entry.msgstr_plural.items():
                found = set(placeholders(form))
                # The form for one thing may leave the number out, as the English singular does.
                expected = one if index == 0 and not single_form else many
                if not expected <= found <= one | many:
                    wrong.append(entry.msgid)
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(entry.msgid)
    assert not wrong, f"{lang}: placeholders differ from the source in {wrong[:10]}"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_passes_msgfmt_check(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


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
