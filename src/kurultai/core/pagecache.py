"""Whole-page cache for anonymous visitors, invalidated by any content change.

Every write to a Kurultai model bumps one counter in the database (inside the same
transaction, so a rollback un-bumps it). Cached pages are keyed by that counter, so a visitor
never sees a page older than the last change, on any number of app servers, with one tiny
query per hit. Only requests without cookies are served from or stored in the cache: signed-in
people, editors and anyone with a pending message always get a freshly rendered page.

Pages live in the "pages" cache (Redis, or each worker's memory), keyed by host, scheme, method, path
and query. Beside each stored page goes a copy under a key without the version: while the database is
unreachable (so the version cannot be read) visitors get that latest copy rather than an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models import F
from django.http import HttpRequest, HttpResponse

from kurultai.core.models import SiteVersion
from kurultai.core.outage import DATABASE_DOWN

TIMEOUT = 60 * 60
# The latest copy of a page, served while the database is unreachable.
LATEST_TIMEOUT = 24 * 60 * 60
ALIAS = "pages"


def current_version() -> int:
    """The content version pages are cached under."""
    return SiteVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def bump_version(**_kwargs: Any) -> None:
    """Mark all cached pages as out of date."""
    if not SiteVersion.objects.filter(pk=1).update(number=F("number") + 1):
        SiteVersion.objects.update_or_create(pk=1, defaults={"number": 1})


def on_model_change(sender: type, **kwargs: Any) -> None:
    """Signal receiver: any saved, deleted or re-linked Kurultai record changes the version."""
    meta = getattr(sender, "_meta", None)
    if meta is None or sender is SiteVersion or not sender.__module__.startswith("kurultai."):
        return
    if not getattr(sender, "shown_on_public_pages", True):  # e.g. notifications, deliveries, audit entries
        return
    if kwargs.get("raw"):
        return
    bump_version()


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return request.path.startswith(prefixes)


def _page_id(request: HttpRequest) -> str:
    """What tells two pages apart: host and scheme (absolute links differ), method, path and query."""
    raw = "\n".join((request.scheme, request.get_host(), request.method or "", request.get_full_path()))
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


def page_cache():
    """The cache pages are kept in: the "pages" alias when configured, else the default one."""
    return caches[ALIAS if ALIAS in settings.CACHES else "default"]


def _respond(cached: tuple[int, list[tuple[str, str]], bytes], state: str) -> HttpResponse:
    status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers["X-Page-Cache"] = state
    return response


class PageCacheMiddleware:
    """Serve and store anonymous public pages (see module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        page = _page_id(request)
        latest_key = f"kurultai:page-latest:{page}"
        try:
            key = f"kurultai:page:{current_version()}:{page}"
        except DATABASE_DOWN:
            latest = cache.get(latest_key)
            if latest is None:
                raise
            return _respond(latest, "stale")
        cached = cache.get(key)
        if cached is not None:
            return _respond(cached, "hit")
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", "")
        ):
            headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "vary")]
            entry = (response.status_code, headers, response.content)
            cache.set(key, entry, TIMEOUT)
            cache.set(latest_key, entry, LATEST_TIMEOUT)
            response.headers["X-Page-Cache"] = "miss"
        return response
