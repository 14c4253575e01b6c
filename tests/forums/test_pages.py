"""Public forum pages as a visitor sees them, in English and Russian."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from kurultai.forums.models import Forum, Recommendation
from tests.factories import ForumFactory, RecommendationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_home_shows_latest_forum_and_recommendations(client, demo):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    today = dt.date.today()
    held = Forum.objects.filter(start_date__lte=today).order_by("-start_date").first()
    coming = Forum.objects.filter(start_date__gt=today).order_by("start_date").first()
    assert str(held.title) in html
    if coming is not None:
        assert "Next forum" in html and str(coming.title) in html
    assert "Latest recommendations" in html


def test_forum_list_shows_every_published_edition(client, demo):
    Forum.objects.filter(slug="2020").update(is_published=False)
    html = client.get("/en/forums/").content.decode()
    assert "Third EU–Central Asia Civil Society Forum" in html
    assert "6 October 2021" in html and "Almaty" in html
    assert "Second EU–Central Asia" not in html
    assert client.get("/en/forums/2020/").status_code == 404


def test_forum_page_has_programme_outcome_and_conclusions(client, demo):
    html = client.get("/en/forums/2021-almaty/").content.decode()
    for title in (
        "Taking stock of the implementation",
        "Strengthening resilience through inclusion",
        "Green prosperity",
        "Regional cooperation – addressing environmental challenges",
    ):
        assert title in html
    assert html.count('<li id="r') == 23
    assert "Main discussion points" in html and "Conclusions" in html
    assert "Terhi Hakala" in html
    assert "Akimat of Almaty" in html


def test_session_page_lists_its_points_and_links_neighbours(client, demo):
    html = client.get("/en/forums/2021-almaty/sessions/2/").content.decode()
    assert "Strengthening resilience through inclusion" in html
    assert html.count('<li id="r') == 6
    assert "/en/forums/2021-almaty/sessions/1/" in html and "/en/forums/2021-almaty/sessions/3/" in html
    assert client.get("/en/forums/2021-almaty/sessions/9/").status_code == 404


def test_recommendation_page_shows_text_and_context(client, demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=3, position=2)
    html = client.get(rec.get_absolute_url()).content.decode()
    assert "mobile-friendly" in html
    assert "2021-S3-R2" in html
    assert "National governments" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("forum=2021-almaty", 23),
        ("forum=2025-almaty", 5),
        ("theme=gender-equality", 5),
        ("country=KZ&forum=2021-almaty", 22),
        ("addressee=donors&forum=2021-almaty", 10),
    ],
)
def test_recommendation_filters(client, demo, query, expected):
    response = client.get(f"/en/recommendations/?{query}")
    assert response.context["page"].paginator.count == expected


def test_session_filter(client, demo):
    forum = Forum.objects.get(slug="2021-almaty")
    session = forum.sessions.get(number=4)
    response = client.get(f"/en/recommendations/?session={session.pk}")
    assert response.context["page"].paginator.count == 7


def test_unknown_filter_value_is_reported_not_a_server_error(client, demo):
    response = client.get("/en/recommendations/?theme=nonsense&page=abc")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert response.context["page"].paginator.count == Recommendation.objects.count()


def test_recommendations_are_paginated(client):
    session = SessionFactory()
    RecommendationFactory.create_batch(25, session=session)
    first = client.get("/en/recommendations/")
    assert len(first.context["page"].object_list) == 20
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/en/recommendations/?page=2")
    assert len(second.context["page"].object_list) == 5
    assert 'rel="prev"' in second.content.decode()


def test_unpublished_forums_hide_their_recommendations(client):
    rec = RecommendationFactory(session=SessionFactory(forum=ForumFactory(is_published=False)))
    assert client.get(rec.get_absolute_url()).status_code == 404
    assert client.get("/en/recommendations/").context["page"].paginator.count == 0


def test_russian_page_shows_russian_interface_and_content(client, demo):
    html = client.get("/ru/forums/2021-almaty/").content.decode()
    assert '<html lang="ru">' in html
    assert "Основные рекомендации" in html or "Главные рекомендации" in html
    assert "Укрепление устойчивости через инклюзивность" in html


def test_language_switcher_keeps_the_same_page(client, demo):
    html = client.get("/en/forums/2021-almaty/sessions/2/?x=1").content.decode()
    assert 'href="http://testserver/ru/forums/2021-almaty/sessions/2/?x=1"' in html
    assert 'hreflang="uz"' in html


def test_untranslated_content_falls_back_with_a_language_attribute(client, demo):
    html = client.get("/kk/forums/2021-almaty/sessions/1/").content.decode()
    assert '<html lang="kk">' in html
    # Kazakh readers get the Russian text before the English original (DESIGN §5).
    assert '<h1 lang="ru">Итоги реализации Стратегии ЕС по Центральной Азии' in html
    assert "Taking stock of the implementation" not in html


def test_every_page_has_title_canonical_and_alternates(client, demo):
    rec = Recommendation.objects.first()
    for url in [
        "/en/",
        "/en/forums/",
        "/en/forums/2021-almaty/",
        "/en/forums/2021-almaty/sessions/1/",
        "/en/recommendations/",
        rec.get_absolute_url(),
    ]:
        html = client.get(url).content.decode()
        assert "<title>" in html and "</title>" in html
        assert f'<link rel="canonical" href="http://testserver{url}">' in html
        for code in ("en", "ru", "kk", "ky", "tg", "tk", "uz", "x-default"):
            assert f'hreflang="{code}"' in html, (url, code)


def test_urls_reverse_with_language_prefix():
    with translation.override("ru"):
        assert reverse("forums:forum_list") == "/ru/forums/"


def test_recommendations_can_be_searched_with_the_filters(client, demo):
    assert client.get("/en/recommendations/?q=biodiversity").context["page"].paginator.count == 1
    assert client.get("/ru/recommendations/?q=биоразнообраз").context["page"].paginator.count == 1
    assert client.get("/en/recommendations/?q=biodiversity&forum=2025-almaty").context["page"].paginator.count == 0


def test_session_filter_offers_the_chosen_forums_sessions_only(client):
    first, second = ForumFactory(), ForumFactory()
    ours = SessionFactory(forum=first, number=1)
    theirs = SessionFactory(forum=second, number=1)
    kept = RecommendationFactory(forum=first, session=ours)
    RecommendationFactory(forum=second, session=theirs)
    html = client.get("/en/recommendations/").content.decode()
    assert 'name="session"' not in html  # chosen within a forum
    html = client.get(f"/en/recommendations/?forum={first.slug}").content.decode()
    assert f'value="{ours.pk}"' in html and f'value="{theirs.pk}"' not in html
    page = client.get(f"/en/recommendations/?session={ours.pk}")  # an address with a session alone still works
    assert [rec.pk for rec in page.context["page"].object_list] == [kept.pk]
