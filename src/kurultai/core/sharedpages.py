"""One copy of a reading page for everyone with the same roles, with each person's own parts put in per request.

On a forum day three hundred participants read the same forum page, programme and recommendations, while the
secretariat's progress updates make those pages change every few seconds. A copy per person
(:mod:`kurultai.core.personalpages`) is then rendered afresh for almost every request. The pages in
:data:`PAGES` are instead stored once per

* the versions of what the page shows (:mod:`kurultai.core.cachedeps`), as for every cached page;
* the audience: the person's groups and staff/superuser flags, the only facts (besides the personal parts)
  that templates and views of these pages may ask about the person — an editor sees "edit" links, a
  participant does not;
* cookies that change the page (the reader's time zone), the address, and the language in it;

with a marker where each personal part goes (:mod:`kurultai.core.holes`: the follow button, the registration
box, a "join online" link, the follow-up links a focal point may use). Serving the copy renders those parts
for the person asking and nothing else: no view runs. A copy holding a form token or the person's e-mail
outside a personal part is never stored, and ``tests/core/test_shared_pages.py`` checks, for people with
different follows, registrations, memberships and roles, that the filled copy equals the page rendered
for them.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from kurultai.accounts.roles import group_names
from kurultai.core import holes
from kurultai.core.pagecache import (
    CACHE_DOWN,
    _page_id,
    _route,
    cached_page,
    respond,
    storable_for_people,
    store_page,
    stored_headers,
    version_key,
)

logger = logging.getLogger(__name__)
TIMEOUT = 10 * 60
PAGES = frozenset(
    {
        "forums:forum_detail",
        "forums:session_detail",
        "forums:programme",
        "forums:recommendation_detail",
        "forums:recommendation_list",
    }
)


def audience(user) -> str:
    """What the shared parts of a page may depend on about the person: their roles."""
    roles = ",".join(sorted(group_names(user)))
    return hashlib.sha256(f"{roles}|{user.is_staff}|{user.is_superuser}".encode()).hexdigest()[:16]


def page_cookies(request: HttpRequest) -> str:
    """The cookies that can change a page (all but the session's and the form token's), as a short digest."""
    ignored = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    kept = sorted((name, value) for name, value in request.COOKIES.items() if name not in ignored)
    return hashlib.sha256(repr(kept).encode()).hexdigest()[:16] if kept else "-"


def shared(request: HttpRequest) -> bool:
    url_name, _kwargs = _route(request.path_info)
    return url_name in PAGES


def _key(request: HttpRequest) -> str:
    return (
        f"kurultai:shared:{version_key(request)}:{audience(request.user)}:{page_cookies(request)}:{_page_id(request)}"
    )


def _shareable(request: HttpRequest, page: str, recorder: holes.Recorder) -> bool:
    """Nothing of this person outside the personal parts: no form token, no e-mail address."""
    email = getattr(request.user, "email", "") or ""
    return recorder.shareable and "csrfmiddlewaretoken" not in page and not (email and email in page)


def serve(request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponse]) -> HttpResponse:
    """The shared copy with this person's parts filled in, or the page rendered and a shared copy stored."""
    try:
        key = _key(request)
        entry = cached_page(key, TIMEOUT)
    except CACHE_DOWN:
        logger.warning("Page cache unavailable; rendering %s", request.path, exc_info=True)
        return get_response(request)
    if entry is not None:
        status, headers, page, nonce, parts = entry
        try:
            html = holes.fill(request, page, nonce, parts)
        except holes.Missing:  # a record gone since: render afresh (and store the new copy)
            pass
        else:
            return respond((status, headers, html.encode()), "shared-hit")
    recorder = holes.record(request)
    try:
        response = get_response(request)
    finally:
        holes.stop_recording(request)
    if response.streaming or (not recorder.holes and not recorder.shareable):
        return response
    page = response.content.decode(response.charset or "utf-8")
    if recorder.holes:
        response.content = recorder.put_back(page)
    if storable_for_people(response) and _shareable(request, page, recorder):
        headers = stored_headers(response)
        try:
            store_page({key: (response.status_code, headers, page, recorder.nonce, recorder.holes)}, TIMEOUT)
        except CACHE_DOWN:
            logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
        response.headers["X-Page-Cache"] = "shared-miss"
    return response
