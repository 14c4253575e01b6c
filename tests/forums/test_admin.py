"""Editors maintain forums in the Django admin, with one input per language."""

import re

import pytest

from kurultai.forums.models import Forum, Recommendation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = UserFactory(role="admin")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/forums/forum/",
        "/admin/forums/forum/add/",
        "/admin/forums/session/add/",
        "/admin/forums/recommendation/",
        "/admin/forums/recommendation/add/",
        "/admin/core/country/",
        "/admin/core/theme/add/",
    ],
)
def test_admin_pages_open(editor_client, url):
    response = editor_client.get(url)
    assert response.status_code == 200
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>\s*\S", response.content.decode()), (
        "inline script would be blocked by the Content-Security-Policy"
    )


def test_change_form_has_an_input_per_language(editor_client, demo):
    forum = Forum.objects.get(slug="2021-almaty")
    html = editor_client.get(f"/admin/forums/forum/{forum.pk}/change/").content.decode()
    for code in ("en", "ru", "kk", "ky", "tg", "tk", "uz"):
        assert f'name="title_{code}"' in html
    assert "Third EU–Central Asia Civil Society Forum" in html and "Третий Форум" in html


def test_editor_adds_a_translated_recommendation(editor_client, demo):
    forum = Forum.objects.get(slug="2021-almaty")
    session = forum.sessions.get(number=1)
    data = {
        "forum": forum.pk,
        "session": session.pk,
        "position": 9,
        "original_language": "ru",
        "text_en": "",
        "text_ru": "Новая рекомендация",
        "text_kk": "",
        "text_ky": "",
        "text_tg": "",
        "text_tk": "",
        "text_uz": "",
    }
    response = editor_client.post("/admin/forums/recommendation/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rec = Recommendation.objects.get(position=9, session=session)
    assert dict(rec.text) == {"ru": "Новая рекомендация"}
    assert rec.original_language == "ru"


def test_empty_text_is_refused_with_a_message(editor_client, demo):
    forum = Forum.objects.get(slug="2021-almaty")
    data = {"forum": forum.pk, "position": 1, "original_language": "en"}
    data |= {f"text_{code}": "" for code in ("en", "ru", "kk", "ky", "tg", "tk", "uz")}
    response = editor_client.post("/admin/forums/recommendation/add/", data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Recommendation.objects.filter(forum=forum, session=None).exists()
