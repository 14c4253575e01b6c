"""Flags mean what they say: stale, days without response, disagreement, recurrence similarity."""

import datetime as dt

import pytest

from kurultai.followup import recurrence
from kurultai.followup.models import Assessment, ProgressUpdate, Response, ResponsibleActor
from kurultai.followup.tracking import track, with_tracking
from kurultai.forums.models import Addressee, Forum, Recommendation
from kurultai.organisations.models import Organisation
from tests.factories import ForumFactory, RecommendationFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 15)


def state(rec, today=TODAY):
    return track(with_tracking(Recommendation.objects.filter(pk=rec.pk)).get(), today)


@pytest.fixture
def org():
    return Organisation.objects.create(slug="ministry", name={"en": "Ministry"})


@pytest.fixture
def addressee():
    return Addressee.objects.get_or_create(code="governments", defaults={"name": {"en": "Governments"}})[0]


def rec_at(start=dt.date(2021, 10, 6), precision="day", text=None):
    forum = ForumFactory(start_date=start, date_precision=precision)
    return RecommendationFactory(session=SessionFactory(forum=forum), **({"text": text} if text else {}))


def test_a_recommendation_nobody_has_answered_and_without_deadline_is_not_stale():
    assert not state(rec_at()).stale


def test_stale_counts_six_months_from_the_first_response(addressee, org):
    rec = rec_at()
    Response.objects.create(
        recommendation=rec, addressee=addressee, organisation=org, status="accepted", responded_on=dt.date(2025, 9, 1)
    )
    assert not state(rec).stale  # four and a half months since the response
    assert state(rec, dt.date(2026, 4, 1)).stale  # seven months without an update
    ProgressUpdate.objects.create(
        recommendation=rec,
        status="in_progress",
        text={"en": "Working."},
        reporter="actor",
        reported_on=dt.date(2026, 3, 1),
    )
    assert not state(rec, dt.date(2026, 4, 1)).stale


def test_stale_counts_from_a_past_deadline(org):
    rec = rec_at()
    ResponsibleActor.objects.create(recommendation=rec, organisation=org, deadline=dt.date(2025, 1, 31))
    assert state(rec).stale and state(rec).overdue
    future = rec_at()
    ResponsibleActor.objects.create(recommendation=future, organisation=org, deadline=dt.date(2026, 12, 31))
    assert not state(future).stale


def test_days_without_response_count_from_a_known_date_only():
    exact = state(rec_at(dt.date(2025, 10, 6)))
    assert exact.days_without_response == (TODAY - dt.date(2025, 10, 6)).days
    year_only = state(rec_at(dt.date(2019, 1, 1), precision=Forum.DatePrecision.YEAR))
    assert year_only.days_without_response is None and year_only.unanswered


def test_the_panel_of_a_forum_known_only_by_year_counts_no_days(client):
    rec = rec_at(dt.date(2019, 1, 1), precision=Forum.DatePrecision.YEAR)
    html = client.get(rec.get_absolute_url()).content.decode()
    assert "days after the forum" not in html


def test_disagreement_only_between_two_real_statuses(org):
    rec = rec_at()
    Assessment.objects.create(recommendation=rec, organisation=org, status="not_started", text={"en": "Nothing."})
    assert not state(rec).disagreement  # the official status is "no information"
    ProgressUpdate.objects.create(
        recommendation=rec, status="in_progress", text={"en": "Working."}, reporter="actor", reported_on=TODAY
    )
    assert state(rec).disagreement
    other = Organisation.objects.create(slug="watch", name={"en": "Watch"})
    calm = rec_at()
    ProgressUpdate.objects.create(
        recommendation=calm, status="in_progress", text={"en": "Working."}, reporter="actor", reported_on=TODAY
    )
    Assessment.objects.create(recommendation=calm, organisation=other, status="no_information", text={"en": "?"})
    assert not state(calm).disagreement


def test_identical_texts_are_fully_similar():
    text = "Strengthen transboundary water cooperation and data exchange between basin organisations."
    earlier = rec_at(dt.date(2021, 10, 6), text={"en": text})
    later = rec_at(dt.date(2025, 1, 28), text={"en": text, "ru": "Укрепить трансграничное водное сотрудничество."})
    rec_at(dt.date(2023, 3, 10), text={"en": "Support youth participation in digital transformation."})
    recurrence.suggest()
    link = later.recurrence_links.get(earlier=earlier)
    assert link.similarity == 1.0


def test_unrelated_texts_in_different_languages_are_not_suggested():
    earlier = rec_at(dt.date(2021, 10, 6), text={"en": "Protect media freedom and journalists."})
    later = rec_at(dt.date(2025, 1, 28), text={"ru": "Защищать свободу СМИ и журналистов."})
    recurrence.suggest()
    assert not later.recurrence_links.filter(earlier=earlier).exists()
