"""The open-data API: absolute links, a declared licence, only public data, every status code documented."""

import json
import re

import pytest
from django.test import override_settings
from django.urls import URLPattern, get_resolver

from kurultai.api.urls import api
from tests.factories import ForumFactory, RecommendationFactory, SessionFactory, UserFactory
from tests.factories_more import MembershipFactory, OrganisationFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

SITE = "https://kurultai.example.org"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"


@pytest.fixture
def content():
    public = SessionFactory(forum=ForumFactory(slug="public-forum"), number=1)
    hidden = SessionFactory(forum=ForumFactory(slug="hidden-forum", is_published=False), number=1)
    rec = RecommendationFactory(session=public)
    secret = RecommendationFactory(session=hidden)
    org = OrganisationFactory(slug="open-cso")
    MembershipFactory(organisation=org, user=UserFactory(email="private.person@example.org"))
    update = ProgressUpdateFactory(recommendation=rec, organisation=org)
    hidden_update = ProgressUpdateFactory(recommendation=secret, organisation=org)
    return {"rec": rec, "secret": secret, "update": update, "hidden_update": hidden_update}


def urls_in(value):
    """Every value under a key named like a link (the licence's own link aside)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "meta":
                continue
            if key == "url" or key.endswith("_url") or key == "evidence":
                yield from (item if isinstance(item, list) else [item])
            else:
                yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)


READS = [
    "/api/v1/forums",
    "/api/v1/forums/public-forum",
    "/api/v1/sessions",
    "/api/v1/forums/public-forum/sessions/1",
    "/api/v1/recommendations",
    "/api/v1/organisations",
    "/api/v1/organisations/open-cso",
    "/api/v1/updates",
]


@override_settings(SITE_URL=SITE)
@pytest.mark.parametrize("url", READS)
def test_answers_carry_the_licence_and_only_absolute_links(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Link"] == f'<{LICENSE}>; rel="license"'
    data = response.json()
    assert data["meta"]["license"] == "CC BY 4.0" and data["meta"]["license_url"] == LICENSE
    links = [link for link in urls_in(data) if link]
    assert links, "the answer has links"
    assert all(link.startswith(SITE + "/") for link in links), links


@override_settings(SITE_URL=SITE)
def test_details_of_recommendations_and_updates_have_licence_and_absolute_links(client, content):
    for url in (f"/api/v1/recommendations/{content['rec'].pk}", f"/api/v1/updates/{content['update'].pk}"):
        data = client.get(url).json()
        assert data["meta"]["license_url"] == LICENSE
        assert all(link.startswith(SITE + "/") for link in urls_in(data))


@override_settings(SITE_URL=SITE)
def test_download_files_declare_the_licence(client, content):
    download = client.get("/en/follow-up/recommendations.json")
    assert download["Link"] == f'<{LICENSE}>; rel="license"'
    data = json.loads(download.content)
    assert data["license"] == "CC BY 4.0" and data["license_url"] == LICENSE
    assert data["recommendations"][0]["url"].startswith(SITE + "/en/recommendations/")
    for fmt in ("csv", "history.csv"):
        assert client.get(f"/en/follow-up/recommendations.{fmt}")["Link"] == f'<{LICENSE}>; rel="license"'


def test_unpublished_forums_do_not_exist_in_the_api(client, content):
    assert client.get("/api/v1/forums/hidden-forum").status_code == 404
    assert client.get("/api/v1/forums/hidden-forum/sessions/1").status_code == 404
    assert client.get(f"/api/v1/recommendations/{content['secret'].pk}").status_code == 404
    assert client.get(f"/api/v1/updates/{content['hidden_update'].pk}").status_code == 404
    assert [f["slug"] for f in client.get("/api/v1/forums").json()["results"]] == ["public-forum"]
    assert {s["forum"] for s in client.get("/api/v1/sessions").json()["results"]} == {"public-forum"}
    assert [u["id"] for u in client.get("/api/v1/updates").json()["results"]] == [content["update"].pk]


def test_no_email_address_is_ever_published(client, content):
    for url in READS:
        body = client.get(url).content.decode()
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", body), url


def test_lists_are_paginated(client, content):
    OrganisationFactory.create_batch(3)
    first = client.get("/api/v1/organisations?limit=2").json()
    second = client.get("/api/v1/organisations?limit=2&offset=2").json()
    assert first["count"] == second["count"] == 4
    assert len(first["results"]) == 2 and len(second["results"]) == 2
    assert not {o["slug"] for o in first["results"]} & {o["slug"] for o in second["results"]}
    assert client.get("/api/v1/organisations?limit=0").status_code == 422


def api_paths() -> set[str]:
    """Every operation mounted under /api/v1/, read from the URL configuration."""
    paths = set()
    for resolver in get_resolver().url_patterns:
        if str(resolver.pattern) != "api/v1/":
            continue
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLPattern) and pattern.name not in ("api-root", "openapi-json", "openapi-view"):
                route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
                paths.add("/api/v1/" + route)
    return paths


def test_the_openapi_schema_documents_every_path_and_every_status_it_returns(client, content):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["license"]["url"] == LICENSE
    assert api_paths() == set(schema["paths"]) and len(schema["paths"]) >= 10
    for path, operations in schema["paths"].items():
        declared = set(operations["get"]["responses"])
        assert {"200", "422"} <= declared, path
        if "{" in path:
            assert "404" in declared, path
            missing = re.sub(r"\{\w+\}", "999999", path)
            assert str(client.get(missing).status_code) in declared, missing
            impossible = re.sub(r"\{\w+\}", "99999999999999999999", path)
            assert str(client.get(impossible).status_code) in declared, impossible
        bad = client.get(path.replace("{", "").replace("}", "") + "?limit=-5&offset=x")
        assert str(bad.status_code) in declared | {"404"}, path
    assert api.docs_url  # the documentation page is served locally
    assert client.get("/api/v1/docs").status_code == 200
