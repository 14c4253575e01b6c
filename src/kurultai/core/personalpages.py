"""Whole-page cache for signed-in people: each person's copy of a reading page, kept until something in it changes.

On a forum day most requests come from people with a session, re-reading the same programme, forum and
recommendation pages. Rendering those afresh each time costs tens of queries, while what differs between
two people is small (their name, follow buttons, what they may edit). So each person's rendered copy of
a page in :data:`PAGES` is stored under

* the versions of what the page shows (the same as the anonymous page cache: :mod:`kurultai.core.cachedeps`);
* the person's own version ``person:<id>``, bumped by every write the person makes (any POST, PUT, PATCH or
  DELETE they send) and by every write anywhere to a record that points to them (a registration accepted by an
  organiser, a role given, a membership approved, an unsubscribe link followed from an email);
* the cookies that change a page (the reader's time zone);
* the CSRF secret of their browser, so the token inside the page's forms is always the one their
  browser holds (a new sign-in rotates it, and with it every copy);

and served from there with the headers the outer middleware adds afresh (session, security, CSP).
A page of :data:`kurultai.core.sharedpages.PAGES` (the forum-day pages) that the person has no copy of yet
comes from the copy shared by everyone with the same roles, with their personal parts filled in (see that
module), and becomes their copy. Requests with a flash message
waiting, without a CSRF cookie yet, or for any page not listed are rendered as usual. Copies are stored
gzip-compressed when the browser accepts it, so a hit costs no compression, and expire after :data:`TIMEOUT`
so that time-bound permissions (an edit window) cannot outlive it long.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from kurultai.core import cachedeps, cacheversions, sharedpages
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
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Reading pages whose personal parts depend only on the person, their roles and records pointing to them.
PAGES = frozenset(
    {
        "home",
        "search",
        "forums:forum_list",
        "forums:forum_detail",
        "forums:session_detail",
        "forums:programme",
        "forums:speakers",
        "forums:recommendation_list",
        "forums:recommendation_detail",
        "participation:call",
        "organisations:directory",
        "organisations:detail",
        "organisations:partner_requests",
        "dialogue:consultations",
        "dialogue:consultation",
        "dialogue:positions",
        "dialogue:position",
        "workinggroups:index",
        "workinggroups:detail",
        "knowledge:home",
        "knowledge:practices",
        "knowledge:practice",
        "library:publications",
        "library:publication",
        "opportunities:list",
        "opportunities:detail",
        "transparency:list",
        "transparency:project",
    }
)


def person_key(user_id: Any) -> str:
    return f"person:{user_id}"


def bump_person(user_id: Any) -> None:
    """Mark every stored copy of ``user_id``'s pages as out of date."""
    if user_id is not None:
        cacheversions.bump([person_key(user_id)])


@cache
def _user_fields(model: type[models.Model]) -> tuple[str, ...]:
    """Attribute names of ``model``'s foreign keys to the user model (``person_id`` …)."""
    user_model = get_user_model()
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if (field.many_to_one or field.one_to_one) and field.related_model is user_model
    )


def on_write(sender: type, instance: Any = None, **kwargs: Any) -> None:
    """Signal receiver: a write to a record pointing to a person (or to the person) changes their pages."""
    if kwargs.get("raw") or instance is None or getattr(sender, "_meta", None) is None:
        return
    if not kwargs.get("action", "post_").startswith("post_"):
        return
    names = {person_key(getattr(instance, name)) for name in _user_fields(sender) if getattr(instance, name)}
    if kwargs.get("model") is get_user_model():  # group.user_set.add(...): the people added or removed
        names |= {person_key(pk) for pk in kwargs.get("pk_set") or ()}
    if isinstance(instance, get_user_model()) and instance.pk is not None and not kwargs.get("created"):
        update_fields = kwargs.get("update_fields")
        private = cacheversions.PRIVATE_FIELDS.get(cacheversions.model_label(sender), frozenset())
        if not update_fields or not set(update_fields) <= private:
            names.add(person_key(instance.pk))
    if names:
        cacheversions.bump(names)


def _csrf_secret(request: HttpRequest) -> str | None:
    return request.META.get("CSRF_COOKIE") or None


def _servable(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if request.method != "GET" or user is None or not user.is_authenticated:
        return False
    if "HTTP_AUTHORIZATION" in request.META or _csrf_secret(request) is None:
        return False
    if "_messages" in request.session:
        return False
    url_name, _kwargs = _route(request.path_info)
    return url_name in PAGES


def _key(request: HttpRequest) -> str:
    user_id = request.user.pk
    url_name, kwargs = _route(request.path_info)
    # One read for the page's versions and the person's (version_key below finds them remembered).
    versions = cacheversions.read([*cachedeps.version_names(url_name, kwargs), person_key(user_id)])
    person = versions[person_key(user_id)]
    secret = hashlib.sha256(_csrf_secret(request).encode()).hexdigest()[:16]
    cookies = sharedpages.page_cookies(request)
    return f"kurultai:personal:{version_key(request)}:{person}:{user_id}:{secret}:{cookies}:{_page_id(request)}"


class PersonalPageCacheMiddleware:
    """Serve and store signed-in people's copies of reading pages (see module docstring). Belongs last."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                bump_person(user.pk)
            return response
        if not _servable(request):
            return self.get_response(request)
        with cacheversions.remembered():
            return self._cached(request)

    def _cached(self, request: HttpRequest) -> HttpResponse:
        gzip_ok = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        try:
            key = _key(request)
            entry = cached_page(key, TIMEOUT)
        except CACHE_DOWN:
            logger.warning("Page cache unavailable; rendering %s", request.path, exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return respond(entry, "personal-hit")
        if sharedpages.shared(request):  # read for the first time: the shared copy, filled in for them
            response = sharedpages.serve(request, self.get_response)
        else:
            response = self.get_response(request)
        if storable_for_people(response):
            content = response.content
            headers = stored_headers(response)
            if gzip_ok:
                content = compress_string(content)
                stored = HttpResponse()
                for name, value in headers:
                    stored.headers[name] = value
                patch_vary_headers(stored, ("Accept-Encoding",))
                headers = [*stored.headers.items(), ("Content-Encoding", "gzip")]
            try:
                store_page({key: (200, headers, content)}, TIMEOUT)
            except CACHE_DOWN:
                logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
            response.headers.setdefault("X-Page-Cache", "personal-miss")
        return response


def connect() -> None:
    """Bump people's versions on writes that point to them (called from CoreConfig.ready)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(on_write, dispatch_uid=f"kurultai.personalpages.{signal}")
    m2m_changed.connect(
        lambda sender, **kw: on_write(kw["instance"].__class__, **kw),
        weak=False,
        dispatch_uid="kurultai.personalpages.m2m",
    )
