"""The dashboard counts thousands of recommendations from plain values; they must say what each page says."""

import datetime as dt

import pytest
from django.utils import timezone

from kurultai.followup.tracking import summaries, track, with_tracking
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


@pytest.mark.parametrize("data", ["demo", "cases"])
def test_each_summary_says_what_full_tracking_says(data, request):
    request.getfixturevalue("demo") if data == "demo" else mixed_cases()
    today = timezone.localdate()
    queryset = Recommendation.objects.published().order_by("pk")
    facts = summaries(queryset, today)
    trackings = [track(rec, today) for rec in with_tracking(queryset)]
    assert len(facts) == len(trackings) > 5
    for summary, tracking in zip(facts, trackings, strict=True):
        seen = (
            summary.status,
            summary.deadline,
            summary.answered,
            summary.first_response_days,
            summary.days_without_response(today),
            summary.overdue,
            summary.due_soon,
            summary.stale,
            summary.disagreement,
        )
        expected = (
            tracking.status,
            tracking.deadline,
            tracking.answered,
            tracking.first_response_days,
            tracking.days_without_response,
            tracking.overdue,
            tracking.due_soon,
            tracking.stale,
            tracking.disagreement,
        )
        assert seen == expected, tracking.recommendation.reference
    if data == "cases":
        flags = {
            name: sum(getattr(f, name) for f in facts) for name in ("overdue", "due_soon", "stale", "disagreement")
        }
        assert flags == {"overdue": 1, "due_soon": 1, "stale": 1, "disagreement": 1}
