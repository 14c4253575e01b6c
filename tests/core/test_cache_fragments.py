"""{% cachedfragment %}: the same HTML for everyone, rendered once per content version and language."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from kurultai.followup.models import ProgressUpdate
from tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db

CARD = Template('{% load fragments %}{% cachedfragment "card" rec %}{{ n }}{% endcachedfragment %}')
LIST = Template(
    '{% load fragments %}{% for rec in recs %}{% cachedfragment "card" rec among=recs %}{{ rec.pk }}:{{ n }};'
    "{% endcachedfragment %}{% endfor %}"
)


def render(tpl: Template, **context) -> str:
    request = RequestFactory().get("/en/")
    return tpl.render(Context({"request": request, **context}))


def test_a_fragment_is_rendered_once_until_its_record_changes():
    rec, other = RecommendationFactory(), RecommendationFactory()
    assert render(CARD, rec=rec, n=1) == "1"
    assert render(CARD, rec=rec, n=2) == "1"
    assert render(CARD, rec=other, n=3) == "3"
    ProgressUpdate.objects.create(
        recommendation=rec, status="in_progress", text={"en": "News"}, original_language="en", reporter="secretariat"
    )
    assert render(CARD, rec=rec, n=4) == "4"
    assert render(CARD, rec=other, n=5) == "3"  # another recommendation's update leaves this card alone


def test_each_language_has_its_own_fragment():
    rec = RecommendationFactory()
    assert render(CARD, rec=rec, n=1) == "1"
    with translation.override("ru"):
        assert render(CARD, rec=rec, n=2) == "2"
    assert render(CARD, rec=rec, n=3) == "1"


def test_a_change_elsewhere_on_the_page_group_refreshes_the_fragment():
    rec = RecommendationFactory()
    assert render(CARD, rec=rec, n=1) == "1"
    forum = rec.forum
    forum.title = {"en": "Renamed"}
    forum.save()
    assert render(CARD, rec=rec, n=2) == "2"


def test_a_list_reads_its_versions_and_cards_at_once(django_assert_num_queries):
    recs = [RecommendationFactory() for _ in range(5)]
    with django_assert_num_queries(1):
        first = render(LIST, recs=recs, n=1)
    with django_assert_num_queries(1):
        again = render(LIST, recs=recs, n=2)
    assert first == again == "".join(f"{rec.pk}:1;" for rec in recs)


def test_fragments_with_a_csrf_token_are_never_stored():
    tpl = Template(
        '{% load fragments %}{% cachedfragment "form" %}<form method="post">{% csrf_token %}{{ n }}</form>'
        "{% endcachedfragment %}"
    )
    request = RequestFactory().get("/en/")
    assert "1" in tpl.render(Context({"request": request, "n": 1, "csrf_token": "a" * 64}))
    assert "2" in tpl.render(Context({"request": request, "n": 2, "csrf_token": "a" * 64}))


def test_fragments_are_rendered_when_redis_does_not_answer(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    rec = RecommendationFactory()
    assert render(CARD, rec=rec, n=1) == "1"
    assert render(CARD, rec=rec, n=2) == "2"


def test_a_fragment_about_nothing_in_particular_follows_every_change():
    tpl = Template('{% load fragments %}{% cachedfragment "filters" vary=q %}{{ n }}{% endcachedfragment %}')
    assert render(tpl, q="a", n=1) == "1"
    assert render(tpl, q="a", n=2) == "1"
    assert render(tpl, q="b", n=3) == "3"
    RecommendationFactory()
    assert render(tpl, q="a", n=4) == "4"
