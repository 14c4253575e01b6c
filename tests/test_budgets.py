"""Quality budgets of DESIGN §7: compressed HTML size, no third-party hosts, flat query counts."""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kurultai.forums.models import Recommendation
from kurultai.opportunities.models import Opportunity
from tests.factories import DiscussionPointFactory, ForumFactory, RecommendationFactory, SessionFactory

pytestmark = pytest.mark.django_db

HTML_BUDGET = 14 * 1024
QUERY_BUDGET = 15
RESOURCE = re.compile(r'<(?:link|script|img|iframe|source)\b[^>]*?\b(?:href|src)="([^"]+)"', re.I)


def public_urls() -> list[str]:
    rec = Recommendation.objects.filter(forum__slug="2021-almaty").order_by("-pk").first()
    urls = [
        "/{lang}/",
        "/{lang}/forums/",
        "/{lang}/forums/2021-almaty/",
        "/{lang}/forums/2021-almaty/sessions/4/",
        "/{lang}/recommendations/",
        "/{lang}/recommendations/?theme=climate-change",
        f"/{{lang}}/recommendations/{rec.pk}/",
        "/{lang}/opportunities/",
        f"/{{lang}}/opportunities/{Opportunity.objects.get(source_id='demo:water-tj').pk}/",
    ]
    return [u.format(lang=lang) for u in urls for lang in ("en", "ru")]


def test_every_public_page_fits_in_the_first_round_trip(client, demo):
    for url in public_urls():
        body = client.get(url).content
        size = len(gzip.compress(body, compresslevel=6))
        assert size <= HTML_BUDGET, f"{url}: {size} bytes compressed > {HTML_BUDGET}"


def test_no_page_pulls_anything_from_another_host(client, demo):
    for url in public_urls():
        html = client.get(url).content.decode()
        for ref in RESOURCE.findall(html):
            if ref.startswith("data:"):
                continue
            host = urlsplit(ref).netloc
            assert host in ("", "testserver"), f"{url} loads {ref}"


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def grow_forum(forum, sessions: int, per_session: int) -> None:
    for _ in range(sessions):
        session = SessionFactory(forum=forum)
        DiscussionPointFactory.create_batch(per_session, session=session)
        RecommendationFactory.create_batch(per_session, session=session)


@pytest.mark.parametrize(
    "url",
    ["/en/", "/en/forums/", "/en/recommendations/", "/en/forums/{slug}/", "/en/forums/{slug}/sessions/{number}/"],
)
def test_query_count_does_not_grow_with_items(client, url):
    forum = ForumFactory()
    grow_forum(forum, sessions=1, per_session=2)
    ForumFactory()
    number = forum.sessions.first().number
    target = url.format(slug=forum.slug, number=number)
    small = queries_for(client, target)
    grow_forum(forum, sessions=3, per_session=6)
    ForumFactory.create_batch(3)
    large = queries_for(client, target)
    assert large == small, f"{target}: {small} queries with few items, {large} with many"
    assert large <= QUERY_BUDGET


def test_recommendation_page_query_budget(client, demo):
    rec = Recommendation.objects.first()
    assert queries_for(client, rec.get_absolute_url()) <= QUERY_BUDGET
