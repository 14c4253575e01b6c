"""Anonymous visitors get cached pages that are never older than the last change."""

import pytest

from kurultai.forums.models import Forum
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_from_the_cache(client, demo):
    first = client.get("/en/forums/")
    second = client.get("/en/forums/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_change_is_visible_at_once(client, demo):
    client.get("/en/forums/")
    forum = Forum.objects.get(slug="2021-almaty")
    forum.title = {"en": "Renamed forum"}
    forum.save()
    response = client.get("/en/forums/")
    assert response["X-Page-Cache"] == "miss"
    assert "Renamed forum" in response.content.decode()


def test_a_change_to_tags_is_visible_at_once(client, demo):
    from kurultai.core.models import Theme

    forum = Forum.objects.get(slug="2021-almaty")
    client.get(f"/en/forums/{forum.slug}/")
    forum.themes.add(Theme.objects.get(slug="biodiversity"))
    assert "Biodiversity and ecosystems" in client.get(f"/en/forums/{forum.slug}/").content.decode()


def test_signed_in_people_and_visitors_with_cookies_are_never_served_cached_pages(client, demo, django_user_model):
    client.get("/en/forums/2021-almaty/")
    client.force_login(UserFactory(role="editor"))
    response = client.get("/en/forums/2021-almaty/")
    assert "X-Page-Cache" not in response
    assert "Import outcome document" in response.content.decode()


def test_language_and_query_are_part_of_the_key(client, demo):
    assert "Форумы" in client.get("/ru/forums/").content.decode()
    assert "Forums" in client.get("/en/forums/").content.decode()
    client.get("/en/recommendations/?theme=youth")
    other = client.get("/en/recommendations/?theme=health")
    assert other["X-Page-Cache"] == "miss"
