"""Partner conversations and consortium workspaces: who reads and writes what, and what members notice."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.core.models import AuditEntry
from kurultai.notifications.models import Event
from kurultai.opportunities import consortia, conversations
from kurultai.opportunities.models import ConsortiumFile, ConsortiumMember, ConversationMessage, SectionVersion
from kurultai.organisations.services import express_interest
from tests.factories import UserFactory
from tests.factories_more import PartnerRequestFactory
from tests.opportunities.factories_opportunities import OpportunityFactory, OrganisationFactory, representative

pytestmark = pytest.mark.django_db


@pytest.fixture
def talk():
    """A plain partner request (no opportunity) answered by another organisation."""
    request = PartnerRequestFactory()
    asker = representative(request.organisation)
    answering = OrganisationFactory()
    answerer = representative(answering)
    interest = express_interest(answerer, request, answering, "We would like to join.")
    return {"interest": interest, "asker": asker, "answerer": answerer}


def test_a_plain_partner_request_becomes_a_two_way_conversation(client, talk):
    interest = talk["interest"]
    client.force_login(talk["asker"])
    response = client.post(f"/en/opportunities/conversations/{interest.pk}/", {"text": "Tell us more, please."})
    assert response.status_code == 302
    client.force_login(talk["answerer"])
    assert "/en/opportunities/conversations/" in client.get("/en/opportunities/conversations/").content.decode()
    client.post(f"/en/opportunities/conversations/{interest.pk}/", {"text": "Here is our work plan."})
    (first, second) = ConversationMessage.objects.order_by("pk")
    assert first.organisation == interest.request.organisation and second.organisation == interest.organisation
    event = Event.objects.get(object_id=str(second.pk), code="opportunities.message")
    assert event.params["_to"] == [talk["asker"].pk]  # told to the other side only
    assert AuditEntry.objects.filter(action="conversation.message").count() == 2


def test_outsiders_cannot_read_or_write_a_conversation(client, talk):
    interest = talk["interest"]
    url = f"/en/opportunities/conversations/{interest.pk}/"
    for outsider in (UserFactory(), UserFactory(role="editor"), representative()):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        assert client.post(url, {"text": "hello"}).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert not ConversationMessage.objects.exists()


def test_empty_and_overlong_messages_are_refused(talk):
    with pytest.raises(ValidationError):
        conversations.send_message(talk["asker"], talk["interest"], "   ")
    with pytest.raises(ValidationError):
        conversations.send_message(talk["asker"], talk["interest"], "x" * 3001)
    assert not ConversationMessage.objects.exists()


@pytest.fixture
def group():
    opportunity = OpportunityFactory()
    lead_org, partner_org, invited_org = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    lead, partner, invited = representative(lead_org), representative(partner_org), representative(invited_org)
    consortium = consortia.create_consortium(lead, opportunity, lead_org, name="Water consortium")
    member = consortia.invite(lead, consortium, partner_org, "co_applicant")
    consortia.answer(partner, member, True)
    consortia.invite(lead, consortium, invited_org, "associate")
    return {"consortium": consortium, "lead": lead, "partner": partner, "invited": invited, "partner_org": partner_org}


def test_consortium_pages_refuse_non_members_with_403(client, group):
    consortium = group["consortium"]
    consortia.save_section(group["lead"], consortium, "concept_note", "Draft")
    stored = consortia.upload(
        group["lead"], consortium, "Budget", SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    )
    base = f"/en/opportunities/consortia/{consortium.pk}/"
    urls = [base, f"{base}concept_note/", f"{base}proposal.docx", f"{base}files/{stored.pk}/"]
    people = {
        "lead": group["lead"],
        "partner": group["partner"],
        "invited": group["invited"],
        "member": UserFactory(),
        "other representative": representative(),
        "editor": UserFactory(role="editor"),
        "moderator": UserFactory(role="moderator"),
    }
    for name, person in people.items():
        client.force_login(person)
        for url in urls:
            status = client.get(url).status_code
            expected = 200 if name in ("lead", "partner", "invited") else 403
            assert status == expected, (name, url, status)
        if name not in ("lead", "partner", "invited"):
            assert client.post(base, {"action": "step", "title": "Sneak in"}).status_code == 403
    client.logout()
    assert all(client.get(url).status_code == 302 for url in urls)
    assert not consortium.checklist.exists()


def test_an_invited_organisation_reads_but_works_only_after_confirming(group):
    consortium, invited = group["consortium"], group["invited"]
    with pytest.raises(PermissionDenied):
        consortia.save_section(invited, consortium, "risks", "Floods")
    seat = ConsortiumMember.objects.get(consortium=consortium, status="invited")
    consortia.answer(invited, seat, True)
    consortia.save_section(invited, consortium, "risks", "Floods")
    assert Event.objects.filter(code="opportunities.consortium", params__what="confirmed").exists()


def test_sections_keep_every_version_and_refuse_a_stale_save(group):
    consortium, lead, partner = group["consortium"], group["lead"], group["partner"]
    first = consortia.save_section(lead, consortium, "concept_note", "One", base=0)
    consortia.save_section(partner, consortium, "concept_note", "Two", base=first.number)
    with pytest.raises(ValidationError, match="Someone saved this section"):
        consortia.save_section(lead, consortium, "concept_note", "Stale", base=first.number)
    texts = list(SectionVersion.objects.filter(section="concept_note").values_list("text", flat=True))
    assert texts == ["Two", "One"]
    assert consortia.current_texts(consortium)["concept_note"].text == "Two"


def test_comments_tell_the_other_members(group):
    note = consortia.comment(group["partner"], group["consortium"], "logframe", "Add a gender indicator.")
    event = Event.objects.get(code="opportunities.consortium", params__what="comment")
    assert note.organisation == group["partner_org"]
    assert group["lead"].pk in event.params["_to"] and group["partner"].pk not in event.params["_to"]


def test_uploads_are_checked_by_content(client, group):
    consortium = group["consortium"]
    client.force_login(group["lead"])
    fake = SimpleUploadedFile("budget.xlsx", b"<html>not a spreadsheet</html>", "application/vnd.ms-excel")
    response = client.post(consortium.get_absolute_url(), {"action": "upload", "title": "Budget", "file": fake})
    assert response.status_code == 200
    assert "office document" in response.content.decode()
    assert not ConsortiumFile.objects.exists()
    good = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    client.post(consortium.get_absolute_url(), {"action": "upload", "title": "CV", "file": good})
    stored = ConsortiumFile.objects.get()
    response = client.get(f"/en/opportunities/consortia/{consortium.pk}/files/{stored.pk}/")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_lead_cannot_withdraw_and_nobody_is_invited_twice(group):
    consortium = group["consortium"]
    lead_seat = consortium.members.get(role="lead")
    with pytest.raises(ValidationError):
        consortia.answer(group["lead"], lead_seat, False)
    with pytest.raises(ValidationError, match="already in this consortium"):
        consortia.invite(group["lead"], consortium, group["partner_org"], "associate")
    with pytest.raises(PermissionDenied):
        consortia.invite(group["partner"], consortium, OrganisationFactory(), "associate")


def test_a_chat_link_must_be_telegram_or_whatsapp(group):
    with pytest.raises(ValidationError):
        consortia.update_consortium(group["lead"], group["consortium"], name="X", chat_url="https://evil.example/x")
    consortia.update_consortium(group["lead"], group["consortium"], name="X", chat_url="https://chat.whatsapp.com/AB")


def test_the_docx_holds_every_written_section(group):
    from docx import Document

    consortium = group["consortium"]
    consortia.save_section(group["lead"], consortium, "concept_note", "# Aim\n\nClean water.\n\n1. First step")
    consortia.save_section(group["lead"], consortium, "risks", "- Floods")
    document = Document(io.BytesIO(consortia.to_docx(consortium, "en")))
    text = [p.text for p in document.paragraphs]
    assert "Concept note" in text and "Clean water." in text and "First step" in text and "Floods" in text
    assert "Theory of change" not in text  # not written yet
