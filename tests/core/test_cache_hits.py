"""A cache hit is answered before the rest of the stack with exactly the headers of the miss."""

import gzip
import socket

import pytest
from django.conf import settings
from django.test import Client

from kurultai.core import cacheversions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

IGNORED = {"X-Page-Cache", "Content-Length"}


def headers(response) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if name not in IGNORED}


def test_the_page_cache_comes_first():
    assert settings.MIDDLEWARE[0] == "kurultai.core.pagecache.PageCacheMiddleware"


@pytest.mark.parametrize("path", ["/en/forums/", "/ru/forums/", "/kk/recommendations/?theme=youth"])
def test_a_hit_carries_the_headers_of_the_miss(demo, path):
    client = Client()
    miss = client.get(path)
    hit = client.get(path)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert headers(hit) == headers(miss)
    assert hit.content == miss.content
    assert int(hit["Content-Length"]) == len(hit.content)
    for name in ("Content-Security-Policy", "Content-Language", "Vary", "X-Content-Type-Options", "Referrer-Policy"):
        assert name in hit, name
    assert hit["Content-Language"] == path.split("/")[1]


def test_compressed_and_plain_pages_are_kept_apart(demo):
    client = Client()
    plain = client.get("/en/forums/")
    client.get("/en/forums/", HTTP_ACCEPT_ENCODING="gzip")
    packed = client.get("/en/forums/", HTTP_ACCEPT_ENCODING="gzip")
    again = client.get("/en/forums/")
    assert packed["X-Page-Cache"] == again["X-Page-Cache"] == "hit"
    assert packed["Content-Encoding"] == "gzip" and "Content-Encoding" not in again
    assert gzip.decompress(packed.content) == plain.content == again.content


def test_signed_in_people_never_get_the_anonymous_page(demo):
    anonymous = Client()
    anonymous.get("/en/forums/2021-almaty/")
    assert anonymous.get("/en/forums/2021-almaty/")["X-Page-Cache"] == "hit"
    member = Client()
    member.force_login(UserFactory(display_name="Aigerim Bekova"))
    response = member.get("/en/forums/2021-almaty/")
    assert "X-Page-Cache" not in response
    assert '/en/account/"' in response.content.decode() and "Sign in" not in response.content.decode()
    # and a signed-in visit stores nothing an anonymous visitor would get
    assert anonymous.get("/en/forums/2021-almaty/").content != response.content


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_a_version_bump_through_one_redis_client_is_seen_by_another():
    from django.core.cache.backends.redis import RedisCache

    prefix = "kurultai-test-versions"
    one = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": prefix})
    other = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": prefix})
    try:
        names = ["group:site", "obj:forums.recommendation:pk:7"]
        before = cacheversions.CacheVersions(other).read(names)
        cacheversions.CacheVersions(one).bump(names[1:])
        after = cacheversions.CacheVersions(other).read(names)
        assert after[names[0]] == before[names[0]] and after[names[1]] != before[names[1]]
    finally:
        one.delete_many(["group:site", "obj:forums.recommendation:pk:7"])


def test_versions_live_in_redis_when_it_is_configured(settings):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert isinstance(cacheversions.store(), cacheversions.CacheVersions)
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache"}}
    assert isinstance(cacheversions.store(), cacheversions.DatabaseVersions)


def test_pages_are_rendered_when_redis_does_not_answer(settings, demo):
    down = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    settings.CACHES = {**settings.CACHES, "pages": down}
    response = Client().get("/en/forums/")
    assert response.status_code == 200 and "X-Page-Cache" not in response


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_a_worker_answers_hits_from_its_own_copy_in_front_of_redis(settings, demo):
    from django.core.cache import caches

    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"}
    settings.CACHES = {**settings.CACHES, "pages": {**redis, "KEY_PREFIX": "kurultai-test-near"}}
    client = Client()
    assert client.get("/en/forums/")["X-Page-Cache"] == "miss"
    caches["pages"].clear()  # Redis lost the page: this worker still has it, under the same versions
    assert client.get("/en/forums/")["X-Page-Cache"] == "hit"
    cacheversions.bump_everything()  # and a new version is never answered from the old copy
    assert client.get("/en/forums/")["X-Page-Cache"] == "miss"
    caches["pages"].clear()
