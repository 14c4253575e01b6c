"""The hub's open-data API: published practices and sites only, paginated, with the licence."""

import pytest

from kurultai.knowledge.models import BuildingBlock, DemoSite, PracticeVersion
from tests.knowledge.factories_knowledge import OrganisationFactory, published_practice, site

pytestmark = pytest.mark.django_db

API = "/api/v1"


def test_practices_list_and_detail_show_published_versions_only(client, django_assert_max_num_queries):
    practice = published_practice("Plastic separation with shops", country="KZ", themes=("consumption-waste",))
    org = OrganisationFactory()
    version = practice.current
    version.organisations.add(org)
    block = BuildingBlock.objects.create(title={"en": "Deposit machines"}, enabling_factors={"en": "A law."})
    version.building_blocks.add(block)
    # A new draft of the same practice stays private; its title must not leak.
    PracticeVersion.objects.create(practice=practice, number=2, title={"en": "Secret draft"})
    published_practice("Water users' union", country="TJ")
    drafted = published_practice("Never published")
    drafted.current = None
    drafted.save(update_fields=["current"])

    answer = client.get(f"{API}/practices")
    assert answer.status_code == 200
    assert 'rel="license"' in answer["Link"]
    data = answer.json()
    assert data["meta"]["license"] == "CC BY 4.0"
    assert data["count"] == 2
    titles = [item["title"]["en"] for item in data["results"]]
    assert "Never published" not in titles and "Secret draft" not in answer.content.decode()
    assert client.get(f"{API}/practices", {"country": "kz"}).json()["count"] == 1
    assert client.get(f"{API}/practices", {"theme": "consumption-waste"}).json()["count"] == 1
    assert client.get(f"{API}/practices", {"limit": 1, "offset": 1}).json()["results"][0]["id"] in {
        practice.pk,
        practice.pk + 1,
    }

    detail = client.get(f"{API}/practices/{practice.pk}").json()
    assert detail["version"] == 1 and detail["versions"] == [1]
    assert detail["url"].startswith("http") and detail["country"] == "KZ"
    assert detail["organisations"][0]["slug"] == org.slug
    assert detail["building_blocks"][0]["enabling_factors"] == {"en": "A law."}
    assert detail["meta"]["license_url"].startswith("https://creativecommons.org/")
    assert client.get(f"{API}/practices/{drafted.pk}").status_code == 404
    for n in range(6):
        published_practice(f"More {n}").current.organisations.add(OrganisationFactory())
    with django_assert_max_num_queries(8):
        assert client.get(f"{API}/practices").status_code == 200


def test_sites_list_and_detail(client):
    shown = site(name={"en": "Drip garden"})
    hidden = site(name={"en": "Proposed garden"}, status=DemoSite.Status.DRAFT)
    data = client.get(f"{API}/demonstration-sites").json()
    assert [item["id"] for item in data["results"]] == [shown.pk]
    assert data["results"][0]["host"]["slug"] == shown.host.slug and data["results"][0]["country"] == "UZ"
    assert client.get(f"{API}/demonstration-sites/{shown.pk}").json()["meta"]["license"] == "CC BY 4.0"
    assert client.get(f"{API}/demonstration-sites/{hidden.pk}").status_code == 404
    assert client.get(f"{API}/demonstration-sites", {"country": "KG"}).json()["count"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/practices?limit=0",
        "/practices?limit=abc",
        "/practices?offset=-1",
        "/practices?country=KAZ",
        "/practices/0",
        "/practices/99999999999999999999999",
        "/demonstration-sites/abc",
    ],
)
def test_bad_arguments_get_4xx(client, path):
    assert client.get(API + path).status_code in {404, 422}
