"""The dashboard counts thousands of recommendations from facts kept on their trackables; they must say what each
recommendation's page says, and stay true when records are added and removed."""

import datetime as dt
import statistics

import pytest
from django.utils import timezone

from kurultai.followup import facts
from kurultai.followup.models import Trackable
from kurultai.followup.tracking import LISTED, dashboard_facts, track, with_tracking
from kurultai.forums.models import Recommendation
from tests.factories import RecommendationFactory
from tests.factories_more import AssessmentFactory, ProgressUpdateFactory, ResponseFactory, ResponsibleActorFactory

pytestmark = pytest.mark.django_db


def mixed_cases() -> None:
    today = timezone.localdate()
    overdue = ResponsibleActorFactory(deadline=today - dt.timedelta(days=3)).recommendation
    ResponsibleActorFactory(recommendation=overdue, deadline=today + dt.timedelta(days=40))
    ResponsibleActorFactory(deadline=today + dt.timedelta(days=10))  # due soon
    stale = ResponseFactory(responded_on=today - dt.timedelta(days=400)).recommendation
    ProgressUpdateFactory(recommendation=stale, reported_on=today - dt.timedelta(days=300))
    fresh = ResponseFactory(responded_on=today - dt.timedelta(days=400)).recommendation
    ProgressUpdateFactory(recommendation=fresh, reported_on=today - dt.timedelta(days=20), status="implemented")
    ProgressUpdateFactory(recommendation=fresh, reported_on=today - dt.timedelta(days=90), status="in_progress")
    disputed = ProgressUpdateFactory(status="implemented").recommendation
    AssessmentFactory(recommendation=disputed, status="not_started", assessed_on=today)
    agreed = ProgressUpdateFactory(status="in_progress").recommendation
    organisation = AssessmentFactory(recommendation=agreed, status="not_started", assessed_on=today - dt.timedelta(5))
    AssessmentFactory(
        recommendation=agreed, organisation=organisation.organisation, status="in_progress", assessed_on=today
    )
    ResponseFactory(status="awaiting_response", responded_on=today)  # not an answer
    ResponseFactory(organisation=None, responded_on=today)  # unattributed: not official
    RecommendationFactory()


def from_full_trackings(queryset, today):
    """The dashboard's figures computed the slow way: a full tracking of every recommendation."""
    trackings = [track(rec, today) for rec in with_tracking(queryset)]
    first_days = [t.first_response_days for t in trackings if t.answered and t.first_response_days is not None]
    unanswered = sorted((t for t in trackings if not t.answered), key=lambda t: -(t.days_without_response or -1))
    counts = {}
    for t in trackings:
        counts[t.status] = counts.get(t.status, 0) + 1
    return {
        "total": len(trackings),
        "counts": {code: n for code, n in counts.items() if n},
        "answered": sum(t.answered for t in trackings),
        "median_days": round(statistics.median(first_days)) if first_days else None,
        "stale": sum(t.stale for t in trackings),
        "overdue": sum(t.overdue for t in trackings),
        "due_soon": sum(t.due_soon for t in trackings),
        "disputed": sum(t.disagreement for t in trackings),
        "lists": {
            "oldest_unanswered": [t.recommendation.pk for t in unanswered[:5]],
            "overdue": [t.recommendation.pk for t in trackings if t.overdue][:LISTED],
            "due_soon": [t.recommendation.pk for t in trackings if t.due_soon][:LISTED],
            "stale": [t.recommendation.pk for t in trackings if t.stale][:10],
            "disagreements": [t.recommendation.pk for t in trackings if t.disagreement][:LISTED],
        },
    }


def seen(queryset, today):
    found = dashboard_facts(queryset, today)
    return {
        "total": found.total,
        "counts": {code: n for code, n in found.counts.items() if n},
        "answered": found.answered,
        "median_days": found.median_days,
        "stale": found.stale,
        "overdue": found.overdue,
        "due_soon": found.due_soon,
        "disputed": found.disputed,
        "lists": found.lists,
    }


@pytest.mark.parametrize("data", ["demo", "cases"])
def test_dashboard_figures_say_what_full_tracking_says(data, request):
    request.getfixturevalue("demo") if data == "demo" else mixed_cases()
    queryset = Recommendation.objects.published().order_by("pk")
    for today in (timezone.localdate(), dt.date(2022, 3, 1), dt.date(2031, 1, 1)):
        expected = from_full_trackings(queryset, today)
        assert expected["total"] > 5
        assert seen(queryset, today) == expected, today
    if data == "cases":
        assert {k: v for k, v in seen(queryset, timezone.localdate()).items() if k in ("overdue", "stale")} == {
            "overdue": 1,
            "stale": 1,
        }
        found = seen(queryset, timezone.localdate())
        assert (found["due_soon"], found["disputed"]) == (1, 1)


def test_filtered_dashboard_counts_only_what_the_filter_keeps(demo):
    today = timezone.localdate()
    queryset = Recommendation.objects.published().filter(forum__slug="2021-almaty").order_by("pk")
    assert seen(queryset, today) == from_full_trackings(queryset, today)
    assert seen(queryset, today)["total"] == 23


def test_kept_facts_follow_records_added_and_removed():
    today = timezone.localdate()
    update = ProgressUpdateFactory(status="implemented", reported_on=today - dt.timedelta(days=3))
    rec = update.recommendation
    view = AssessmentFactory(recommendation=rec, status="not_started", assessed_on=today)
    queryset = Recommendation.objects.filter(pk=rec.pk)
    assert dashboard_facts(queryset, today).disputed == 1
    view.delete()
    assert dashboard_facts(queryset, today).disputed == 0
    update.delete()
    found = dashboard_facts(queryset, today)
    assert found.counts["implemented"] == 0 and found.counts["no_information"] == 1
    actor = ResponsibleActorFactory(recommendation=rec, deadline=today - dt.timedelta(days=1))
    assert dashboard_facts(queryset, today).overdue == 1
    actor.delete()
    assert dashboard_facts(queryset, today).overdue == 0


def test_refresh_rebuilds_facts_that_went_wrong(demo):
    """What the migration runs over existing data: facts rebuilt from the records alone."""
    today = timezone.localdate()
    queryset = Recommendation.objects.published().order_by("pk")
    right = seen(queryset, today)
    Trackable.objects.update(
        status="implemented", last_reported_on=None, first_response_on=None, actors_deadline=None, disputed=True
    )
    assert seen(queryset, today) != right
    facts.refresh(Trackable.objects.values_list("pk", flat=True))
    assert seen(queryset, today) == right


def test_dashboard_figures_are_counted_once_until_follow_up_changes(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rec = RecommendationFactory()
    RecommendationFactory()

    def view():
        client.cookies["nocache"] = "1"
        with CaptureQueriesContext(connection) as ctx:
            html = client.get("/en/follow-up/").content.decode()
        return html, [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]

    view()
    html, counting = view()
    assert not counting
    ProgressUpdateFactory(recommendation=rec, status="implemented")
    html, counting = view()
    assert counting
    assert '<td>Implemented</td><td>1</td>' in html
