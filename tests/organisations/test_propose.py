"""Members propose missing organisations; editors accept or decline; "ask to represent" says who decides."""

from html import unescape

import pytest
from django.core import mail

from kurultai.core import search
from kurultai.core.models import AuditEntry
from kurultai.organisations.models import Membership, Organisation
from tests.factories import UserFactory
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "name_en": "Steppe Water Watch",
    "type": "cso",
    "website": "https://steppe-water.example",
    "description_en": "Monitors rivers of the steppe.",
    "message": "I am its director.",
}


def propose(client, **changes):
    return client.post("/en/organisations/propose/", {**PROPOSAL, **changes})


def test_a_member_proposes_an_organisation_that_stays_unlisted(client):
    member = UserFactory()
    client.force_login(member)
    response = propose(client)
    organisation = Organisation.objects.get(name__en="Steppe Water Watch")
    assert response.status_code == 302 and response["Location"] == organisation.get_absolute_url()
    assert not organisation.is_listed and not organisation.is_verified
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role, membership.status) == (member, "admin", "pending")
    assert AuditEntry.objects.filter(action="organisation.proposed", object_id=str(organisation.pk)).exists()
    # unlisted: not in the directory, not found by search, not visible to others
    assert "Steppe Water Watch" not in client.get("/en/organisations/").content.decode()
    assert search.search("steppe", kinds=["organisation"]) == []
    assert "not listed in the directory" in client.get(organisation.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert client.get(organisation.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_the_name_is_required_and_errors_lose_nothing(client):
    client.force_login(UserFactory())
    response = propose(client, name_en="")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_name_error"' in html and "Monitors rivers of the steppe." in html
    assert not Organisation.objects.exists()


def test_editors_see_proposals_and_accepting_lists_verifies_and_approves(client):
    member = UserFactory()
    client.force_login(member)
    propose(client)
    organisation = Organisation.objects.get(name__en="Steppe Water Watch")
    editor = UserFactory(role="editor")
    client.force_login(editor)
    page = client.get("/en/organisations/proposals/").content.decode()
    assert "Steppe Water Watch" in page and "I am its director." in page
    client.post("/en/organisations/proposals/", {"pk": organisation.pk, "decision": "accept"})
    organisation.refresh_from_db()
    assert organisation.is_listed and organisation.is_verified and organisation.verified_by == editor
    assert Membership.objects.get(organisation=organisation).status == "approved"
    assert member.has_perm("organisations.change_organisation", organisation)
    assert "Steppe Water Watch" in client.get("/en/organisations/").content.decode()
    assert [h.object_id for h in search.search("steppe", kinds=["organisation"])] == [organisation.pk]
    assert AuditEntry.objects.filter(action="organisation.proposal_accepted", actor=editor).exists()
    # deciding twice is a clear message, not an error page
    response = client.post("/en/organisations/proposals/", {"pk": organisation.pk, "decision": "accept"})
    assert response.status_code == 404


def test_declining_removes_the_proposal(client):
    client.force_login(UserFactory())
    propose(client)
    organisation = Organisation.objects.get(name__en="Steppe Water Watch")
    client.force_login(UserFactory(role="editor"))
    client.post("/en/organisations/proposals/", {"pk": organisation.pk, "decision": "decline"})
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert AuditEntry.objects.filter(action="organisation.proposal_declined", object_id=str(organisation.pk)).exists()


def test_members_cannot_decide_proposals(client):
    client.force_login(UserFactory())
    propose(client)
    organisation = Organisation.objects.get(name__en="Steppe Water Watch")
    assert client.post("/en/organisations/proposals/", {"pk": organisation.pk, "decision": "accept"}).status_code == 403
    organisation.refresh_from_db()
    assert not organisation.is_listed


def test_ask_to_represent_names_who_decides(client):
    organisation = Organisation.objects.create(slug="lonely", name={"en": "Lonely CSO"})
    client.force_login(UserFactory())
    html = unescape(client.get(organisation.get_absolute_url()).content.decode())
    assert "no administrators on the platform yet, so the platform's editors decide" in html
    response = client.post(f"/en/organisations/{organisation.slug}/join/", {"message": "Hi"}, follow=True)
    assert "sent to the platform's editors" in unescape(response.content.decode())
    Membership.objects.create(user=UserFactory(), organisation=organisation, role="admin", status="approved")
    client.force_login(UserFactory())
    html = unescape(client.get(organisation.get_absolute_url()).content.decode())
    assert "Your request goes to the organisation's administrators" in html
    response = client.post(f"/en/organisations/{organisation.slug}/join/", {"message": "Hi"}, follow=True)
    assert "sent to the organisation's administrators" in unescape(response.content.decode())


def test_editors_and_the_proposer_are_told(client, django_capture_on_commit_callbacks):
    member = UserFactory(email="director@steppe.example")
    editor = UserFactory(role="editor", email="editor@kurultai.example")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        propose(client)
    run_worker(django_capture_on_commit_callbacks)
    to_editor = [m for m in mail.outbox if m.to == ["editor@kurultai.example"]]
    assert to_editor and "Steppe Water Watch" in to_editor[0].subject
    assert "/en/organisations/proposals/" in to_editor[0].body
    mail.outbox.clear()
    organisation = Organisation.objects.get(name__en="Steppe Water Watch")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/organisations/proposals/", {"pk": organisation.pk, "decision": "accept"})
    run_worker(django_capture_on_commit_callbacks)
    to_member = [m for m in mail.outbox if m.to == ["director@steppe.example"]]
    assert to_member and "is now listed" in to_member[0].subject
