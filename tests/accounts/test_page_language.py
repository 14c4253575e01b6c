"""The page's URL language wins over a person's saved language for pages and flash messages."""

import pytest
from allauth.account.models import EmailAddress

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_signing_in_on_an_english_page_speaks_english_to_a_russian_speaker(client):
    user = UserFactory(email="ru@example.org", preferred_language="ru")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/en/accounts/login/", {"login": "ru@example.org", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/")
    html = response.content.decode()
    assert "Successfully signed in" in html
    assert '<html lang="en">' in html


def test_the_next_page_keeps_its_own_language(client):
    user = UserFactory(email="en@example.org", preferred_language="ru")
    client.force_login(user)
    assert '<html lang="en">' in client.get("/en/forums/").content.decode()
    assert '<html lang="ru">' in client.get("/ru/forums/").content.decode()
