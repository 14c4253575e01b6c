"""Host organisations propose demonstration sites; a publisher publishes or declines them; both sides are told."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kurultai.core.models import AuditEntry, Country, SearchDocument
from kurultai.knowledge import services
from kurultai.knowledge.models import DemoSite
from kurultai.notifications import services as notify
from tests.factories import UserFactory
from tests.knowledge.factories_knowledge import MembershipFactory, OrganisationFactory, hub_person

pytestmark = pytest.mark.django_db


def _form(host, **extra):
    return {
        "language": "en",
        "name": "Solar dryer at the cooperative",
        "host": host.pk,
        "country": Country.objects.get(code="KG").pk,
        "region": "Issyk-Kul",
        "what_to_see": "Apricots drying without dust.",
        **extra,
    }


def test_representative_proposes_and_publisher_publishes(client, smtp, worker, django_capture_on_commit_callbacks):
    host = OrganisationFactory()
    representative = MembershipFactory(organisation=host, user__email="rep@example.org").user
    other_org = OrganisationFactory()
    publisher = hub_person("publisher")
    publisher.email = "publisher@example.org"
    publisher.save(update_fields=["email"])

    client.force_login(representative)
    assert client.get("/en/knowledge/sites/propose/").status_code == 200
    # Not one of their organisations: the form refuses it, nothing is written.
    response = client.post("/en/knowledge/sites/propose/", _form(other_org))
    assert response.status_code == 200 and not DemoSite.objects.exists()
    # Someone trying to set the status is ignored: proposals always wait.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/knowledge/sites/propose/", _form(host, status="published"))
    site = DemoSite.objects.get()
    assert response.status_code == 302 and site.status == DemoSite.Status.PROPOSED and site.host == host
    assert site.created_by == representative
    assert AuditEntry.objects.filter(action="site.proposed").exists()
    assert not SearchDocument.objects.filter(kind="demonstration_site").exists()
    # Private until published: the proposer sees it, visitors and other members do not.
    assert client.get(site.get_absolute_url()).status_code == 200
    assert "Solar dryer" in client.get("/en/knowledge/sites/proposals/").content.decode()
    assert "Solar dryer" not in client.get("/en/knowledge/sites/").content.decode()
    client.logout()
    assert client.get(site.get_absolute_url()).status_code == 404
    assert client.get("/api/v1/demonstration-sites").json()["count"] == 0
    client.force_login(UserFactory())
    assert client.get(site.get_absolute_url()).status_code == 404
    assert client.post(f"/en/knowledge/sites/{site.pk}/decide/", {"decision": "publish"}).status_code == 403

    worker()
    notify.drain(now=timezone.now() + dt.timedelta(minutes=5))
    assert [m["To"] for m in smtp.messages] == ["publisher@example.org"]
    assert "Solar dryer" in smtp.messages[0]["Subject"]

    client.force_login(publisher)
    page = client.get(site.get_absolute_url()).content.decode()
    assert "Publish or decline this proposal" in page
    assert "Solar dryer" in client.get("/en/knowledge/sites/proposals/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/en/knowledge/sites/{site.pk}/decide/", {"decision": "publish"}).status_code == 302
    worker()
    site.refresh_from_db()
    assert site.status == DemoSite.Status.PUBLISHED and site.decided_by == publisher and site.published_at
    assert SearchDocument.objects.get(kind="demonstration_site", object_id=site.pk).year == site.published_at.year
    notify.drain(now=timezone.now() + dt.timedelta(minutes=10))
    assert smtp.messages[-1]["To"] == "rep@example.org" and "published" in smtp.messages[-1]["Subject"]
    # A decision is taken once.
    client.post(f"/en/knowledge/sites/{site.pk}/decide/", {"decision": "decline", "note": "Changed my mind."})
    site.refresh_from_db()
    assert site.status == DemoSite.Status.PUBLISHED


def test_declining_needs_a_reason_the_host_reads(client):
    host = OrganisationFactory()
    representative = MembershipFactory(organisation=host).user
    colleague = MembershipFactory(organisation=host).user
    site = services.propose_site(
        representative,
        {"name": "Hidden orchard", "host": host, "country": Country.objects.get(code="TJ")},
        language="en",
    )
    client.force_login(hub_person("publisher"))
    url = f"/en/knowledge/sites/{site.pk}/decide/"
    client.post(url, {"decision": "decline", "note": "  "})
    site.refresh_from_db()
    assert site.status == DemoSite.Status.PROPOSED
    assert client.post(url, {"decision": "maybe"}).status_code == 302
    client.post(url, {"decision": "decline", "note": "Please add what visitors can see."})
    site.refresh_from_db()
    assert site.status == DemoSite.Status.DECLINED
    client.force_login(colleague)  # another representative of the host reads the reason
    page = client.get(site.get_absolute_url()).content.decode()
    assert "Please add what visitors can see." in page and "Not accepted" in page


def test_only_representatives_propose_and_open_proposals_are_limited():
    host = OrganisationFactory()
    stranger = UserFactory()
    pending = MembershipFactory(organisation=host, status="pending").user
    for person in (stranger, pending):
        assert not person.has_perm("knowledge.propose_site")
        with pytest.raises(ValidationError):
            services.propose_site(
                person, {"name": "X", "host": host, "country": Country.objects.get(code="KZ")}, language="en"
            )
    representative = MembershipFactory(organisation=host).user
    assert representative.has_perm("knowledge.propose_site")
    values = {"host": host, "country": Country.objects.get(code="KZ"), "is_demo": True}
    for n in range(services.PROPOSALS_WAITING):
        made = services.propose_site(representative, {**values, "name": f"Site {n}"}, language="en")
        assert not made.is_demo
    with pytest.raises(ValidationError, match="waiting for a publisher"):
        services.propose_site(representative, {**values, "name": "One more"}, language="en")


def test_proposal_pages_need_a_sign_in_and_a_membership(client):
    assert client.get("/en/knowledge/sites/propose/").status_code == 302
    assert client.get("/en/knowledge/sites/proposals/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/en/knowledge/sites/propose/").status_code == 403
    page = client.get("/en/knowledge/sites/proposals/")
    assert page.status_code == 200 and "No proposal." in page.content.decode()
    assert client.get("/en/knowledge/sites/1/decide/").status_code == 405
