"""Plans: adoption freezes a numbered version; the report (HTML and DOCX) shows progress by action and indicator;
pages stay within the query and size budgets as plans grow."""

import gzip
import io
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from kurultai.followup import services as followup
from kurultai.forums.models import Recommendation
from kurultai.workinggroups import services
from kurultai.workinggroups.models import Action
from tests.factories import RecommendationFactory, UserFactory
from tests.factories_more import MembershipFactory, OrganisationFactory
from tests.test_budgets import HTML_BUDGET
from tests.workinggroups.factories import ActionPlanFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def build(convener, plan, count: int, indicators: int = 2):
    for n in range(count):
        owner = OrganisationFactory()
        action = services.save_action(
            convener, plan, title=f"Action number {n}", owners=[owner], recommendations=[RecommendationFactory()],
            budget_amount=Decimal("25000"), budget_currency="EUR", text_language="en",
        )  # fmt: skip
        for i in range(indicators):
            services.save_indicator(
                convener, action, name=f"Measure {n}.{i}", unit="people", baseline=Decimal(0), target=Decimal(100)
            )


def test_adoption_freezes_a_numbered_version_and_later_edits_are_a_draft(client):
    convener = UserFactory()
    plan = ActionPlanFactory(group=WorkingGroupFactory(conveners=[convener]))
    with pytest.raises(ValidationError):
        services.adopt_plan(convener, plan)  # nothing to adopt yet
    build(convener, plan, 1)
    assert client.get(plan.get_absolute_url()).status_code == 404  # drafts are not public
    first = services.adopt_plan(convener, plan)
    assert first.number == 1 and first.snapshot["actions"][0]["indicators"][0]["target"] == "100"
    with pytest.raises(ValidationError):
        services.adopt_plan(convener, plan)  # nothing changed
    action = plan.actions.get()
    services.save_action(convener, plan, action, title="Renamed in the draft", owners=list(action.owners.all()))
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Action number 0" in page and "Renamed in the draft" not in page
    with pytest.raises(PermissionDenied):
        services.adopt_plan(UserFactory(), plan)
    second = services.adopt_plan(convener, plan)
    assert second.number == 2
    from kurultai.notifications.models import Event

    adopted = Event.objects.filter(code="workinggroups.plan_adopted")
    assert adopted.count() == 2 and adopted.first().topics == {"working_group": [plan.group.slug]}
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Renamed in the draft" in page
    first.refresh_from_db()
    assert first.snapshot["actions"][0]["title"] == {"en": "Action number 0"}


def test_report_html_and_docx_show_indicators_and_progress(client):
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    plan = ActionPlanFactory(group=group)
    build(convener, plan, 1, indicators=1)
    services.adopt_plan(convener, plan)
    indicator = plan.actions.get().indicators.get()
    owner = plan.actions.get().owners.get()
    services.record_indicator(MembershipFactory(organisation=owner).user, indicator, actual=Decimal(40))
    focal = MembershipFactory(organisation=owner).user
    followup.post_update(
        focal, plan.actions.get(), status="in_progress", text="Forty trained.", reporter="actor", organisation=owner
    )
    html = client.get(f"/en/working-groups/{group.slug}/plans/{plan.pk}/report").content.decode()
    assert "Measure 0.0" in html and "40%" in html and "In progress" in html and "Forty trained." in html
    response = client.get(f"/en/working-groups/{group.slug}/plans/{plan.pk}/report.docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    doc = Document(io.BytesIO(response.content))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "Measure 0.0" in cells and "100" in cells and "40" in cells
    assert any("In progress" in p.text for p in doc.paragraphs)


def test_outsiders_cannot_record_indicator_values():
    convener = UserFactory()
    plan = ActionPlanFactory(group=WorkingGroupFactory(conveners=[convener]))
    build(convener, plan, 1, indicators=1)
    indicator = plan.actions.get().indicators.get()
    with pytest.raises(PermissionDenied):
        services.record_indicator(MembershipFactory().user, indicator, actual=Decimal(1))


def _queries(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content


@pytest.mark.parametrize("page", ["plan", "report", "group", "recommendation"])
def test_queries_stay_constant_as_actions_and_indicators_grow(client, page):
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    plan = ActionPlanFactory(group=group)
    build(convener, plan, 1, indicators=1)
    services.adopt_plan(convener, plan)
    rec = plan.actions.get().recommendations.get()
    urls = {
        "plan": plan.get_absolute_url(),
        "report": f"/en/working-groups/{group.slug}/plans/{plan.pk}/report",
        "group": group.get_absolute_url(),
        "recommendation": rec.get_absolute_url(),
    }
    for model in (Action, Recommendation):  # the content-type cache is filled once per process
        ContentType.objects.get_for_model(model)
    small, _html = _queries(client, urls[page])
    build(convener, plan, 6, indicators=4)
    for action in plan.actions.all():
        action.recommendations.add(rec)
    services.adopt_plan(convener, plan)
    large, html = _queries(client, urls[page])
    assert large == small
    if page in ("plan", "group"):
        assert len(gzip.compress(html)) <= HTML_BUDGET
