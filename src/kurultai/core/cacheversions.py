"""Content versions that cached pages and fragments are keyed by, so a write invalidates only what shows it.

A version is a number kept under a name:

* ``group:<name>`` — one per page group of :mod:`kurultai.core.cachedeps` (``site`` is the group every
  undeclared page belongs to). A write to a model bumps the groups whose scope holds that model.
* ``obj:<app_label.model>:<field>:<value>`` — one per record that pages are about (a recommendation, a forum).
  A write bumps the record's own version and the versions of the records it points to through foreign
  keys (a progress update bumps its recommendation and that recommendation's forum).

Models with ``shown_on_public_pages = False`` (notifications, deliveries, subscriptions, audit entries …),
models outside Kurultai (sessions, allauth) and saves that touch only private fields (a sign-in writes
``User.last_login``) bump nothing.

Where versions live: in the database (rows of ``SiteVersion``, one per name, the name hashed into the
primary key) unless the shared cache is Redis, where they are Redis counters. Database versions are
bumped inside the writing transaction, so a rollback un-bumps them and readers never see new content
under an old version. Redis versions are bumped at once and again after the commit: a page rendered
from the old content between the two is stored under the intermediate version and never served again.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import Any

from django.apps import apps
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models import F

# Fields whose change shows on no public page: saving only these bumps nothing.
PRIVATE_FIELDS: dict[str, frozenset[str]] = {
    "accounts.user": frozenset({"last_login", "password", "failed_logins", "locked_until"}),
}
# Models without the ``shown_on_public_pages`` flag whose writes bump only these groups (or none):
# records private to one person, and indexes derived from content whose own write already bumped.
WRITES_BUMP: dict[str, tuple[str, ...]] = {
    "accounts.consent": (),
    "accounts.dataexport": (),
    "core.calendarkey": (),
    "core.cacheentry": (),
    "core.contentstamp": (),  # feeds and calendars, which are not cached pages
    "core.searchdocument": ("site",),  # search pages are in the "site" group
}
# Models whose new records show nowhere until something else (which bumps itself) refers to them:
# a person signing up changes no public page; a later change of their name does.
QUIET_WHEN_CREATED = frozenset({"accounts.user"})
# How far foreign keys are followed from a written record to the records whose pages show it.
FK_DEPTH = 3
SITE = "site"
# The row the whole-site version has always lived in.
SITE_ROW = 1


def model_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def is_public(model: type[models.Model]) -> bool:
    """Whether writes to ``model`` can change a public page."""
    return (
        model.__module__.startswith("kurultai.")
        and getattr(model, "shown_on_public_pages", True)
        and model_label(model) != "core.siteversion"
    )


def object_key(label: str, field: str, value: Any) -> str:
    return f"obj:{label}:{field}:{value}"


def group_key(name: str) -> str:
    return f"group:{name}"


def by_app(key: str, app_label: str) -> str:
    """A record's version counting only writes from one app (see :func:`names_for_write`)."""
    return f"{key}@{app_label}"


# ---------------------------------------------------------------------------------------------------------
# Stores


@lru_cache(maxsize=65536)
def _row_id(name: str) -> int:
    if name == group_key(SITE):
        return SITE_ROW
    # 62 bits of a hash: positive in a signed BIGINT, never 1.
    return (int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big") >> 2) | 2


class DatabaseVersions:
    """Versions as rows of ``SiteVersion``: transactional with the write that bumps them."""

    transactional = True

    def read(self, names: list[str]) -> dict[str, int]:
        from kurultai.core.models import SiteVersion

        ids = {_row_id(name): name for name in names}
        # Plain SQL: this runs on every cache hit, where the ORM's query building would be most of the cost.
        connection = connections[router.db_for_read(SiteVersion)]
        table = connection.ops.quote_name(SiteVersion._meta.db_table)
        placeholders = ", ".join(["%s"] * len(ids))
        found = _read_sqlite_outside_request(connection, table, list(ids))
        if found is None:
            with connection.cursor() as cursor:
                sql = f"SELECT id, number FROM {table} WHERE id IN ({placeholders})"  # noqa: S608 - ours, numbers only
                cursor.execute(sql, list(ids))
                found = dict(cursor.fetchall())
        return {name: found.get(row, 0) for row, name in ids.items()}

    def bump(self, names: Iterable[str]) -> None:
        from kurultai.core.models import SiteVersion

        ids = {_row_id(name) for name in names}
        if not ids:
            return
        # The whole-site row first, on its own: every public write bumps it, so writers queue on that one
        # row before they lock any other and two transactions can never wait for each other's rows.
        updated = 0
        if SITE_ROW in ids:
            updated = SiteVersion.objects.filter(pk=SITE_ROW).update(number=F("number") + 1)
        others = ids - {SITE_ROW}
        if others:
            updated += SiteVersion.objects.filter(pk__in=others).update(number=F("number") + 1)
        if updated == len(ids):
            return
        # Rows for names never bumped before are created on first use.
        missing = ids - set(SiteVersion.objects.filter(pk__in=ids).values_list("pk", flat=True))
        if missing:
            try:
                with transaction.atomic(using=router.db_for_write(SiteVersion)):
                    SiteVersion.objects.bulk_create([SiteVersion(pk=row, number=1) for row in sorted(missing)])
            except IntegrityError:  # created meanwhile by another writer
                SiteVersion.objects.filter(pk__in=missing).update(number=F("number") + 1)


_readers = threading.local()


def _read_sqlite_outside_request(connection: Any, table: str, ids: list[int]) -> dict[int, int] | None:
    """Versions read through a long-lived read-only SQLite connection of this thread, or None.

    On SQLite Django opens and closes a connection per request (``CONN_MAX_AGE = 0``), and opening one
    (with its PRAGMAs) costs several times more than answering a cache hit. When this request has not
    opened Django's connection yet, a read-only connection kept per thread answers instead: in WAL mode
    it sees every committed write. Inside a transaction (and in tests) Django's own connection is used,
    so uncommitted writes of the same transaction are seen too.
    """
    name = str(connection.settings_dict.get("NAME") or "")
    if (
        connection.vendor != "sqlite"
        or connection.connection is not None
        or connection.in_atomic_block
        or not name
        or name.startswith("file:")
        or ":memory:" in name
    ):
        return None
    reader = getattr(_readers, name, None)
    try:
        if reader is None:
            reader = sqlite3.connect(f"file:{name}?mode=ro", uri=True, check_same_thread=False)
            reader.execute("PRAGMA busy_timeout=5000")
            setattr(_readers, name, reader)
        sql = f"SELECT id, number FROM {table} WHERE id IN ({', '.join('?' * len(ids))})"  # noqa: S608 - ours, numbers only
        rows = reader.execute(sql, ids)
        return dict(rows.fetchall())
    except sqlite3.Error:
        setattr(_readers, name, None)
        return None


class CacheVersions:
    """Versions as counters in the shared cache (Redis): one round trip to read any number of them."""

    transactional = False

    def __init__(self, cache: BaseCache | None = None) -> None:
        self.cache = cache or caches["default"]

    def read(self, names: list[str]) -> dict[str, int]:
        cache = self.cache
        found = cache.get_many(names)
        for name in names:
            if name not in found:
                # Unknown or evicted: start from a number no page was stored under.
                start = time.time_ns()
                cache.add(name, start, None)
                found[name] = cache.get(name, start)
        return found

    def bump(self, names: Iterable[str]) -> None:
        cache = self.cache
        for name in names:
            try:
                cache.incr(name)
            except ValueError:
                if not cache.add(name, time.time_ns(), None):
                    cache.incr(name)


def _shared_cache_is_redis() -> bool:
    from django.conf import settings

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return "redis" in backend.lower() or "memcache" in backend.lower()


def store() -> DatabaseVersions | CacheVersions:
    return CacheVersions() if _shared_cache_is_redis() else DatabaseVersions()


_memo: ContextVar[dict[str, int] | None] = ContextVar("kurultai_cache_versions", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Read each version once inside this block: a cached page and its fragments ask for the same ones."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def read(names: list[str]) -> dict[str, int]:
    memo = _memo.get()
    if memo is None:
        return store().read(names)
    missing = [name for name in names if name not in memo]
    if missing:
        memo.update(store().read(missing))
    return {name: memo[name] for name in names if name in memo}


def bump(names: Iterable[str]) -> None:
    names = sorted(set(names))
    if not names:
        return
    memo = _memo.get()
    if memo is not None:
        memo.clear()  # a write inside the block: read again
    versions = store()
    versions.bump(names)
    if not versions.transactional:
        connection = transaction.get_connection()
        if connection.in_atomic_block:
            transaction.on_commit(lambda: versions.bump(names))


# ---------------------------------------------------------------------------------------------------------
# What a write bumps


@cache
def fk_paths(label: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Chains of foreign-key field names from ``label`` to the models pages are about, with their labels."""
    from kurultai.core import cachedeps

    targets = cachedeps.object_models()
    model = apps.get_model(label)
    paths: list[tuple[tuple[str, ...], str]] = []

    def walk(current: type[models.Model], chain: tuple[str, ...]) -> None:
        if len(chain) >= FK_DEPTH:
            return
        for field in current._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one) or not field.related_model:
                continue
            target = field.related_model
            if target is current and chain:
                continue
            step = (*chain, field.name)
            if model_label(target) in targets:
                paths.append((step, model_label(target)))
            if is_public(target):
                walk(target, step)

    walk(model, ())
    # Through one first hop, the shortest way to a record is enough (a progress update's recommendation's
    # forum is its session's forum too): fewer lookups on every write.
    shortest: dict[tuple[str, str], tuple[str, ...]] = {}
    for chain, target in paths:
        if (chain[0], target) not in shortest or len(chain) < len(shortest[(chain[0], target)]):
            shortest[(chain[0], target)] = chain
    return tuple((chain, target) for (_first, target), chain in shortest.items())


def _object_keys(instance: models.Model) -> tuple[set[str], set[str]] | None:
    """Version names of the records ``instance`` shows on, and the labels of the record models it points
    to through no foreign key that is set (its pages cannot be told apart: their whole group is bumped);
    None when a related record is already gone."""
    from kurultai.core import cachedeps

    keys: set[str] = set()
    label = model_label(type(instance))
    fields = cachedeps.object_models()
    for field in fields.get(label, ()):
        keys.add(object_key(label, field, getattr(instance, field if field != "pk" else "pk")))
    reached: set[str] = set()
    targets: set[str] = set()
    for chain, target_label in fk_paths(label):
        targets.add(target_label)
        target: Any = instance
        try:
            for name in chain[:-1]:
                target = getattr(target, name)
                if target is None:
                    break
            if target is None:
                continue
            last = chain[-1]
            for field in fields[target_label]:
                if field == "pk":
                    value = getattr(target, f"{last}_id")
                else:
                    related = getattr(target, last)
                    value = getattr(related, field) if related is not None else None
                if value is not None:
                    keys.add(object_key(target_label, field, value))
                    reached.add(target_label)
        except ObjectDoesNotExist:
            return None
    return keys, targets - reached


def _generic_object_keys(instance: models.Model) -> set[tuple[str, str]]:
    """(model label, version name) of the page records ``instance`` points to through a generic foreign key
    (a follow-up trackable's subject), when those records are identified by primary key, and of the page
    records that one points to (the recommendation's forum)."""
    from django.contrib.contenttypes.fields import GenericForeignKey
    from django.contrib.contenttypes.models import ContentType

    from kurultai.core import cachedeps

    found: set[tuple[str, str]] = set()
    for field in instance._meta.private_fields:
        if not isinstance(field, GenericForeignKey):
            continue
        type_id, object_id = getattr(instance, f"{field.ct_field}_id", None), getattr(instance, field.fk_field, None)
        if type_id is None or object_id is None:
            continue
        target = ContentType.objects.get_for_id(type_id).model_class()
        label = model_label(target) if target is not None else ""
        if "pk" in cachedeps.object_models().get(label, ()):
            found.add((label, object_key(label, "pk", object_id)))
            # and the records that one shows on (a recommendation's forum), so their groups stay cached too
            record = target._default_manager.filter(pk=object_id).first()
            through = _object_keys(record) if record is not None else None
            if through is not None:
                found |= {(key.split(":", 2)[1], key) for key in through[0]}
    return found


def names_for_write(model: type[models.Model], instance: models.Model | None) -> set[str]:
    from kurultai.core import cachedeps

    label = model_label(model)
    if label in WRITES_BUMP:
        return {group_key(group) for group in WRITES_BUMP[label]}
    names = {group_key(group) for group in cachedeps.groups_showing(label)}
    if instance is None or instance.pk is None:
        return names
    found = _object_keys(instance)
    if found is None:  # cannot tell which records: everything
        return {group_key(group) for group in cachedeps.all_groups()}
    objects, unreached = found
    names |= objects
    # A record that names its page record through a generic key bumps that record, not its whole group.
    for target_label, key in _generic_object_keys(instance):
        names.add(key)
        for group in cachedeps.GROUPS:
            if group.objects and all(obj_label == target_label for obj_label, _f, _k in group.objects):
                names.discard(group_key(group.name))
    for group in cachedeps.GROUPS:
        if any(obj_label in unreached for obj_label, _field, _kwarg in group.objects):
            names.add(group_key(group.name))
    # Each record's version also per writing app, for fragments that show only some apps' writes.
    app_label = model._meta.app_label
    return names | {by_app(name, app_label) for name in names if name.startswith("obj:")}


def on_model_change(sender: type, **kwargs: Any) -> None:
    """Signal receiver for saves, deletes and re-linked many-to-many relations of Kurultai models."""
    if getattr(sender, "_meta", None) is None or not is_public(sender) or kwargs.get("raw"):
        return
    if not kwargs.get("action", "post_").startswith("post_"):
        return  # m2m_changed fires before and after a change: the "post_" signal is enough
    if kwargs.get("created") and model_label(sender) in QUIET_WHEN_CREATED:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= PRIVATE_FIELDS.get(model_label(sender), frozenset()):
        return
    bump(names_for_write(sender, kwargs.get("instance")))


def bump_everything() -> None:
    """Mark every cached page and fragment as out of date (after writes that send no signals)."""
    from kurultai.core import cachedeps

    bump(group_key(group) for group in cachedeps.all_groups())
