"""Whole-page cache for anonymous visitors, invalidated precisely by the writes that change a page.

Each page is stored under the versions of what it shows (:mod:`kurultai.core.cachedeps` says which,
:mod:`kurultai.core.cacheversions` keeps them): a new progress update bumps its recommendation's and its
forum's versions and the lists', so those pages render afresh at once, while the directory stays cached;
sign-ins, audit entries, notifications and deliveries bump nothing. Reading the versions of a page is
one query (or one Redis round trip) per hit.

Only requests without cookies are served from or stored in the cache: signed-in people, editors and
anyone with a pending message always get a freshly rendered page. The middleware is placed first, so a
hit skips every other middleware; the stored response is the one the whole stack produced on the miss
(security and CSP headers, ``Content-Language``, ``Vary``, compression), kept per encoding the client
accepts, and sent back as it was.

Pages live in the "pages" cache (Redis, or each worker's memory), keyed by host, scheme, method, path,
query and accepted encoding. Beside each stored page goes a copy under a key without the versions: while
the database is unreachable (so the versions cannot be read) visitors get that latest copy rather than
an error.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation

from kurultai.core import cachedeps, cacheversions
from kurultai.core.cacheversions import on_model_change  # noqa: F401 - connected in CoreConfig.ready
from kurultai.core.outage import DATABASE_DOWN

logger = logging.getLogger(__name__)
TIMEOUT = 60 * 60
# The latest copy of a page, served while the database is unreachable.
LATEST_TIMEOUT = 24 * 60 * 60
ALIAS = "pages"
# Headers the server sets itself (or that a hit sets afresh).
_NOT_STORED = frozenset({"content-length", "x-page-cache", "set-cookie"})


def current_version() -> int:
    """The whole-site version: changes with every write that shows on some public page."""
    name = cacheversions.group_key(cachedeps.GROUPS[0].name)
    return cacheversions.read([name])[name]


def bump_version(**_kwargs: Any) -> None:
    """Mark all cached pages as out of date (after writes that send no signals, e.g. bulk imports)."""
    cacheversions.bump_everything()


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return request.path.startswith(_language_prefixes())


def _page_id(request: HttpRequest) -> str:
    """What tells two pages apart: host and scheme (absolute links differ), method, path, query, encoding."""
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else ""
    raw = "\n".join((request.scheme, request.get_host(), request.method or "", request.get_full_path(), encoding))
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


_ROUTES: OrderedDict[str, tuple[str | None, dict]] = OrderedDict()
_ROUTES_MAX = 4096

try:  # a shared cache (Redis) that does not answer: pages are then rendered, not served from it
    from redis.exceptions import RedisError as CACHE_DOWN
except ImportError:  # pragma: no cover - redis is a dependency
    CACHE_DOWN = OSError


@receiver(setting_changed)
def _forget_routes(setting: str, **_kwargs: Any) -> None:
    """Routes and near copies belong to the settings they were made under (tests change them)."""
    if setting in ("ROOT_URLCONF", "LANGUAGES"):
        _ROUTES.clear()
    if setting == "CACHES":
        _near.clear()


def _route(path: str) -> tuple[str | None, dict]:
    """URL name and arguments of ``path`` (remembered per process: resolving costs more than a hit)."""
    found = _ROUTES.get(path)
    if found is None:
        language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
        try:
            with translation.override(language):
                match = resolve(path)
            found = (match.view_name, {k: str(v) for k, v in match.kwargs.items()})
        except Resolver404:
            found = (None, {})
        _ROUTES[path] = found
        if len(_ROUTES) > _ROUTES_MAX:
            _ROUTES.popitem(last=False)
    return found


def version_key(request: HttpRequest) -> str:
    """The versions the page at ``request`` is cached under, as one short string."""
    url_name, kwargs = _route(request.path_info)
    names = cachedeps.version_names(url_name, kwargs)
    versions = cacheversions.read(names)
    # A digest: a page can depend on a dozen versions, and cache keys stay well under 250 characters.
    parts = repr([(name, versions[name]) for name in names])
    return hashlib.sha256(parts.encode()).hexdigest()[:32]


def page_cache():
    """The cache pages are kept in: the "pages" alias when configured, else the default one."""
    return caches[ALIAS if ALIAS in settings.CACHES else "default"]


class NearCopies:
    """Pages kept in this worker's memory in front of a shared (Redis) page cache.

    Keys carry the versions of what a page shows, so a copy here is never stale; it saves the round trip
    and the transfer of the page from Redis on every hit. Bounded in bytes, least recently used out first.
    Not used when the page cache is already this worker's memory.
    """

    def __init__(self, limit_bytes: int) -> None:
        self.limit = limit_bytes
        self.size = 0
        self.entries: OrderedDict[str, tuple[float, int, Any]] = OrderedDict()

    def get(self, key: str) -> Any:
        found = self.entries.get(key)
        if found is None:
            return None
        expires, _size, value = found
        if expires < time.monotonic():
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return value

    def put(self, key: str, value: Any, size: int, timeout: int) -> None:
        if size > self.limit // 8:
            return
        self._drop(key)
        self.entries[key] = (time.monotonic() + timeout, size, value)
        self.size += size
        while self.size > self.limit:
            self._drop(next(iter(self.entries)))

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0

    def _drop(self, key: str) -> None:
        found = self.entries.pop(key, None)
        if found is not None:
            self.size -= found[1]


_near = NearCopies(getattr(settings, "PAGE_MEMORY_BYTES", 32 << 20))


def forget_near_copies() -> None:
    _near.clear()


def near_copies() -> NearCopies | None:
    """This worker's copies in front of the page cache, or None when the page cache is local memory anyway."""
    if isinstance(page_cache(), LocMemCache):
        return None
    return _near


def cached_page(key: str, timeout: int = TIMEOUT) -> Any:
    """The stored page (or personal copy) under ``key``: from this worker's memory, else the page cache."""
    near = near_copies()
    found = near.get(key) if near is not None else None
    if found is None:
        found = page_cache().get(key)
        if found is not None and near is not None:
            near.put(key, found, _entry_size(found), timeout)
    return found


def store_page(entries: dict[str, Any], timeout: int) -> None:
    """Store pages in the page cache, and the versioned ones in this worker's memory too."""
    page_cache().set_many(entries, timeout)
    near = near_copies()
    if near is not None:
        for key, value in entries.items():
            if not key.startswith("kurultai:page-latest:"):
                near.put(key, value, _entry_size(value), timeout)


def _entry_size(entry: Any) -> int:
    return sum(len(part) for part in entry if isinstance(part, bytes | str)) + 512


def respond(cached: tuple[int, list[tuple[str, str]], bytes], state: str) -> HttpResponse:
    """A stored page sent back as it was, with its length and how it was answered."""
    status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers["Content-Length"] = str(len(content))
    response.headers["X-Page-Cache"] = state
    return response


def stored_headers(response: HttpResponse) -> list[tuple[str, str]]:
    """The headers kept with a stored page (not those the server or a hit sets afresh)."""
    return [(k, v) for k, v in response.headers.items() if k.lower() not in _NOT_STORED]


def storable_for_people(response: HttpResponse) -> bool:
    """Whether a signed-in person's page (their copy, or a shared one) may be stored: a plain, whole HTML page."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in response.get("Cache-Control", "")
        and not response.has_header("Content-Encoding")
    )


def _storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in cache_control
        and "private" not in cache_control
    )


class PageCacheMiddleware:
    """Serve and store anonymous public pages (see module docstring). Belongs first in MIDDLEWARE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        with cacheversions.remembered():
            return self._cached(request)

    def _cached(self, request: HttpRequest) -> HttpResponse:
        cache = page_cache()
        page = _page_id(request)
        latest_key = f"kurultai:page-latest:{page}"
        try:
            key = f"kurultai:page:{version_key(request)}:{page}"
            cached = cached_page(key)
        except DATABASE_DOWN:
            latest = cache.get(latest_key)
            if latest is None:
                raise
            return respond(latest, "stale")
        except CACHE_DOWN:
            logger.warning("Page cache unavailable; rendering %s", request.path, exc_info=True)
            return self.get_response(request)
        if cached is not None:
            return respond(cached, "hit")
        response = self.get_response(request)
        if _storable(response):
            headers = stored_headers(response)
            entry = (response.status_code, headers, response.content)
            try:
                store_page({key: entry, latest_key: entry}, TIMEOUT)
                cache.touch(latest_key, LATEST_TIMEOUT)
            except CACHE_DOWN:
                logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
            response.headers["X-Page-Cache"] = "miss"
        return response
