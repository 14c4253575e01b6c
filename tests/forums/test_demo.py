"""The demo data set: every point and recommendation of the 2021 report, loadable twice."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import translation

from kurultai.forums.models import Appearance, Conclusion, DiscussionPoint, Forum, Recommendation, Speaker

pytestmark = pytest.mark.django_db


def test_demo_has_the_forum_editions(demo):
    years = sorted(Forum.objects.values_list("start_date__year", flat=True))
    assert years == [2019, 2020, 2021, 2023, 2025, 2026, 2027]


def test_2021_almaty_forum_has_every_session_point_and_recommendation(demo):
    forum = Forum.objects.get(slug="2021-almaty")
    assert forum.participants_count == 300
    counts = [
        (s.number, s.discussion_points.count(), s.recommendations.count()) for s in forum.sessions.order_by("number")
    ]
    assert counts == [(1, 5, 4), (2, 8, 6), (3, 5, 6), (4, 10, 7)]
    assert forum.conclusions.count() == 1


def test_demo_content_is_in_english_and_russian(demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=4, position=2)
    with translation.override("ru"):
        assert "веб-платформу обучения" in str(rec.text)
    with translation.override("en"):
        assert "web-based learning facility" in str(rec.text)
    assert rec.addressees.exists() and rec.themes.exists() and rec.countries.exists()


def test_loading_twice_creates_no_duplicates(demo):
    models = (Forum, DiscussionPoint, Recommendation, Conclusion, Speaker, Appearance)
    before = [m.objects.count() for m in models]
    call_command("load_demo", verbosity=0)
    assert [m.objects.count() for m in models] == before
    assert Appearance.objects.filter(forum__slug="2021-almaty").count() == 3


def test_if_empty_skips_an_installation_that_has_content(demo, capsys):
    Forum.objects.filter(slug="2019").update(participants_count=42)
    call_command("load_demo", if_empty=True)
    assert "already present" in capsys.readouterr().out
    assert Forum.objects.get(slug="2019").participants_count == 42


def test_the_sixth_forum_has_a_two_day_programme_with_parallel_working_groups(demo, client):
    forum = Forum.objects.get(slug="2026-kyrgyzstan")
    assert forum.number == 6 and forum.country.code == "KG" and forum.is_published
    assert forum.zone == "Asia/Bishkek"
    days = {s.starts_at.astimezone(dt.UTC).date() for s in forum.sessions.all()}
    assert len(days) == 2
    titles = " ".join(str(s.title) for s in forum.sessions.all())
    for group in ("digital transformation", "climate and environment", "youth participation", "women's empowerment"):
        assert group in titles
    assert {"moderator", "speaker", "rapporteur"} <= set(forum.appearances.values_list("role", flat=True))
    html = client.get("/en/forums/2026-kyrgyzstan/programme/").content.decode()
    assert html.count("tracks-2") == 3 and "Hall A" in html and "Hall B" in html
    assert "demo content" in client.get("/en/forums/2026-kyrgyzstan/").content.decode()


def test_the_fictional_demo_forum_is_published_hybrid_and_in_the_future(demo):
    forum = Forum.objects.get(slug="demo-forum-2027")
    assert forum.is_published and forum.format == "hybrid" and forum.start_date.year == 2027
    assert "Demo" in forum.title["en"]
    parallel = forum.sessions.filter(track__in=["A", "B"])
    assert parallel.count() == 2 and len({s.starts_at for s in parallel}) == 1


def test_loading_the_demo_twice_changes_nothing(demo):
    from kurultai.forums.demo import load

    before = (Forum.objects.count(), Speaker.objects.count(), Appearance.objects.count())
    load()
    assert (Forum.objects.count(), Speaker.objects.count(), Appearance.objects.count()) == before
