"""One search interface, two real engines: SQLite FTS5 (embedded) and PostgreSQL full-text + trigrams.

Apps register their searchable models with a function that describes a record (title, body,
URL, countries, themes). Records are indexed on save and on tag changes; ``kurultai
rebuild_search_index`` rebuilds everything. Both engines search the folded text (see
``core.folding``), rank results and return highlighted snippets in the reader's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kurultai.core.folding import fold, fold_with_map, tokens
from kurultai.core.multilingual import TranslatedText, coerce

logger = logging.getLogger(__name__)


@dataclass
class Entry:
    """What a model says about one record for the index."""

    title: dict
    body: dict
    url: str
    original_language: str = "en"
    countries: Iterable[str] = ()
    themes: Iterable[str] = ()
    public: bool = True


@dataclass
class Registration:
    kind: str
    model: type[models.Model]
    describe: Callable[[Any], Entry]
    label: str
    queryset: Callable[[], models.QuerySet]


REGISTRY: dict[str, Registration] = {}


@dataclass
class Hit:
    """One search result: what to show and how well it matched."""

    kind: str
    label: str
    object_id: int
    url: str
    title: TranslatedText
    snippet: SafeString
    score: float = 0.0
    extra: dict = field(default_factory=dict)


def register(
    kind: str,
    model: type[models.Model],
    describe: Callable[[Any], Entry],
    label: str,
    queryset: Callable[[], models.QuerySet] | None = None,
    watch: Iterable[Any] = (),
) -> None:
    """Make a model searchable; ``watch`` lists M2M ``through`` models whose changes re-index it."""
    REGISTRY[kind] = Registration(kind, model, describe, label, queryset or model._default_manager.all)

    def on_save(sender: type, instance: models.Model, raw: bool = False, **_kw: Any) -> None:
        if not raw:
            index(kind, instance)

    def on_delete(sender: type, instance: models.Model, **_kw: Any) -> None:
        remove(kind, instance.pk)

    def on_m2m(sender: type, instance: models.Model, action: str, **_kw: Any) -> None:
        if action.startswith("post_") and isinstance(instance, model):
            index(kind, instance)

    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"search.save.{kind}")
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=f"search.delete.{kind}")
    for through in watch:
        m2m_changed.connect(on_m2m, sender=through, weak=False, dispatch_uid=f"search.m2m.{kind}.{through}")


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _folded(entry: Entry) -> str:
    parts = [*entry.title.values(), *entry.body.values()]
    return fold(" ".join(p for p in parts if isinstance(p, str)))


def index(kind: str, obj: models.Model) -> None:
    """Add or refresh one record in the index (or drop it when it is not public)."""
    from kurultai.core.models import SearchDocument

    entry = REGISTRY[kind].describe(obj)
    if not entry.public:
        remove(kind, obj.pk)
        return
    title = {k: v for k, v in dict(entry.title).items() if not k.startswith("_")}
    body = {k: v for k, v in dict(entry.body).items() if not k.startswith("_")}
    doc, _created = SearchDocument.objects.update_or_create(
        kind=kind,
        object_id=obj.pk,
        defaults={
            "url": entry.url,
            "title": title,
            "body": body,
            "original_language": entry.original_language,
            "folded": _folded(entry),
            "countries": " ".join(sorted(entry.countries)),
            "themes": " ".join(sorted(entry.themes)),
            "languages": " ".join(sorted(set(title) | set(body))),
        },
    )
    _write_engine_row(doc.pk, doc.folded)


def _write_engine_row(pk: int, folded: str) -> None:
    with connection.cursor() as cursor:
        if _is_sqlite():
            cursor.execute("DELETE FROM core_search_fts WHERE rowid = %s", [pk])
            cursor.execute("INSERT INTO core_search_fts(rowid, folded) VALUES (%s, %s)", [pk, folded])
        else:
            cursor.execute("UPDATE core_searchdocument SET vector = to_tsvector('simple', folded) WHERE id = %s", [pk])


def remove(kind: str, object_id: int) -> None:
    """Take a record out of the index."""
    from kurultai.core.models import SearchDocument

    pks = list(SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True))
    if not pks:
        return
    if _is_sqlite():
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM core_search_fts WHERE rowid = %s", [[pk] for pk in pks])
    SearchDocument.objects.filter(pk__in=pks).delete()


def rebuild(kinds: Iterable[str] | None = None, batch: int = 500) -> int:
    """Re-index every registered record; returns how many were indexed."""
    count = 0
    for kind in kinds or list(REGISTRY):
        registration = REGISTRY[kind]
        with transaction.atomic():
            for obj in registration.queryset().iterator(chunk_size=batch):
                index(kind, obj)
                count += 1
    return count


def _engine_ids(words: list[str], candidates: models.QuerySet, limit: int) -> list[tuple[int, float]]:
    """(document id, score) pairs, best first, from the database's own full-text engine."""
    candidate_sql, candidate_params = candidates.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        if _is_sqlite():
            match = " AND ".join(f'"{w}"*' for w in words)
            cursor.execute(
                f"SELECT rowid, bm25(core_search_fts) FROM core_search_fts WHERE core_search_fts MATCH %s "  # noqa: S608
                f"AND rowid IN ({candidate_sql}) ORDER BY bm25(core_search_fts) LIMIT %s",
                [match, *candidate_params, limit],
            )
            return [(row[0], -float(row[1])) for row in cursor.fetchall()]
        query = " & ".join(f"{w}:*" for w in words)
        cursor.execute(
            f"SELECT id, ts_rank(vector, to_tsquery('simple', %s)) AS rank FROM core_searchdocument "  # noqa: S608
            f"WHERE vector @@ to_tsquery('simple', %s) AND id IN ({candidate_sql}) ORDER BY rank DESC, id LIMIT %s",
            [query, query, *candidate_params, limit],
        )
        rows = [(row[0], float(row[1])) for row in cursor.fetchall()]
        if rows:
            return rows
        # Nothing matched exactly: forgive typos with trigram word similarity.
        cursor.execute(
            "SELECT id, word_similarity(%s, folded) AS score FROM core_searchdocument "  # noqa: S608
            f"WHERE %s <%% folded AND id IN ({candidate_sql}) ORDER BY score DESC, id LIMIT %s",
            [" ".join(words), " ".join(words), *candidate_params, limit],
        )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def search(
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    countries: Iterable[str] = (),
    themes: Iterable[str] = (),
    language: str | None = None,
    limit: int = 200,
) -> list[Hit]:
    """Ranked, highlighted hits for a query, optionally restricted by kind, country, theme and language."""
    from kurultai.core.models import SearchDocument

    words = tokens(query)
    if not words:
        return []
    candidates = SearchDocument.objects.all()
    if kinds:
        candidates = candidates.filter(kind__in=list(kinds))
    for code in countries:
        candidates = candidates.filter(countries__regex=rf"(^| ){code}( |$)")
    for slug in themes:
        candidates = candidates.filter(themes__regex=rf"(^| ){slug}( |$)")
    if language:
        candidates = candidates.filter(languages__regex=rf"(^| ){language}( |$)")
    ranked = _engine_ids(words, candidates, limit)
    docs = SearchDocument.objects.in_bulk([pk for pk, _score in ranked])
    hits = []
    for pk, score in ranked:
        doc = docs.get(pk)
        if doc is None:
            continue
        title = coerce(doc.title)
        title.original = doc.original_language
        body = coerce(doc.body)
        body.original = doc.original_language
        registration = REGISTRY.get(doc.kind)
        hits.append(
            Hit(
                kind=doc.kind,
                label=str(registration.label) if registration else doc.kind,
                object_id=doc.object_id,
                url=doc.url,
                title=title,
                snippet=snippet(str(body) or str(title), words),
                score=score,
            )
        )
    return hits


def matching_ids(query: str, kind: str, limit: int = 10000) -> list[int]:
    """Object ids of one kind matching a query, best first (for list pages that add their own filters)."""
    words = tokens(query)
    if not words:
        return []
    from kurultai.core.models import SearchDocument

    ranked = _engine_ids(words, SearchDocument.objects.filter(kind=kind), limit)
    ids = dict(SearchDocument.objects.filter(pk__in=[pk for pk, _s in ranked]).values_list("pk", "object_id"))
    return [ids[pk] for pk, _score in ranked if pk in ids]


def snippet(text: str, words: list[str], width: int = 220) -> SafeString:
    """Escaped text around the first match, with every match of the query words in ``<mark>``."""
    folded, origin = fold_with_map(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = 0
        while (found := folded.find(word, start)) != -1:
            if found == 0 or not folded[found - 1].isalnum():
                end = found + len(word)
                spans.append((origin[found], origin[end - 1] + 1))
            start = found + len(word)
    spans.sort()
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 3)
    hi = min(len(text), lo + width)
    if lo > 0:
        lo = text.rfind(" ", 0, lo) + 1
    out, cursor = [], lo
    for start, end in spans:
        if start < cursor or end > hi:
            continue
        out += [escape(text[cursor:start]), "<mark>", escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(escape(text[cursor:hi]))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)
