"""The implementation status shows wherever recommendations are listed or found, and lists filter by it."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kurultai.core import search
from kurultai.followup.models import ProgressUpdate
from tests.factories import RecommendationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def report(rec, status, day=dt.date(2025, 5, 1)):
    return ProgressUpdate.objects.create(
        recommendation=rec, status=status, text={"en": "Reported."}, reporter="secretariat", reported_on=day
    )


@pytest.fixture
def recs():
    session = SessionFactory()
    done = RecommendationFactory(session=session, text={"en": "Publish the water basin data openly."})
    moving = RecommendationFactory(session=session, text={"en": "Train judges on access to justice."})
    quiet = RecommendationFactory(session=session, text={"en": "Fund youth councils in every region."})
    report(done, "in_progress", dt.date(2024, 1, 1))
    report(done, "implemented", dt.date(2025, 1, 1))
    report(moving, "in_progress")
    return done, moving, quiet


def test_list_forum_and_session_pages_show_each_status(client, recs):
    session = recs[0].session
    for url in ("/en/recommendations/", session.forum.get_absolute_url(), session.get_absolute_url()):
        html = client.get(url).content.decode()
        assert 'class="status status-implemented">Implemented<' in html, url
        assert 'class="status status-in_progress">In progress<' in html, url
        assert 'class="status status-no_information">No information<' in html, url


def test_the_list_filters_by_status(client, recs):
    html = client.get("/en/recommendations/?status=implemented").content.decode()
    assert "Publish the water basin data" in html
    assert "Train judges" not in html and "Fund youth councils" not in html
    html = client.get("/en/recommendations/?status=no_information").content.decode()
    assert "Fund youth councils" in html and "Publish the water basin data" not in html
    assert "Select a valid choice" in client.get("/en/recommendations/?status=bogus").content.decode()


def test_search_results_say_where_a_recommendation_stands(client, recs):
    search.rebuild(["recommendation"])
    html = client.get("/en/search/?q=water+basin").content.decode()
    assert "Publish the <mark>water</mark> <mark>basin</mark> data" in html
    assert 'class="status status-implemented">Implemented<' in html


def test_status_costs_the_same_queries_for_one_row_or_twenty(client, recs):
    def count():
        client.cookies["nocache"] = "1"
        with CaptureQueriesContext(connection) as ctx:
            client.get("/en/recommendations/")
        return len(ctx.captured_queries)

    before = count()
    for rec in RecommendationFactory.create_batch(15, session=recs[0].session):
        report(rec, "planned")
    assert count() == before
