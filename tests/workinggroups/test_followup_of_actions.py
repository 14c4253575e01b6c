"""An action of an adopted plan is followed up exactly like a recommendation."""

import pytest
from django.core.exceptions import PermissionDenied

from kurultai.followup import services as followup
from kurultai.followup.models import ProgressUpdate, Trackable
from kurultai.workinggroups import services
from tests.factories import RecommendationFactory, UserFactory
from tests.factories_more import MembershipFactory, OrganisationFactory
from tests.workinggroups.factories import ActionPlanFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(db):
    """A group whose convener adopted a plan with one action owned by a ministry, answering a recommendation."""
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    plan = ActionPlanFactory(group=group)
    ministry = OrganisationFactory(type="government")
    rec = RecommendationFactory()
    action = services.save_action(
        convener, plan, title="Open digital skills centres in rural districts", owners=[ministry],
        recommendations=[rec], text_language="en",
    )  # fmt: skip
    services.save_indicator(convener, action, name="Centres open", unit="centres", baseline=0, target=12)
    services.adopt_plan(convener, plan)
    action.refresh_from_db()
    return {"convener": convener, "group": group, "plan": plan, "ministry": ministry, "rec": rec, "action": action}


def test_focal_point_reports_and_cso_disagrees_and_recommendation_page_shows_it(client, adopted):
    action, rec = adopted["action"], adopted["rec"]
    focal = MembershipFactory(organisation=adopted["ministry"]).user
    followup.post_update(
        focal, action, status="implemented", text="All centres are open.", reporter="actor",
        organisation=adopted["ministry"],
    )  # fmt: skip
    watchdog = MembershipFactory().organisation
    cso = MembershipFactory(organisation=watchdog).user
    followup.post_assessment(cso, action, organisation=watchdog, status="in_progress", text="Only four opened.")

    trackable = Trackable.objects.get(kind="action", object_id=action.pk)
    assert trackable.status == "implemented"
    assert ProgressUpdate.objects.get(trackable=trackable).recommendation is None

    page = client.get(action.get_absolute_url()).content.decode()
    assert "All centres are open." in page and "Only four opened." in page
    assert "Civil society disagrees with the official status." in page

    rec_page = client.get(rec.get_absolute_url()).content.decode()
    assert "Actions that answer this recommendation" in rec_page
    assert "Open digital skills centres in rural districts" in rec_page
    assert "Implemented" in rec_page

    dashboard = client.get("/en/follow-up/?kind=action").content.decode()
    assert "Open digital skills centres" in dashboard or "Civil society disagrees" in dashboard


def test_only_representatives_of_owners_report_progress(client, adopted):
    outsider = MembershipFactory().user
    with pytest.raises(PermissionDenied):
        followup.post_update(
            outsider, adopted["action"], status="implemented", text="x", reporter="actor",
            organisation=adopted["ministry"],
        )  # fmt: skip
    focal = MembershipFactory(organisation=adopted["ministry"]).user
    client.force_login(focal)
    url = f"/en/follow-up/action/{adopted['action'].pk}/update/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"status": "in_progress", "text": "Two centres open.", "reported_on": "2026-01-15", "reporter": "actor",
         "organisation": adopted["ministry"].pk, "text_language": "en"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "Two centres open." in client.get(adopted["action"].get_absolute_url()).content.decode()
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_draft_actions_are_not_public(client, adopted):
    draft = services.save_action(adopted["convener"], adopted["plan"], title="Not yet adopted")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/en/follow-up/action/{draft.pk}/update/").status_code in (302, 404)
