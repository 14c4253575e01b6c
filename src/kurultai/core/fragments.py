"""Cached parts of pages that are the same for everyone: rendered once per content version and language.

Signed-in people get pages rendered for them (their name, follow buttons, what they may edit), but most
of a page is the same for all: a recommendation's card, a forum's programme and outcome. Such a part is
wrapped in ``{% cachedfragment "name" obj %}…{% endcachedfragment %}`` (see
``kurultai.core.templatetags.fragments``) and stored in the "pages" cache under

* its name, the active language and any ``vary=`` values (e.g. the query string of a filter form);
* the versions it depends on (:mod:`kurultai.core.cacheversions`): for a record pages are about (a
  recommendation, a forum) its own version and its page group's; otherwise the whole-site version. A
  fragment can name the apps whose writes to the record it shows (``apps="forums followup"``): writes
  from other apps that reach the record (a registration for a forum) then leave it stored.

So an edit shows at once, on every server. Versions for a whole list are read in one query: pass the list
as ``among=`` and the first card of the list reads the versions, and fetches the stored cards, of all.
A fragment whose HTML carries a CSRF token is personal by definition and is never stored.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db import models
from django.utils import translation

from kurultai.core import cachedeps, cacheversions
from kurultai.core.holes import MARKER_PREFIX
from kurultai.core.pagecache import CACHE_DOWN, page_cache

TIMEOUT = 60 * 60
_MEMO = "_kurultai_fragment_versions"


def version_names(obj: Any, apps: tuple[str, ...] = ()) -> list[str]:
    """Names of the versions a fragment about ``obj`` (a model instance, or None) depends on.

    With ``apps``, only writes from those apps that reach the record count (besides its group's): a
    forum's outcome does not change when someone registers for the forum.
    """
    if isinstance(obj, models.Model) and obj.pk is not None:
        label = cacheversions.model_label(type(obj))
        for group in cachedeps.GROUPS:
            for obj_label, field, _kwarg in group.objects:
                if obj_label == label:
                    value = obj.pk if field == "pk" else getattr(obj, field)
                    key = cacheversions.object_key(label, field, value)
                    keys = [cacheversions.by_app(key, app) for app in apps] if apps else [key]
                    return [cacheversions.group_key(group.name), *keys]
    return [cacheversions.group_key("site")]


def _names(objects: list[Any], apps: tuple[str, ...] = ()) -> list[str]:
    """Version names of a fragment about ``objects``; one about nothing depends on the whole site."""
    return [name for obj in objects or [None] for name in version_names(obj, apps)]


def _memo(request: Any) -> dict[str, int]:
    if request is None:
        return {}
    memo = getattr(request, _MEMO, None)
    if memo is None:
        memo = {}
        setattr(request, _MEMO, memo)
    return memo


def versions(
    request: Any, objects: Iterable[Any], among: Iterable[Any] = (), apps: tuple[str, ...] = ()
) -> dict[str, int]:
    """Versions of ``objects``, reading those of ``among`` in the same query (remembered per request)."""
    memo = _memo(request)
    wanted = _names(list(objects), apps)
    if all(name in memo for name in wanted):
        return memo
    names = set(wanted) | {name for obj in among or () for name in version_names(obj, apps)}
    memo.update(cacheversions.read(sorted(names - memo.keys())))
    return memo


def key(name: str, objects: list[Any], vary: list[Any], known: dict[str, int], apps: tuple[str, ...] = ()) -> str:
    names = _names(objects, apps)
    parts = [
        name,
        translation.get_language() or "",
        *(f"{n}={known[n]}" for n in names),
        *(str(v) for v in vary),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return f"kurultai:fragment:{digest}"


def get_many(keys: list[str]) -> dict[str, str]:
    return page_cache().get_many(keys)


def store(cache_key: str, html: str) -> None:
    if "csrfmiddlewaretoken" in html or MARKER_PREFIX in html:
        return  # personal: a form with this person's token, or a personal part (kurultai.core.holes)
    with contextlib.suppress(CACHE_DOWN):  # Redis not answering: rendered anyway, stored next time
        page_cache().set(cache_key, html, TIMEOUT)


class Deferred:
    """Rows fetched (and prepared) only when a template iterates them; ``{% if %}`` asks only whether any exist.

    A view passes the rows a cached fragment shows this way, so a fragment served from the cache costs
    none of their queries (nor the preparation, e.g. follow-up statuses for every recommendation).
    """

    def __init__(
        self,
        queryset: models.QuerySet,
        prepare: Callable[[list[Any]], Any] | None = None,
        any_rows: bool | None = None,
    ) -> None:
        self.queryset = queryset
        self.prepare = prepare
        self._rows: list[Any] | None = None
        self._any = any_rows  # known already (an annotation of the parent's query), or asked when needed

    @property
    def rows(self) -> list[Any]:
        if self._rows is None:
            self._rows = list(self.queryset)
            if self.prepare is not None:
                self.prepare(self._rows)
        return self._rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        if self._rows is not None:
            return bool(self._rows)
        if self._any is None:
            self._any = self.queryset.exists()
        return self._any


def query_name(queryset: models.QuerySet) -> str | None:
    """The SQL and parameters of a query, to name a value computed from it; ``None`` when it can match nothing
    (an empty ``pk__in``, say), so there is nothing to compute."""
    from django.core.exceptions import EmptyResultSet

    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    return f"{sql}\n{params!r}"


def cached_value(name: str, group: str, compute: Callable[[], Any]) -> Any:
    """A value the same for everyone (a count, a short list), computed once per content version of ``group``
    (see :mod:`kurultai.core.cachedeps`) and then read from the shared cache on every server."""
    known = cacheversions.read([cacheversions.group_key(group)])
    digest = hashlib.sha256(f"{name}\n{group}={known}".encode()).hexdigest()[:40]
    cache_key = f"kurultai:value:{digest}"
    try:
        found = page_cache().get(cache_key)
    except CACHE_DOWN:
        return compute()
    if found is None:
        found = compute()
        with contextlib.suppress(CACHE_DOWN):
            page_cache().set(cache_key, found, TIMEOUT)
    return found
