"""The plans and actions in the API and open data; the demo loads twice without changing anything."""

import json

import pytest

from kurultai.followup import services as followup
from kurultai.workinggroups import services
from tests.factories import UserFactory
from tests.factories_more import MembershipFactory
from tests.workinggroups.factories import ActionPlanFactory, WorkingGroupFactory
from tests.workinggroups.test_plans import build

pytestmark = pytest.mark.django_db


def test_api_lists_plans_and_actions_with_follow_up(client):
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    plan = ActionPlanFactory(group=group)
    build(convener, plan, 3, indicators=2)
    draft_only = ActionPlanFactory(group=group)
    build(convener, draft_only, 1)
    services.adopt_plan(convener, plan)
    action = plan.actions.order_by("position").first()
    owner = action.owners.get()
    followup.post_update(
        MembershipFactory(organisation=owner).user, action, status="planned", text="Scheduled.", reporter="actor",
        organisation=owner,
    )  # fmt: skip
    plans = client.get("/api/v1/action-plans").json()
    assert plans["count"] == 1 and plans["results"][0]["version"] == 1
    detail = client.get(f"/api/v1/action-plans/{plan.pk}").json()
    assert len(detail["actions"]) == 3 and detail["actions"][0]["status"] == "planned"
    assert detail["actions"][0]["indicators"][0]["target"] == "100"
    actions = client.get(f"/api/v1/actions?group={group.slug}&limit=2").json()
    assert actions["count"] == 3 and len(actions["results"]) == 2
    assert client.get(f"/api/v1/actions/{draft_only.actions.get().pk}").status_code == 404
    assert client.get("/api/v1/actions?limit=0").status_code == 422
    data = json.loads(client.get("/en/working-groups/action-plans.json").content)
    assert data["action_plans"][0]["actions"][0]["status"] == "planned"
    csv_text = client.get("/en/working-groups/action-plans.csv").content.decode()
    assert "Measure 0.0" in csv_text and "planned" in csv_text


def test_demo_is_idempotent(demo):
    from kurultai.workinggroups import demo as group_demo
    from kurultai.workinggroups.models import Action, Indicator, PlanVersion, WorkingGroup

    before = (
        WorkingGroup.objects.count(),
        Action.objects.count(),
        Indicator.objects.count(),
        PlanVersion.objects.count(),
    )
    group_demo.load()
    after = (
        WorkingGroup.objects.count(),
        Action.objects.count(),
        Indicator.objects.count(),
        PlanVersion.objects.count(),
    )
    assert before == after == (5, 15, 15, 5)
    assert all(a.recommendations.exists() and a.owners.exists() for a in Action.objects.all())
