"""Consultations: two CSOs comment on paragraphs, a comment is reported and hidden, bad input and limits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from kurultai.core import moderation
from kurultai.core.models import AuditEntry
from kurultai.core.moderation_models import ModerationReport
from kurultai.core.search import search
from kurultai.dialogue import services
from kurultai.dialogue.models import Consultation, Contribution, Endorsement
from kurultai.notifications.models import Notification
from tests.dialogue.factories import ConsultationFactory, ContributionFactory, OrganisationFactory, representative_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor():
    return UserFactory(role="editor")


@pytest.fixture
def document(editor):
    return services.create_consultation(
        editor,
        title="Draft regional action plan on climate",
        question="Comment on the draft, paragraph by paragraph.",
        kind=Consultation.Kind.DOCUMENT,
        document_text="Action 1: open river data.\n\nAction 2: early warning in every district.\n\nAction 3: budget.",
        phase=Consultation.Phase.OPEN,
        deadline=timezone.now() + dt.timedelta(days=10),
        languages="en,ru",
    )


def _comment(client, consultation, text, paragraph=None, organisation=None, token="", **extra):
    data = {"text": text, "text_language": extra.pop("language", "en"), "token": token}
    if paragraph:
        data["paragraph"] = paragraph
    if organisation:
        data["organisation"] = organisation.pk
    data.update(extra)
    return client.post(consultation.get_absolute_url(), data)


def test_two_csos_comment_on_paragraphs_and_a_comment_is_reported_and_hidden(
    client, document, worker, django_capture_on_commit_callbacks
):
    alice, water_cso = representative_of()
    bob, youth_cso = representative_of()
    assert document.paragraphs.count() == 3

    client.force_login(alice)
    response = _comment(client, document, "Monthly data is too rare; weekly.", paragraph=1, organisation=water_cso)
    assert response.status_code == 302 and "#c-" in response["Location"]
    client.force_login(bob)
    _comment(client, document, "Ты просто ничего не понимаешь, идиот.", paragraph=2, language="ru")
    _comment(client, document, "Support weekly data for youth groups too.", paragraph=1, organisation=youth_cso)

    page = client.get(document.get_absolute_url()).content.decode()
    assert 'id="p-1"' in page and "2 comments" in page
    assert 'lang="ru"' in page and "идиот" in page
    insult = Contribution.objects.get(language="ru")
    assert insult.paragraph.number == 2 and insult.organisation is None
    assert Contribution.objects.get(text__startswith="Monthly").organisation == water_cso

    # Alice reports the insult; twice is once.
    client.force_login(alice)
    url = f"/en/report/dialogue.contribution/{insult.pk}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "personal_attack", "details": "Insult"}).status_code == 302
    assert client.post(url, {"reason": "personal_attack"}).status_code == 302
    assert ModerationReport.objects.filter(object_id=insult.pk).count() == 1

    # The moderator sees it in the queue and hides it with a public reason.
    moderator = UserFactory(role="moderator")
    client.force_login(moderator)
    queue = client.get("/en/moderation/").content.decode()
    assert "идиот" in queue and "Personal attack" in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/moderate/dialogue.contribution/{insult.pk}/",
            {"action": "hide", "reason": "personal attack", "next": "/en/moderation/"},
        )
    assert response["Location"] == "/en/moderation/"
    assert "идиот" not in client.get("/en/moderation/").content.decode()
    worker()

    client.logout()
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: personal attack" in page
    assert "идиот" not in page
    feed = client.get(f"/en/consultations/{document.slug}/feed.atom").content.decode()
    assert "weekly" in feed and "идиот" not in feed
    api = client.get(f"/api/v1/consultations/{document.pk}/contributions").json()
    assert api["count"] == 2 and all("идиот" not in r["text"] for r in api["results"])
    assert not [h for h in search("идиот") if h.kind == "contribution"]
    assert [h for h in search("weekly") if h.kind == "contribution"]

    # The author is told, the decision is audited, the report closed.
    told = Notification.objects.get(user=bob, event__code="moderation.decided")
    assert "personal attack" in told.title
    assert not Notification.objects.filter(user=alice, event__code="moderation.decided").exists()
    assert AuditEntry.objects.filter(action="moderation.hidden", object_id=str(insult.pk)).exists()
    assert ModerationReport.objects.get(object_id=insult.pk).status == "upheld"


def test_restore_and_dismiss_are_audited(client, document):
    contribution = ContributionFactory(consultation=document)
    reporter = UserFactory()
    moderation.report(contribution, actor=reporter, reason="spam")
    moderator = UserFactory(role="moderator")
    assert moderation.dismiss(contribution, actor=moderator) == 1
    assert moderation.hide(contribution, actor=moderator, reason="spam")
    assert moderation.restore(contribution, actor=moderator, reason="not spam after all")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"moderation.reported", "moderation.dismissed", "moderation.hidden", "moderation.restored"} <= actions
    client.force_login(reporter)
    assert client.post(f"/en/moderate/dialogue.contribution/{contribution.pk}/", {"action": "hide"}).status_code == 403


def test_only_members_report_and_bad_reasons_are_refused(client, document):
    contribution = ContributionFactory(consultation=document)
    url = f"/en/report/dialogue.contribution/{contribution.pk}/"
    assert client.post(url, {"reason": "spam"}).status_code == 302  # to sign-in
    client.force_login(UserFactory())
    assert client.post(url, {"reason": "nonsense"}).status_code == 400
    assert client.get("/en/report/dialogue.nothing/1/").status_code == 404
    assert not ModerationReport.objects.exists()


def test_first_contributions_wait_for_review(client, editor):
    consultation = services.create_consultation(
        editor, title="Youth participation", question="How?", phase="open", hold_first=1
    )
    member = UserFactory()
    client.force_login(member)
    _comment(client, consultation, "My first words")
    _comment(client, consultation, "My second words")
    first, second = Contribution.objects.order_by("pk")
    assert first.held_for_review and not second.held_for_review
    client.logout()
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "My first words" not in page and "My second words" in page
    moderator = UserFactory(role="moderator")
    client.force_login(moderator)
    assert "My first words" in client.get("/en/moderation/").content.decode()
    client.post(f"/en/moderate/dialogue.contribution/{first.pk}/", {"action": "approve"})
    client.logout()
    assert "My first words" in client.get(consultation.get_absolute_url()).content.decode()


def test_closed_consultation_refuses_with_a_message(client):
    consultation = ConsultationFactory(phase=Consultation.Phase.CLOSED)
    client.force_login(UserFactory())
    response = _comment(client, consultation, "Too late?")
    assert response.status_code == 400
    assert "not open for contributions" in response.content.decode()
    past = ConsultationFactory(deadline=timezone.now() - dt.timedelta(minutes=1))
    assert _comment(client, past, "Too late?").status_code == 400
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001, "bad\x00text"])
def test_empty_or_over_long_texts_get_form_errors(client, text):
    consultation = ConsultationFactory()
    client.force_login(UserFactory())
    response = _comment(client, consultation, text)
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Contribution.objects.exists()


def test_double_submission_creates_one_record(client):
    consultation = ConsultationFactory()
    client.force_login(UserFactory())
    first = _comment(client, consultation, "Once only", token="abc123")
    second = _comment(client, consultation, "Once only", token="abc123")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Contribution.objects.count() == 1


def test_only_representatives_write_for_an_organisation(client):
    consultation = ConsultationFactory()
    outsider, _own = representative_of()
    other = OrganisationFactory()
    client.force_login(outsider)
    response = _comment(client, consultation, "For them", organisation=other)
    assert response.status_code == 400
    assert not Contribution.objects.exists()


@override_settings(KURULTAI_POSTING_LIMIT=2, KURULTAI_POSTING_WINDOW=600)
def test_posting_too_fast_gets_a_clear_message(client):
    consultation = ConsultationFactory()
    client.force_login(UserFactory())
    assert _comment(client, consultation, "one").status_code == 302
    assert _comment(client, consultation, "two").status_code == 302
    response = _comment(client, consultation, "three")
    assert response.status_code == 429
    assert "faster than we allow" in response.content.decode()
    assert Contribution.objects.count() == 2


def test_replies_stay_one_level_deep(client):
    consultation = ConsultationFactory()
    top = ContributionFactory(consultation=consultation)
    client.force_login(UserFactory())
    _comment(client, consultation, "A reply", parent=top.pk)
    reply = Contribution.objects.get(text="A reply")
    _comment(client, consultation, "A reply to the reply", parent=reply.pk)
    assert Contribution.objects.get(text="A reply to the reply").parent == top


def test_organisations_endorse_once(client):
    contribution = ContributionFactory()
    user, organisation = representative_of()
    client.force_login(user)
    url = f"/en/consultations/contributions/{contribution.pk}/endorse/"
    client.post(url, {"organisation": organisation.pk})
    client.post(url, {"organisation": organisation.pk})
    assert Endorsement.objects.filter(contribution=contribution).count() == 1
    stranger = OrganisationFactory()
    client.post(url, {"organisation": stranger.pk})
    assert Endorsement.objects.count() == 1


def test_who_opens_consultations(client, editor):
    member = UserFactory()
    client.force_login(member)
    assert client.get("/en/consultations/new/").status_code == 403
    client.force_login(editor)
    response = client.post(
        "/en/consultations/new/",
        {
            "title": "Digital transformation",
            "question": "Which services first?",
            "kind": "question",
            "time_zone": "Asia/Bishkek",
            "deadline": "2030-05-01 18:00",
            "languages": ["en", "ru"],
            "hold_first": "0",
            "open_now": "on",
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.accepts_contributions
    assert consultation.deadline == dt.datetime(2030, 5, 1, 12, 0, tzinfo=dt.UTC)
    assert consultation.language_list == ["en", "ru"]


def test_phases_move_forward_and_the_report_is_published(client, editor, document):
    client.force_login(editor)
    client.post(f"/en/consultations/{document.slug}/phase/", {"phase": "closed"})
    document.refresh_from_db()
    assert document.phase == "closed"
    client.post(f"/en/consultations/{document.slug}/phase/", {"phase": "open"})
    document.refresh_from_db()
    assert document.phase == "closed"
    response = client.post(
        f"/en/consultations/{document.slug}/report/", {"report": "We heard **three** things.", "text_language": "en"}
    )
    assert response.status_code == 302
    page = client.get(document.get_absolute_url()).content.decode()
    assert "<strong>three</strong>" in page


def test_documents_are_checked_by_content(client, editor, document):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    bad = SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(f"/en/consultations/{document.slug}/documents/", {"title": "Plan", "file": bad})
    assert response.status_code == 200 and "must be a PDF" in response.content.decode()
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 minimal", content_type="application/pdf")
    assert (
        client.post(f"/en/consultations/{document.slug}/documents/", {"title": "Plan", "file": good}).status_code == 302
    )
    doc = document.documents.get()
    assert doc.file.name.endswith(".pdf") and "plan" not in doc.file.name
    assert client.get(f"/en/consultations/documents/{doc.pk}/").status_code == 200


def test_queries_stay_constant_as_contributions_grow(client, django_assert_max_num_queries, document):
    paragraph = document.paragraphs.first()
    client.force_login(UserFactory())

    def grow(n):
        for _ in range(n):
            user, org = representative_of()
            top = ContributionFactory(consultation=document, paragraph=paragraph, organisation=org, author=user)
            ContributionFactory(consultation=document, parent=top, paragraph=paragraph)
            Endorsement.objects.create(contribution=top, organisation=OrganisationFactory())

    grow(2)
    client.get(document.get_absolute_url())  # shared caches warm
    with django_assert_max_num_queries(32) as small:
        client.get(document.get_absolute_url())
    grow(10)
    client.get(document.get_absolute_url())
    with django_assert_max_num_queries(32) as big:
        client.get(document.get_absolute_url())
    assert len(big.captured_queries) == len(small.captured_queries)
    client.logout()
    grow(1)
    client.get("/en/consultations/")
    with django_assert_max_num_queries(15):
        client.get("/en/consultations/")


def test_a_convener_opens_a_consultation_for_their_group_and_manages_it(client):
    from kurultai.workinggroups.models import WorkingGroup

    convener = UserFactory()
    group = WorkingGroup.objects.create(slug="climate", title={"en": "Climate and environment"})
    group.conveners.add(convener)
    other = WorkingGroup.objects.create(slug="youth", title={"en": "Youth participation"})
    client.force_login(convener)
    data = {
        "title": "Draft action plan",
        "question": "Comment, please.",
        "kind": "question",
        "time_zone": "Asia/Almaty",
        "hold_first": "0",
        "working_group": other.pk,
    }
    assert client.post("/en/consultations/new/", data).status_code == 200  # not their group
    data["working_group"] = group.pk
    assert client.post("/en/consultations/new/", data).status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.working_group == group
    client.post(f"/en/consultations/{consultation.slug}/phase/", {"phase": "open"})
    consultation.refresh_from_db()
    assert consultation.phase == "open"
    client.force_login(UserFactory())
    assert client.get("/en/consultations/new/").status_code == 403
