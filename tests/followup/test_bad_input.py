"""Inputs that used to end in a server error now get a clear message; double clicks change nothing twice."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.core.models import AuditEntry
from kurultai.followup.models import ProgressUpdate, RecurrenceLink
from kurultai.organisations.models import Membership, PartnerInterest
from tests.factories import RecommendationFactory, UserFactory
from tests.factories_more import (
    MembershipFactory,
    OrganisationFactory,
    PartnerRequestFactory,
    RecurrenceLinkFactory,
    ResponsibleActorFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(role="editor")
    client.force_login(user)
    return user


def upload(client, text: str):
    return client.post("/en/follow-up/bulk/", {"file": SimpleUploadedFile("u.csv", text.encode())})


def test_bulk_csv_reports_impossible_ids_and_odd_digits_by_line(client, editor):
    rec = RecommendationFactory()
    response = upload(
        client,
        "recommendation,status,date,text\n"
        "²,planned,2024-01-01,Superscript two\n"
        "99999999999999999999,planned,2024-01-01,Too big\n"
        f"{rec.pk},planned,2024-01-01,Fine\n",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Line 2: no single published recommendation “²”" in html
    assert "Line 3: no single published recommendation “99999999999999999999”" in html
    assert not ProgressUpdate.objects.exists()


def test_bulk_csv_reports_a_field_beyond_the_csv_limit(client, editor):
    rec = RecommendationFactory()
    response = upload(client, f"recommendation,status,date,text\n{rec.pk},planned,2024-01-01,{'x' * 140_000}\n")
    assert response.status_code == 200
    assert "Line 2: the line cannot be read" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_bulk_csv_updates_by_a_responsible_actor_name_the_organisation(client, editor):
    actor = ResponsibleActorFactory()
    rec, org = actor.recommendation, actor.organisation
    header = "recommendation,status,date,text,reporter,organisation\n"
    missing = upload(client, header + f"{rec.pk},planned,2024-01-01,Planned,actor,\n")
    assert "reporter “actor” needs a responsible organisation" in missing.content.decode()
    other = OrganisationFactory()
    wrong = upload(client, header + f"{rec.pk},planned,2024-01-01,Planned,actor,{other.slug}\n")
    assert "reporter “actor” needs a responsible organisation" in wrong.content.decode()
    assert not ProgressUpdate.objects.exists()
    preview = upload(client, header + f"{rec.pk},planned,2024-01-01,Planned,actor,{org.slug}\n")
    assert preview.status_code == 200 and not ProgressUpdate.objects.exists()
    done = client.post("/en/follow-up/bulk/", {"payload": preview.context["payload"]})
    assert done.status_code == 302
    assert ProgressUpdate.objects.get().organisation == org


def test_recurrence_decisions_on_unknown_links_are_refused_clearly(client, editor):
    link = RecurrenceLinkFactory()
    for value in ("abc", "99999999999999999999", "²", ""):
        response = client.post("/en/follow-up/recurrences/", {"decision": "confirm", "link": value}, follow=True)
        assert response.status_code == 200
        assert "This suggestion no longer exists. Nothing was changed." in response.content.decode()
    link.refresh_from_db()
    assert link.status == RecurrenceLink.Status.SUGGESTED
    client.post("/en/follow-up/recurrences/", {"decision": "confirm", "link": link.pk})
    link.refresh_from_db()
    assert link.status == RecurrenceLink.Status.CONFIRMED
    assert AuditEntry.objects.filter(action="followup.recurrence", object_id=str(link.pk), actor=editor).exists()


def test_linking_by_hand_with_odd_digits_is_a_form_error(client, editor):
    response = client.post("/en/follow-up/recurrences/", {"recommendation": "²", "earlier": "99999999999999999999"})
    assert response.status_code == 200
    assert response.content.decode().count("No single published recommendation has this number or reference.") == 2


def test_multi_select_ids_beyond_64_bits_are_form_errors(client):
    org = OrganisationFactory()
    user = MembershipFactory(organisation=org, role="admin").user
    client.force_login(user)
    response = client.post(
        f"/en/organisations/{org.slug}/partners/new/",
        {"title_en": "Partners", "purpose_en": "A project", "themes": ["99999999999999999999"], "countries": ["²"]},
    )
    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()
    edit = client.post(
        f"/en/organisations/{org.slug}/edit/",
        {"name_en": "Renamed", "type": "cso", "networks": ["99999999999999999999"], "original_language": "en"},
    )
    assert edit.status_code == 200 and "is not a valid value" in edit.content.decode()
    org.refresh_from_db()
    assert str(org.name) != "Renamed"


def test_answering_a_partner_request_twice_gives_a_clear_message(client):
    request = PartnerRequestFactory()
    answering = OrganisationFactory(name={"en": "Answering CSO"})
    user = MembershipFactory(organisation=answering).user
    client.force_login(user)
    data = {"organisation": answering.pk, "message": "We are interested."}
    first = client.post(f"/en/partners/{request.pk}/", data)
    assert first.status_code == 302
    second = client.post(f"/en/partners/{request.pk}/", data)
    assert second.status_code == 200
    assert "has already answered this request" in second.content.decode()
    assert PartnerInterest.objects.count() == 1
    assert AuditEntry.objects.filter(action="partner_request.interest").count() == 1


def test_asking_to_join_twice_keeps_one_request(client):
    org = OrganisationFactory()
    user = UserFactory()
    client.force_login(user)
    for _ in range(2):
        assert client.post(f"/en/organisations/{org.slug}/join/", {"message": "Me"}).status_code == 302
    assert Membership.objects.filter(user=user, organisation=org).count() == 1
    assert AuditEntry.objects.filter(action="membership.requested", actor=user).count() == 1
