"""Sign-up, verification, throttling, second factor, consent, data download and erasure."""

import io
import json
import re
import zipfile

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kurultai.accounts.models import Consent, DataExport, LegalDocument, User
from kurultai.organisations.models import Membership, Organisation, PartnerRequest
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_up(client, email="aigerim@example.org", accept=True):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Aigerim",
        "preferred_language": "ru",
    }
    if accept:
        data["accept"] = "on"
    return client.post("/en/accounts/signup/", data)


def test_sign_up_requires_consent_and_records_it(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    response = sign_up(client, accept=False)
    assert response.status_code == 200
    assert "You need to accept the terms of use" in response.content.decode()
    assert not User.objects.exists()
    sign_up(client)
    user = User.objects.get(email="aigerim@example.org")
    assert user.display_name == "Aigerim" and user.preferred_language == "ru"
    assert set(Consent.objects.filter(user=user).values_list("document__kind", flat=True)) == {"terms", "privacy"}
    assert user.password.startswith("argon2")


def test_email_must_be_verified_before_signing_in(client):
    sign_up(client)
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "aigerim@example.org", "password": PASSWORD})
    assert "/accounts/confirm-email/" in response["Location"]  # sent to "verify your email"
    path = link.split("testserver", 1)[1]
    client.post(path)
    response = client.post("/en/accounts/login/", {"login": "aigerim@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 200


def test_failed_logins_are_throttled(client):
    UserFactory(email="nurlan@example.org")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": "nurlan@example.org", "password": "wrong password"})
    response = client.post("/en/accounts/login/", {"login": "nurlan@example.org", "password": PASSWORD})
    # Even the right password is refused until the limit expires, and the page says why.
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert "/accounts/login/" in client.get("/en/account/")["Location"]


def test_staff_must_set_up_two_factor_before_anything_else(client):
    user = UserFactory()
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.get("/en/forums/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]
    activate = client.get("/en/accounts/2fa/totp/activate/")  # allauth asks for the password again first
    assert activate.status_code == 302 and activate["Location"].startswith("/en/accounts/reauthenticate/")
    client.post(activate["Location"], {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200 and 'name="code"' in page.content.decode()


def test_editors_with_a_second_factor_get_through(client):
    client.force_login(UserFactory(role="editor"))
    assert client.get("/en/forums/").status_code == 200


def test_a_new_privacy_notice_is_accepted_again(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/en/forums/").status_code == 200
    LegalDocument.objects.create(
        kind="privacy",
        version=2,
        title={"en": "Privacy notice"},
        body={"en": "We changed something."},
        published_at=timezone.now(),
    )
    from django.core.cache import cache

    cache.clear()
    response = client.get("/en/forums/")
    assert response.status_code == 302 and response["Location"].startswith("/en/account/consent/")
    page = client.get(response["Location"]).content.decode()
    assert "We changed something." in page
    response = client.post("/en/account/consent/", {"accept": "on", "next": "/en/forums/"})
    assert response["Location"] == "/en/forums/"
    assert Consent.objects.filter(user=user, document__version=2).exists()
    assert client.get("/en/forums/").status_code == 200


def test_profile_saves_language_and_digest_choice(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/account/", {"display_name": "Dilnoza", "preferred_language": "uz", "email_digest": "weekly"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language, user.email_digest) == ("Dilnoza", "uz", "weekly")
    assert "email_digest" not in client.post("/en/account/", {"preferred_language": "xx"}).context["form"].cleaned_data


def make_representative(user, org):
    return Membership.objects.create(user=user, organisation=org, status="approved")


def test_download_my_data_is_a_zip_of_json_and_csv(client, demo):
    user = UserFactory(display_name="Timur")
    org = Organisation.objects.get(slug="karakum-nature")
    make_representative(user, org)
    client.force_login(user)
    response = client.post("/en/account/data/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["account"][0]["email"] == user.email and data["account"][0]["display_name"] == "Timur"
    assert data["memberships"][0]["organisation"] == "Karakum Nature Protection Society"
    assert {"Terms of use v1", "Privacy notice v1"} == {c["document"] for c in data["consents"]}
    assert "memberships.csv" in archive.namelist() and "consents.csv" in archive.namelist()
    consents_csv = archive.read("consents.csv")
    assert consents_csv.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read Cyrillic correctly
    assert b"{" not in consents_csv  # readable columns, no JSON blobs


@pytest.mark.django_db(transaction=True)
def test_large_accounts_get_their_data_in_the_background(client, monkeypatch):
    """The worker runs outside the request, as in production (hence a real, committed transaction)."""
    from kurultai.accounts import services

    monkeypatch.setattr(services, "INLINE_EXPORT_LIMIT", 1)
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/account/data/", follow=True)
    assert "being prepared" in response.content.decode()
    export = DataExport.objects.get(user=user)
    assert export.status == "pending"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    export.refresh_from_db()
    assert export.status == "ready"
    assert any("Your Kurultai data is ready" in m.subject for m in mail.outbox)
    download = client.get(f"/en/account/data/{export.pk}/")
    assert zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).read("data.json")
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/en/account/data/{export.pk}/").status_code == 404


def test_deleting_an_account_erases_the_person_but_keeps_contributions(client, demo):
    user = UserFactory(email="erkin@example.org", display_name="Erkin")
    org = Organisation.objects.get(slug="green-steppe")
    make_representative(user, org)
    request = PartnerRequest.objects.create(
        organisation=org, author=user, title={"en": "Solar partners"}, purpose={"en": "Looking for solar partners."}
    )
    client.force_login(user)
    assert client.post("/en/account/delete/", {"password": "wrong"}).status_code == 200
    assert User.objects.get(pk=user.pk).erased_at is None
    response = client.post("/en/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.erased_at and not user.is_active and "erkin" not in user.email and user.display_name == ""
    assert not user.memberships.exists()
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Former member" in page and "Erkin" not in page
    assert client.get("/en/account/").status_code == 302  # signed out
    assert not client.login(email="erkin@example.org", password=PASSWORD)
