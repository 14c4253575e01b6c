"""The follow-up feed carries every kind of tracked subject, never a private one, in constant queries."""

import datetime as dt

import feedparser
import pytest

from kurultai.dialogue.models import Position
from kurultai.followup.models import Assessment, ProgressUpdate, Response, trackable_of
from kurultai.forums.models import Addressee
from kurultai.workinggroups.models import PlanVersion
from tests.dialogue.factories import PositionFactory
from tests.factories import RecommendationFactory
from tests.factories_more import OrganisationFactory
from tests.workinggroups.factories import ActionFactory, ActionPlanFactory

pytestmark = pytest.mark.django_db


def adopted_action(**kwargs):
    plan = ActionPlanFactory()
    version = PlanVersion.objects.create(plan=plan, number=1, adopted_on=dt.date(2026, 3, 1))
    return ActionFactory(plan=plan, adopted_in=version, **kwargs)


def news_on(subject, text, organisation=None):
    trackable = trackable_of(subject, create=True)
    organisation = organisation or OrganisationFactory()
    ProgressUpdate.objects.create(trackable=trackable, status="in_progress", text={"en": text}, reporter="secretariat")
    Assessment.objects.create(
        trackable=trackable, organisation=organisation, status="not_started", text={"en": f"{text} (CSO view)"}
    )
    addressee, _ = Addressee.objects.get_or_create(code="eu", defaults={"name": {"en": "EU"}})
    Response.objects.create(
        trackable=trackable, addressee=addressee, organisation=organisation, status="accepted", text={"en": text}
    )


def entries(client, url="/en/follow-up/feed/"):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    return feed.entries


def test_feed_has_responses_updates_and_assessments_of_every_public_kind(client):
    rec = RecommendationFactory()
    action = adopted_action(title={"en": "Open rural skills centres"})
    position = PositionFactory(status=Position.Status.SUBMITTED)
    news_on(rec, "Recommendation news")
    news_on(action, "Action news")
    news_on(position, "Position news")
    # Private subjects: a draft action (no adopted version) and a draft position.
    news_on(ActionFactory(), "Draft action news")
    news_on(PositionFactory(status=Position.Status.DRAFT), "Draft position news")

    feed = entries(client)
    assert len(feed) == 9
    summaries = " ".join(entry.summary for entry in feed)
    assert "Draft" not in summaries
    links = {"/" + entry.link.split("/", 3)[-1] for entry in feed}
    assert links == {rec.get_absolute_url(), action.get_absolute_url(), position.get_absolute_url()}
    titles = [entry.title for entry in feed]
    assert any(title.startswith(f"{action.reference} Open rural skills centres") for title in titles)
    assert any("assessed by" in title for title in titles)

    only_actions = entries(client, "/en/follow-up/feed/?kind=action")
    assert len(only_actions) == 3 and all(e.link.endswith(action.get_absolute_url()) for e in only_actions)
    assert len(entries(client, "/en/follow-up/feed/?kind=position")) == 3
    assert len(entries(client, "/en/follow-up/feed/?kind=recommendation")) == 3
    # Recommendation filters keep only recommendations.
    assert len(entries(client, f"/en/follow-up/feed/?forum={rec.forum.slug}")) == 3
    assert entries(client, f"/en/follow-up/feed/?kind=action&forum={rec.forum.slug}") == []
    assert client.get("/en/follow-up/feed/?kind=../../x").status_code == 404


def test_a_subject_made_private_leaves_the_feed(client):
    position = PositionFactory(status=Position.Status.SUBMITTED)
    news_on(position, "Position news")
    assert len(entries(client)) == 3
    Position.objects.filter(pk=position.pk).update(status=Position.Status.DRAFT)
    assert entries(client) == []


def test_feed_queries_do_not_grow_with_entries(client, django_assert_max_num_queries):
    def grow():
        news_on(RecommendationFactory(), "Recommendation news")
        news_on(adopted_action(), "Action news")

    grow()
    with django_assert_max_num_queries(20) as first:
        client.get("/en/follow-up/feed/")
    baseline = len(first.captured_queries)
    for _ in range(4):
        grow()
    with django_assert_max_num_queries(baseline):
        assert len(entries(client)) == 30


def test_api_lists_and_shows_updates_of_every_public_kind(client, django_assert_max_num_queries):
    rec = RecommendationFactory()
    action = adopted_action(title={"en": "Open rural skills centres"})
    position = PositionFactory(status=Position.Status.SUBMITTED)
    for subject in (rec, action, position):
        news_on(subject, "News")
    news_on(ActionFactory(), "Draft action news")
    draft = PositionFactory(status=Position.Status.DRAFT)
    news_on(draft, "Draft position news")

    data = client.get("/api/v1/updates").json()
    assert data["count"] == 3
    by_kind = {item["kind"]: item for item in data["results"]}
    assert set(by_kind) == {"recommendation", "action", "position"}
    assert by_kind["action"]["subject_title"] == f"{action.reference} Open rural skills centres"
    assert by_kind["action"]["subject_url"].endswith(action.get_absolute_url())
    assert by_kind["action"]["recommendation"] is None and by_kind["action"]["reference"] is None
    assert by_kind["recommendation"]["reference"] == rec.reference
    assert by_kind["recommendation"]["subject_url"] == by_kind["recommendation"]["recommendation_url"]
    assert by_kind["position"]["subject_url"].endswith(position.get_absolute_url())

    only = client.get("/api/v1/updates?kind=action").json()
    assert [item["id"] for item in only["results"]] == [by_kind["action"]["id"]]
    assert client.get("/api/v1/updates?kind=nothing").status_code == 422
    assert client.get(f"/api/v1/updates?recommendation={rec.pk}").json()["count"] == 1

    detail = client.get(f"/api/v1/updates/{by_kind['action']['id']}").json()
    assert detail["kind"] == "action" and detail["meta"]["license"] == "CC BY 4.0"
    hidden = ProgressUpdate.objects.get(trackable__object_id=draft.pk, trackable__kind="position")
    assert client.get(f"/api/v1/updates/{hidden.pk}").status_code == 404

    with django_assert_max_num_queries(20) as first:
        client.get("/api/v1/updates?kind=action")
    for _ in range(4):
        news_on(adopted_action(), "More news")
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get("/api/v1/updates?kind=action").json()["count"] == 5
