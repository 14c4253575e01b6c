"""Responses are official: given by an organisation acting for the addressee (or an editor on its behalf)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kurultai.core.models import AuditEntry
from kurultai.followup import services
from kurultai.followup.models import ProgressUpdate, Response
from kurultai.followup.tracking import track, with_tracking
from kurultai.forums.models import Addressee, Recommendation
from tests.factories import RecommendationFactory, UserFactory
from tests.factories_more import MembershipFactory, OrganisationFactory, ResponsibleActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    """A recommendation to national governments; a ministry answers for them, a CSO is responsible for acting."""
    rec = RecommendationFactory()
    governments = Addressee.objects.get(code="governments")
    ministry = OrganisationFactory(slug="ministry", type="government", name={"en": "Ministry of Water"})
    governments.organisations.add(ministry)
    cso = OrganisationFactory(slug="river-cso", name={"en": "River CSO"})
    ResponsibleActorFactory(recommendation=rec, organisation=cso)
    focal = MembershipFactory(organisation=ministry).user
    actor = MembershipFactory(organisation=cso).user
    return {"rec": rec, "governments": governments, "ministry": ministry, "cso": cso, "focal": focal, "actor": actor}


def respond_url(rec):
    return f"/en/recommendations/{rec.pk}/respond/"


def test_a_responsible_cso_cannot_record_a_government_response(client, setting):
    rec, actor = setting["rec"], setting["actor"]
    client.force_login(actor)
    assert client.get(respond_url(rec)).status_code == 403
    response = client.post(
        respond_url(rec),
        {"addressee": setting["governments"].pk, "organisation": setting["cso"].pk, "status": "accepted"},
    )
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.post_response(
            actor, rec, addressee=setting["governments"], organisation=setting["cso"], status="accepted"
        )
    assert not Response.objects.exists()
    assert "Respond</a>" not in client.get(rec.get_absolute_url()).content.decode()


def test_the_ministry_answers_in_its_own_name_and_it_counts(client, setting):
    rec, focal = setting["rec"], setting["focal"]
    client.force_login(focal)
    page = client.get(respond_url(rec)).content.decode()
    assert "Ministry of Water" in page and "River CSO" not in page
    reply = client.post(
        respond_url(rec),
        {
            "addressee": setting["governments"].pk,
            "organisation": setting["ministry"].pk,
            "status": "accepted",
            "text": "The ministry accepts.",
            "text_language": "en",
            "responded_on": "2024-03-01",
        },
    )
    assert reply.status_code == 302
    response = Response.objects.get()
    assert response.organisation == setting["ministry"] and response.author == focal
    html = client.get(rec.get_absolute_url()).content.decode()
    assert "given by Ministry of Water" in html
    assert track(with_tracking(Recommendation.objects.filter(pk=rec.pk)).get()).answered
    entry = AuditEntry.objects.get(action="followup.response")
    assert entry.actor == focal and entry.object_id == str(response.pk)
    assert entry.changes == {
        "recommendation": rec.pk,
        "addressee": setting["governments"].pk,
        "organisation": setting["ministry"].pk,
    }


def test_nobody_answers_for_an_addressee_their_organisation_does_not_act_for(setting):
    eu = Addressee.objects.get(code="eu")
    setting["rec"].addressees.add(eu)
    with pytest.raises(ValidationError):
        services.post_response(
            setting["focal"], setting["rec"], addressee=eu, organisation=setting["ministry"], status="noted"
        )
    assert not Response.objects.exists()


def test_editors_answer_on_behalf_of_a_linked_organisation_only(client, setting):
    rec = setting["rec"]
    editor = UserFactory(role="editor")
    client.force_login(editor)
    missing = client.post(respond_url(rec), {"addressee": setting["governments"].pk, "status": "accepted"})
    assert missing.status_code == 200 and "This field is required." in missing.content.decode()
    wrong = client.post(
        respond_url(rec),
        {"addressee": setting["governments"].pk, "organisation": setting["cso"].pk, "status": "accepted"},
    )
    assert wrong.status_code == 200 and not Response.objects.exists()
    with pytest.raises(ValidationError):
        services.post_response(editor, rec, addressee=setting["governments"], organisation=None, status="accepted")
    done = client.post(
        respond_url(rec),
        {
            "addressee": setting["governments"].pk,
            "organisation": setting["ministry"].pk,
            "status": "noted",
            "responded_on": "2024-03-01",
            "text_language": "en",
        },
    )
    assert done.status_code == 302
    assert Response.objects.get().organisation == setting["ministry"]


def test_unattributed_entries_are_not_counted_in_the_response_rate(client, setting):
    rec = setting["rec"]
    Response.objects.create(recommendation=rec, addressee=setting["governments"], status="accepted")
    state = track(with_tracking(Recommendation.objects.filter(pk=rec.pk)).get())
    assert not state.answered and state.responses == []
    html = client.get(f"/en/follow-up/?forum={rec.forum.slug}").content.decode()
    assert "0% (0 of 1 have a formal response)" in html


def test_progress_updates_keep_their_organisation(client, setting):
    rec, actor = setting["rec"], setting["actor"]
    client.force_login(actor)
    posted = client.post(
        f"/en/recommendations/{rec.pk}/update/",
        {
            "status": "in_progress",
            "text": "Work started.",
            "text_language": "en",
            "reported_on": "2024-04-01",
            "reporter": "actor",
            "organisation": setting["cso"].pk,
        },
    )
    assert posted.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.organisation == setting["cso"]
    assert "(River CSO)" in client.get(rec.get_absolute_url()).content.decode()
    # Reporting for an organisation that is not responsible is refused, for representatives and editors alike.
    with pytest.raises(ValidationError):
        services.post_update(
            UserFactory(role="editor"),
            rec,
            status="planned",
            text="x",
            reporter="actor",
            organisation=setting["ministry"],
        )
    with pytest.raises(ValidationError):
        services.post_update(actor, rec, status="planned", text="x", reporter="actor", organisation=None)
    assert ProgressUpdate.objects.count() == 1
    entry = AuditEntry.objects.get(action="followup.update")
    assert entry.changes == {"recommendation": rec.pk, "organisation": setting["cso"].pk}


def test_open_data_and_feed_name_the_responding_organisation(client, setting):
    services.post_response(
        setting["focal"],
        setting["rec"],
        addressee=setting["governments"],
        organisation=setting["ministry"],
        status="accepted",
        text="Accepted.",
    )
    data = client.get("/en/follow-up/recommendations.json").json()
    (item,) = [r for r in data["recommendations"] if r["id"] == setting["rec"].pk]
    assert item["responses"][0]["organisation"] == "ministry"
    feed = client.get("/en/follow-up/feed/").content.decode()
    assert "<name>Ministry of Water</name>" in feed
