"""A real privacy notice, public pages for both documents, and consent boxes that link to them."""

import pytest
from allauth.account.models import EmailAddress

from kurultai.accounts.legal import ensure_legal_documents
from kurultai.accounts.models import LegalDocument
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["How long", "Who sees what", "Processors", "Cookies", "sessionid", "csrftoken", "Your rights"]),
        ("ru", ["Как долго", "Кто что видит", "Обработчики", "Файлы cookie", "sessionid", "Ваши права"]),
    ],
)
def test_the_privacy_notice_says_what_why_how_long_who_and_rights(client, lang, words):
    response = client.get(f"/{lang}/legal/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    for word in words:
        assert word in html, word
    assert "**" not in html


def test_the_notice_names_the_contact(client, settings):
    settings.PRIVACY_CONTACT = "privacy@forum.example"
    LegalDocument.objects.all().delete()
    ensure_legal_documents()
    assert "privacy@forum.example" in client.get("/en/legal/privacy/").content.decode()


def test_an_untouched_three_sentence_notice_is_replaced_by_a_new_version():
    from kurultai.accounts.legal import SUPERSEDED

    LegalDocument.objects.filter(kind="privacy").delete()
    LegalDocument.objects.create(
        kind="privacy", version=1, title={"en": "Privacy notice"}, body={"en": SUPERSEDED["privacy"][0]}
    )
    ensure_legal_documents()
    ensure_legal_documents()  # running migrate again changes nothing more
    versions = list(LegalDocument.objects.filter(kind="privacy").values_list("version", flat=True))
    assert sorted(versions) == [1, 2]
    assert "Your rights" in LegalDocument.objects.get(kind="privacy", version=2).body["en"]


def test_an_edited_notice_is_left_alone():
    LegalDocument.objects.filter(kind="privacy").update(body={"en": "Our own words."})
    ensure_legal_documents()
    assert LegalDocument.objects.filter(kind="privacy").count() == 1


def test_sign_up_consent_box_links_to_both_documents(client):
    html = client.get("/en/accounts/signup/").content.decode()
    assert 'I accept the <a href="/en/legal/terms/" target="_blank" rel="noopener">terms of use</a>' in html
    assert '<a href="/en/legal/privacy/" target="_blank" rel="noopener">privacy notice</a>' in html


def test_consent_page_box_links_to_both_documents(client):
    user = UserFactory()
    LegalDocument.objects.create(kind="terms", version=9, title={"en": "Terms"}, body={"en": "New terms."})
    client.force_login(user)
    html = client.get("/en/account/consent/").content.decode()
    assert 'accept the <a href="/en/legal/terms/" target="_blank" rel="noopener">terms of use</a>' in html
    assert '<a href="/en/legal/privacy/" target="_blank" rel="noopener">privacy notice</a>' in html


def test_the_site_sets_only_the_cookies_the_notice_names(client):
    """Reading, opening the sign-in form and signing in (with its flash message) leave only the two cookies."""
    seen = set()
    for response in (client.get("/en/accounts/login/"), client.get("/en/forums/")):
        seen |= set(response.cookies)
    user = UserFactory(email="cookie@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    seen |= set(response.cookies)
    seen |= set(client.get(response["Location"]).cookies)
    assert seen <= {"sessionid", "csrftoken"}, seen
    assert "sessionid" in seen
