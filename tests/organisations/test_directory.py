"""The CSO directory: search, filters, pages, and representatives acting for their organisation."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kurultai.core.models import AuditEntry, Country, Theme
from kurultai.organisations.models import Membership, Organisation, PartnerInterest, PartnerRequest
from tests.factories import UserFactory
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db


def count(client, url):
    return client.get(url).context["page"].paginator.count


def test_directory_lists_filters_and_searches(client, demo):
    assert count(client, "/en/organisations/") == 15
    assert count(client, "/en/organisations/?country=TJ") == 2
    assert count(client, "/en/organisations/?type=international") == 2
    assert count(client, "/en/organisations/?theme=gender-equality") == 2
    assert count(client, "/en/organisations/?network=rncso-climate") == 4
    assert count(client, "/en/organisations/?q=recycling") == 1
    assert count(client, "/en/organisations/?q=recycling&country=KG") == 0


def test_directory_search_in_either_script(client, demo):
    html = client.get("/ru/organisations/?q=Орол").content.decode()
    assert "Ассоциация фермеров Приаралья" in html
    assert count(client, "/en/organisations/?q=oʻrol") == 1
    assert count(client, "/en/organisations/?q=o'rol") == 1


def test_bad_filter_values_are_reported_not_a_server_error(client, demo):
    response = client.get("/en/organisations/?country=XX&type=spaceship&page=zz")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_organisation_and_network_pages(client, demo):
    html = client.get("/en/organisations/carec/").content.decode()
    assert "Regional Environmental Centre for Central Asia" in html and "CAREC" in html
    html = client.get("/en/networks/rncso-climate/").content.decode()
    assert "Aral Sea Farmers" in html and "Green Steppe" in html


def test_directory_query_count_is_flat(client, demo):
    def queries(url):
        client.cookies["nocache"] = "1"
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx.captured_queries)

    urls = ["/en/organisations/", "/en/organisations/?q=society", "/en/networks/rncso-climate/"]
    before = [queries(u) for u in urls]
    kz = Country.objects.get(code="KZ")
    for i in range(30):
        org = Organisation.objects.create(slug=f"extra-{i}", name={"en": f"Extra society {i}"}, country=kz)
        org.themes.add(*Theme.objects.all()[:3])
        org.networks.add(*Organisation.objects.get(slug="green-steppe").networks.all())
    after = [queries(u) for u in urls]
    assert after == before and max(after) <= 15, (before, after)


def test_join_approve_post_and_answer_a_partner_request(client, demo, django_capture_on_commit_callbacks):
    def post(url, data):
        """Post, then let the background worker deliver the emails the request queued."""
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        run_worker(django_capture_on_commit_callbacks)
        return response

    steppe = Organisation.objects.get(slug="green-steppe")
    water = Organisation.objects.get(slug="mountain-water-users")
    admin_person = UserFactory(email="admin@steppe.example")
    Membership.objects.create(user=admin_person, organisation=steppe, role="admin", status="approved")
    applicant = UserFactory(email="aidana@steppe.example", display_name="Aidana")

    client.force_login(applicant)
    post(f"/en/organisations/{steppe.slug}/join/", {"message": "I run the recycling project."})
    membership = Membership.objects.get(user=applicant, organisation=steppe)
    assert membership.status == "pending"
    assert sorted(r for m in mail.outbox for r in m.to) == ["admin@steppe.example", "aigerim@demo.kurultai.example"]
    assert all(len(m.to) == 1 for m in mail.outbox)  # one email each: nobody sees another address
    assert client.get(f"/en/organisations/{steppe.slug}/partners/new/").status_code == 403

    client.force_login(admin_person)
    post(
        f"/en/organisations/{steppe.slug}/members/",
        {"membership": membership.pk, "decision": "approve", "role": "representative"},
    )
    membership.refresh_from_db()
    assert membership.status == "approved"
    assert AuditEntry.objects.filter(action="membership.approved", object_id=str(membership.pk)).exists()

    client.force_login(applicant)
    response = post(
        f"/en/organisations/{steppe.slug}/partners/new/",
        {
            "title_en": "Partners for composting",
            "purpose_en": "Composting in three cities.",
            "themes": [],
            "countries": [],
            "deadline": "2001-01-01",
        },
    )
    assert "cannot be in the past" in response.content.decode()
    post(
        f"/en/organisations/{steppe.slug}/partners/new/",
        {
            "title_en": "Partners for composting",
            "purpose_en": "Composting in three cities.",
            "deadline": "",
        },
    )
    request = PartnerRequest.objects.get(title__en="Partners for composting")

    answerer = UserFactory(email="secret-address@water.example", display_name="Bakyt")
    Membership.objects.create(user=answerer, organisation=water, status="approved")
    mail.outbox.clear()
    client.force_login(answerer)
    post(request.get_absolute_url(), {"organisation": water.pk, "message": "We compost in Naryn."})
    assert PartnerInterest.objects.filter(request=request, organisation=water).exists()
    recipients = sorted(r for m in mail.outbox for r in m.to)
    assert recipients == ["admin@steppe.example", "aidana@steppe.example", "aigerim@demo.kurultai.example"]
    assert all("secret-address" not in m.body and "secret-address" not in m.subject for m in mail.outbox)
    # Answering twice for the same organisation is refused with a message.
    response = post(request.get_absolute_url(), {"organisation": water.pk, "message": "Again."})
    assert PartnerInterest.objects.filter(request=request).count() == 1
    assert response.status_code == 200

    client.force_login(applicant)
    page = client.get(request.get_absolute_url()).content.decode()
    assert "We compost in Naryn." in page and "secret-address" not in page


def test_partner_search_by_theme_and_country(client, demo):
    assert count(client, "/en/partners/?theme=consumption-waste") == 1
    assert count(client, "/en/partners/?country=UZ") == 1
    assert count(client, "/en/partners/?theme=health") == 0


def test_editors_verify_organisations_and_it_is_audited(client, demo):
    org = Organisation.objects.get(slug="pamir-youth")
    client.force_login(UserFactory())
    assert client.post(f"/en/organisations/{org.slug}/verify/").status_code == 403
    editor = UserFactory(role="editor")
    client.force_login(editor)
    client.post(f"/en/organisations/{org.slug}/verify/")
    org.refresh_from_db()
    assert org.is_verified and org.verified_by == editor
    assert AuditEntry.objects.filter(action="organisation.verified", actor=editor).exists()


def test_editors_add_an_organisation_with_a_readable_address(client, demo):
    client.force_login(UserFactory(role="editor"))
    data = {"name_en": "Green Steppe Ecological Society", "type": "cso", "original_language": "en"}
    response = client.post("/en/organisations/new/", data)
    assert response["Location"] == "/en/organisations/green-steppe-ecological-society/"
    response = client.post("/en/organisations/new/", data)
    assert response["Location"] == "/en/organisations/green-steppe-ecological-society-2/"
