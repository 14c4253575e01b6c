"""Sign-in and two-factor screens speak Kazakh, Tajik and Turkmen, for which django-allauth has no catalogue."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from lxml import html as lxml_html

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LIBRARY_LOCALE = Path(settings.BASE_DIR) / "locale_libraries"


def allauth_english(lang: str) -> set[str]:
    """The English texts of the allauth messages the project translates, long enough not to be a word by chance."""
    po = polib.pofile(str(LIBRARY_LOCALE / lang / "LC_MESSAGES" / "django.po"))
    return {e.msgid for e in po if e.msgctxt != "alt. month" and "%" not in e.msgid and len(e.msgid) > 4}


def visible_text(response) -> str:
    doc = lxml_html.fromstring(response.content)
    for node in doc.xpath("//script|//style"):
        node.drop_tree()
    texts = [doc.text_content()]
    texts += doc.xpath("//input/@placeholder|//input[@type='submit']/@value|//button/text()|//label/text()")
    return "\n".join(" ".join(t.split()) for t in texts)


@pytest.mark.parametrize("lang", ["kk", "tg", "tk"])
def test_account_pages_show_no_english_allauth_strings(client, lang):
    english = allauth_english(lang)
    for path in ("accounts/login/", "accounts/signup/", "accounts/password/reset/"):
        text = visible_text(client.get(f"/{lang}/{path}"))
        left = sorted(s for s in english if s in text)
        assert not left, f"/{lang}/{path} shows English: {left}"
    assert "Forgot your password?" not in visible_text(client.get(f"/{lang}/accounts/login/"))


def test_kazakh_sign_in_page_is_in_kazakh(client):
    text = visible_text(client.get("/kk/accounts/login/"))
    assert "Құпиясөзді ұмыттыңыз ба?" in text and "Мені есте сақтау" in text


@pytest.mark.parametrize("lang", ["kk", "tg", "tk"])
def test_two_factor_setup_and_recovery_codes_are_translated(client, lang):
    user = UserFactory()
    user.is_staff = True
    user.save()
    client.force_login(user)
    reauthenticate = client.get(f"/{lang}/accounts/2fa/totp/activate/")["Location"]
    client.post(reauthenticate, {"password": PASSWORD})
    english = allauth_english(lang)
    text = visible_text(client.get(f"/{lang}/accounts/2fa/totp/activate/"))
    assert not sorted(s for s in english if s in text), text
    assert "Authenticator" not in text


def test_library_catalogues_are_compiled_from_their_sources():
    for po_path in LIBRARY_LOCALE.glob("*/LC_MESSAGES/django.po"):
        mo = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(po_path.with_suffix(".mo")))}
        for entry in polib.pofile(str(po_path)).translated_entries():
            assert mo.get((entry.msgctxt, entry.msgid)) == (entry.msgstr or entry.msgstr_plural), po_path
