"""The hub's pages are valid HTML; the demo loads once and again without changes."""

from __future__ import annotations

import pytest

from kurultai.knowledge import services
from tests.factories import UserFactory
from tests.knowledge.factories_knowledge import published_practice, site
from tests.test_html_validity import assert_valid

pytestmark = pytest.mark.django_db


def test_hub_pages_are_valid_html(client):
    practice = published_practice("Valid markup")
    other = published_practice("Copied it")
    other.inspired_by.add(practice)
    garden = site()
    public = [
        "/en/knowledge/",
        "/en/knowledge/practices/",
        "/en/knowledge/practices/?theme=water-management&country=TJ&q=water",
        f"/en/knowledge/practices/{practice.pk}/",
        f"/en/knowledge/practices/{practice.pk}/versions/1/",
        f"/en/knowledge/practices/{practice.pk}/print/",
        "/en/knowledge/sites/",
        f"/en/knowledge/sites/{garden.pk}/",
        "/ru/knowledge/",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response.content.decode(), url)
    services.start_new_version(practice, practice.created_by)
    client.force_login(practice.created_by)
    for url in (
        f"/en/knowledge/practices/{practice.pk}/draft/",
        f"/en/knowledge/practices/{practice.pk}/edit/",
        "/en/knowledge/practices/new/",
        "/en/knowledge/practices/upload/",
        "/en/knowledge/practices/mine/",
        f"/en/knowledge/practices/{other.pk}/contact/",
        f"/en/knowledge/sites/{garden.pk}/visit/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response.content.decode(), url)
    client.force_login(UserFactory(role="editor"))
    for url in ("/en/knowledge/roles/", "/en/knowledge/practices/review/", "/en/knowledge/sites/new/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response.content.decode(), url)


def test_demo_loads_once(db):
    from kurultai.accounts import demo as accounts_demo
    from kurultai.knowledge import demo
    from kurultai.knowledge.models import Practice
    from kurultai.organisations import demo as organisations_demo

    accounts_demo.load()
    organisations_demo.load()
    first = demo.load()
    assert first == demo.load()
    assert first["good practices"] == 4 and first["demonstration sites"] == 2
    copy = Practice.objects.get(current__title__en="School plastic separation in Osh")
    assert [str(p) for p in copy.inspired_by.all()] == ["Plastic waste separation with local businesses"]
    digital = Practice.objects.get(current__title__en="Internet and digital skills for remote villages")
    assert digital.working.status == "submitted" and digital.current.number == 1
