"""One search interface, two real engines: SQLite FTS5 (embedded) and PostgreSQL full-text + trigrams.

Apps register their searchable models in their ``searchable.py`` with a function that describes a
record (title, body, URL, countries, themes, SDGs, whether it is public). Records are indexed on save
and on tag changes; inside :func:`deferred` (imports) the changes are indexed by background jobs in
batches instead. ``kurultai rebuild_search_index`` rebuilds everything.

Both engines search the folded text (see ``core.folding``) by word prefix (for the Turkic languages,
which have no stemmer), Russian and English word stems (SQLite: Snowball stems stored beside the words,
see ``core.stemming``; PostgreSQL: its ``russian`` and ``english`` configurations) and taxonomy names as
synonyms (``core.synonyms``). When nothing matches, a typo-tolerant pass follows (trigrams on
PostgreSQL, close words of the index's vocabulary on SQLite). Results are ranked, title matches first,
with highlighted plain-text snippets in the reader's language.
"""

from __future__ import annotations

import difflib
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kurultai.core import synonyms
from kurultai.core.folding import fold, fold_with_map
from kurultai.core.multilingual import TranslatedText, coerce
from kurultai.core.stemming import folded_word, stem, with_stems, words
from kurultai.core.text import markdown_to_text

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
    sdgs: Iterable[int] = ()
    # The languages the record is in (a publication in Russian and Kazakh); by default those its texts are written in.
    languages: Iterable[str] | None = None
    year: int | None = None  # the year a reader would file it under (published, held, adopted), for the year facet


@dataclass
class Registration:
    kind: str
    model: type[models.Model]
    describe: Callable[[Any], Entry]
    label: str
    queryset: Callable[[], models.QuerySet]
    weight: float = 1.0


REGISTRY: dict[str, Registration] = {}
# Apps that know more about a kind of record than its index row (e.g. a recommendation's status) add it here.
HIT_DECORATORS: dict[str, list[Callable[[list[Any]], None]]] = {}


@dataclass
class Hit:
    """One search result: what to show and how well it matched."""

    kind: str
    label: str
    object_id: int
    url: str
    title: TranslatedText
    snippet: SafeString  # lazy: made when shown
    score: float = 0.0
    extra: dict = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    year: int | None = None


def register(
    kind: str,
    model: type[models.Model],
    describe: Callable[[Any], Entry],
    label: str,
    queryset: Callable[[], models.QuerySet] | None = None,
    watch: Iterable[Any] = (),
    weight: float = 1.0,
) -> None:
    """Make a model searchable; ``watch`` lists M2M ``through`` models whose changes re-index it.

    ``weight`` scales the text score of this kind: records that are parts of others (a contribution, a progress
    update) or numerous imports (donor projects) weigh less, so they do not push the records they belong to
    out of the first results.
    """
    REGISTRY[kind] = Registration(kind, model, describe, label, queryset or model._default_manager.all, weight)

    def on_save(sender: type, instance: models.Model, raw: bool = False, **_kw: Any) -> None:
        if not raw and not _defer(kind, instance.pk):
            index(kind, instance)

    def on_delete(sender: type, instance: models.Model, **_kw: Any) -> None:
        if not _defer(kind, instance.pk):
            remove(kind, instance.pk)

    def on_m2m(sender: type, instance: models.Model, action: str, **_kw: Any) -> None:
        if action.startswith("post_") and isinstance(instance, model) and not _defer(kind, instance.pk):
            index(kind, instance)

    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"search.save.{kind}")
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=f"search.delete.{kind}")
    for through in watch:
        m2m_changed.connect(on_m2m, sender=through, weak=False, dispatch_uid=f"search.m2m.{kind}.{through}")


MARKUP = re.compile(r"[*_`#\[\]<>|~]|^\s*(?:[-+]|\d+[.)])\s", re.MULTILINE)


def plain(text: str) -> str:
    """Text without Markdown, so that snippets and the index hold what readers see (not ``*Demo*``)."""
    return markdown_to_text(text) if text and MARKUP.search(text) else text


def _plain_texts(value: Any) -> dict:
    return {k: plain(v) for k, v in dict(value).items() if not k.startswith("_") and isinstance(v, str)}


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _folded(entry: Entry) -> str:
    parts = [*entry.title.values(), *entry.body.values()]
    return fold(" ".join(p for p in parts if isinstance(p, str)))


def _joined(texts: dict) -> str:
    return " ".join(v for v in texts.values() if isinstance(v, str))


@dataclass
class Row:
    """What the full-text engine holds for one document."""

    title: str  # original texts, every language
    body: str
    tags: str  # concept tokens (core.synonyms) of its tags and of the names it mentions


def _row(entry: Entry) -> Row:
    title, body = _joined(entry.title), _joined(entry.body)
    concepts = synonyms.tokens_in(f"{title}\n{body}")
    concepts |= {synonyms.token(f"country:{code}") for code in entry.countries}
    concepts |= {synonyms.token(f"theme:{slug}") for slug in entry.themes}
    concepts |= {synonyms.token(f"sdg:{number}") for number in entry.sdgs}
    return Row(title=title, body=body, tags=" ".join(sorted(concepts)))


def index(kind: str, obj: models.Model) -> None:
    """Add or refresh one record in the index (or drop it when it is not public)."""
    from kurultai.core.models import SearchDocument

    entry = REGISTRY[kind].describe(obj)
    if not entry.public:
        remove(kind, obj.pk)
        return
    title = _plain_texts(entry.title)
    body = _plain_texts(entry.body)
    entry.title, entry.body = title, body
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
            "languages": " ".join(_languages(entry)),
            "year": entry.year if entry.year and 0 < entry.year < 10000 else None,
        },
    )
    _write_engine_row(doc.pk, _row(entry))


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def _languages(entry: Entry) -> list[str]:
    """The record's languages (well-formed codes only, as many as the column holds)."""
    given = entry.languages if entry.languages is not None else ()
    found = sorted({code.lower() for code in given if isinstance(code, str) and LANGUAGE_CODE.match(code.lower())})
    if not found:
        found = sorted(set(entry.title) | set(entry.body))
    kept, length = [], 0
    for code in found:
        length += len(code) + 1
        if length > 121:
            break
        kept.append(code)
    return kept


# Folded words (any script, prefix search) weigh A/B; Russian and English stems of the original text the same;
# concept tokens D.
_PG_VECTOR = (
    "UPDATE core_searchdocument SET vector = "
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
    "|| setweight(to_tsvector('russian', %s), 'A') || setweight(to_tsvector('russian', %s), 'B') "
    "|| setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B') "
    "|| setweight(to_tsvector('simple', %s), 'D') WHERE id = %s"
)
_SQLITE_ROW = "INSERT INTO core_search_fts(rowid, title, body, tags) VALUES (%s, %s, %s, %s)"


def _engine_params(pk: int, row: Row) -> list:
    if _is_sqlite():
        return [pk, with_stems(row.title), with_stems(row.body), row.tags]
    return [fold(row.title), fold(row.body), row.title, row.body, row.title, row.body, row.tags, pk]


def _write_engine_row(pk: int, row: Row) -> None:
    with connection.cursor() as cursor:
        if _is_sqlite():
            cursor.execute("DELETE FROM core_search_fts WHERE rowid = %s", [pk])
        cursor.execute(_SQLITE_ROW if _is_sqlite() else _PG_VECTOR, _engine_params(pk, row))


def write_engine_rows(rows: Iterable[tuple[int, Entry]], batch: int = 2000) -> None:
    """Engine rows for documents just created in bulk (benchmark seeders): ``(document id, entry)`` pairs."""
    statement = _SQLITE_ROW if _is_sqlite() else _PG_VECTOR
    params: list[list] = []
    with connection.cursor() as cursor:
        for pk, entry in rows:
            params.append(_engine_params(pk, _row(entry)))
            if len(params) == batch:
                cursor.executemany(statement, params)
                params = []
        if params:
            cursor.executemany(statement, params)


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


def refresh(kind: str, ids: Iterable[int]) -> None:
    """Re-index records whose entry depends on another record that changed (now, or later inside :func:`deferred`)."""
    pending = [pk for pk in ids if not _defer(kind, pk)]
    if pending:
        index_ids(kind, pending)


def index_ids(kind: str, ids: Iterable[int]) -> int:
    """Bring the index up to date for these records of one kind (deleted ones leave it); returns how many."""
    ids = list(ids)
    registration = REGISTRY.get(kind)
    if registration is None:
        return 0
    with transaction.atomic():
        found = {obj.pk: obj for obj in registration.queryset().filter(pk__in=ids)}
        for pk in ids:
            if pk in found:
                index(kind, found[pk])
            else:
                remove(kind, pk)
    return len(ids)


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


BATCH = 200
RANK_CANDIDATES = 3000
TRIGRAM_THRESHOLD = "0.4"
_pending = threading.local()


def _defer(kind: str, pk: Any) -> bool:
    """Inside :func:`deferred`, note a change for the background instead of indexing it now."""
    changes = getattr(_pending, "changes", None)
    if changes is None:
        return False
    changes.setdefault(kind, set()).add(pk)
    return True


@contextmanager
def suspended() -> Iterator[None]:
    """Skip per-record indexing inside this block: for loaders that call :func:`rebuild` right after."""
    previous = getattr(_pending, "changes", None)
    _pending.changes = {}
    try:
        yield
    finally:
        _pending.changes = previous


@contextmanager
def deferred() -> Iterator[None]:
    """Index the records changed inside this block in background jobs of ``BATCH`` records, after commit.

    For imports and bulk changes, so that thousands of records do not slow the request that made them.
    Side effects: enqueues ``core.tasks.index_records`` jobs when the transaction commits.
    """
    outer = getattr(_pending, "changes", None) is None
    if outer:
        _pending.changes = {}
    try:
        yield
    finally:
        if outer:
            changes, _pending.changes = _pending.changes, None
            enqueue(changes)


def enqueue(changes: dict[str, Iterable[Any]]) -> None:
    """Background jobs that index these records, ``BATCH`` at a time, once the transaction commits."""
    from kurultai.core.tasks import index_records

    for kind, pks in changes.items():
        ordered = sorted(pks)
        for start in range(0, len(ordered), BATCH):
            chunk = ordered[start : start + BATCH]
            transaction.on_commit(lambda kind=kind, chunk=chunk: index_records.enqueue(kind, chunk))


def enqueue_rebuild(kinds: Iterable[str] | None = None) -> int:
    """Background jobs that re-index every registered record; returns how many records they cover."""
    changes = {kind: list(REGISTRY[kind].queryset().values_list("pk", flat=True)) for kind in kinds or REGISTRY}
    enqueue(changes)
    return sum(len(pks) for pks in changes.values())


@dataclass
class Word:
    """One query word: as typed (lower case), folded, and its folded stem."""

    original: str
    folded: str
    stem: str


@dataclass
class Clause:
    """Words that must all match, or else a concept token (synonyms) that stands for them."""

    words: list[Word]
    tokens: set[str] = field(default_factory=set)


def plan(query: str) -> list[Clause]:
    """The query as clauses that must all match: words, with taxonomy names turned into synonyms."""
    parsed = []
    for word in words(query):
        folded = folded_word(word)
        if folded:
            parsed.append(Word(word, folded, stem(word) or folded))
    parsed = parsed[:12]
    clauses: list[Clause] = []
    position = 0
    for start, end, concept_tokens in synonyms.matches([w.stem for w in parsed]):
        clauses += [Clause([w]) for w in parsed[position:start]]
        clauses.append(Clause(parsed[start:end], set(concept_tokens)))
        position = end
    clauses += [Clause([w]) for w in parsed[position:]]
    return clauses


def _fts_word(word: Word, alternatives: Iterable[str] = ()) -> str:
    terms = [f'"{word.folded}"*'] + [f'"{t}"' for t in dict.fromkeys([word.stem, *alternatives]) if t != word.folded]
    return "{title body} : (" + " OR ".join(terms) + ")"


def _fts_match(clauses: list[Clause], typos: dict[str, list[str]] | None = None) -> str:
    parts = []
    for clause in clauses:
        words_expr = " AND ".join(_fts_word(w, (typos or {}).get(w.folded, ())) for w in clause.words)
        options = [f"({words_expr})"] + [f'tags : "{t}"' for t in sorted(clause.tokens)]
        for spelling in synonyms.spellings(clause.tokens):  # other names in the text rank above tags alone
            options.append("{title body} : (" + " AND ".join(f'"{stem}"' for stem in spelling) + ")")
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def _pg_query(clauses: list[Clause]) -> tuple[str, list[Any]]:
    sql_parts, params = [], []
    for clause in clauses:
        word_parts = []
        for w in clause.words:
            word_parts.append(
                "(to_tsquery('simple', %s) || plainto_tsquery('russian', %s) || plainto_tsquery('english', %s))"
            )
            params += [f"{w.folded}:*AB", w.original, w.original]
        options = ["(" + " && ".join(word_parts) + ")"]
        for t in sorted(clause.tokens):
            options.append("to_tsquery('simple', %s)")
            params.append(f"{t}:D")
        for spelling in synonyms.spellings(clause.tokens, folded=True):
            options.append("to_tsquery('simple', %s)")
            params.append(" & ".join(f"{part}:*AB" for part in spelling))
        sql_parts.append("(" + " || ".join(options) + ")")
    return " && ".join(sql_parts), params


def _sqlite_close_words(clauses: list[Clause]) -> dict[str, list[str]]:
    """Words of the index's vocabulary within a typo or two of each query word."""
    close: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for clause in clauses:
            for w in clause.words:
                if len(w.folded) < 4:
                    continue
                cursor.execute(
                    "SELECT term FROM core_search_vocab WHERE term >= %s AND term < %s",
                    [w.folded[0], w.folded[0] + "\uffff"],
                )
                vocabulary = [row[0] for row in cursor.fetchall() if not row[0].startswith("zz")]
                found = difflib.get_close_matches(w.folded, vocabulary, n=3, cutoff=0.75)
                if found:
                    close[w.folded] = found
    return close


def _engine_ids(clauses: list[Clause], candidates: models.QuerySet, limit: int) -> list[tuple[int, float]]:
    """(document id, score) pairs, best first, from the database's own full-text engine."""
    candidate_sql, candidate_params = candidates.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        if _is_sqlite():
            select = (
                "SELECT rowid, bm25(core_search_fts, 6.0, 1.0, 0.5) AS score FROM core_search_fts "  # noqa: S608
                f"WHERE core_search_fts MATCH %s AND rowid IN ({candidate_sql}) ORDER BY score, rowid LIMIT %s"
            )
            cursor.execute(select, [_fts_match(clauses), *candidate_params, limit])
            rows = [(row[0], -float(row[1])) for row in cursor.fetchall()]
            if rows:
                return rows
            # Nothing matched: forgive typos with the closest words the index knows.
            close = _sqlite_close_words(clauses)
            if not close:
                return []
            cursor.execute(select, [_fts_match(clauses, close), *candidate_params, limit])
            return [(row[0], -float(row[1])) for row in cursor.fetchall()]
        query_sql, query_params = _pg_query(clauses)
        # Without filters every document is a candidate: leave out the semi-join, which costs PostgreSQL
        # a pass over the whole table (a third of the time of a common word at 100,000 documents).
        restrict, restrict_params = (
            (f"AND id IN ({candidate_sql}) ", list(candidate_params)) if candidates.query.where else ("", [])
        )
        # Ranking reads every matching row; a common word at a million documents matches hundreds of
        # thousands. Only the first RANK_CANDIDATES matches (in the table's order) are ranked, so the cost stays
        # bounded; queries with fewer matches, nearly all of them, are ranked exactly as before.
        cursor.execute(
            f"WITH query AS (SELECT {query_sql} AS q), "  # noqa: S608
            "candidates AS MATERIALIZED (SELECT id, vector FROM core_searchdocument, query "
            f"WHERE vector @@ query.q {restrict}LIMIT %s) "
            "SELECT id, ts_rank(vector, query.q) AS rank FROM candidates, query ORDER BY rank DESC, id LIMIT %s",
            [*query_params, *restrict_params, max(limit, RANK_CANDIDATES), limit],
        )
        rows = [(row[0], float(row[1])) for row in cursor.fetchall()]
        if rows:
            return rows
        # Nothing matched exactly: forgive typos with trigram word similarity (a swapped pair of letters
        # keeps fewer than half of a short word's trigrams, hence the low threshold).
        folded = " ".join(w.folded for clause in clauses for w in clause.words)
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [TRIGRAM_THRESHOLD])
        cursor.execute(
            "SELECT id, word_similarity(%s, folded) AS score FROM core_searchdocument "  # noqa: S608
            f"WHERE %s <%% folded AND id IN ({candidate_sql}) ORDER BY score DESC, id LIMIT %s",
            [folded, folded, *candidate_params, limit],
        )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _highlights(clauses: list[Clause]) -> list[str]:
    found = []
    for clause in clauses:
        for w in clause.words:
            found += [w.folded] + ([w.stem] if w.stem != w.folded else [])
    return list(dict.fromkeys(found))


def search(
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    countries: Iterable[str] = (),
    themes: Iterable[str] = (),
    language: str | None = None,
    year: int | None = None,
    limit: int = 200,
) -> list[Hit]:
    """Ranked, highlighted hits for a query, optionally restricted by kind, country, theme, language and year."""
    from kurultai.core.models import SearchDocument

    clauses = plan(query)
    if not clauses:
        return []
    candidates = SearchDocument.objects.all()
    if kinds:
        candidates = candidates.filter(kind__in=list(kinds))
    for code in countries:
        candidates = candidates.filter(countries__regex=rf"(^| ){code}( |$)")
    for slug in themes:
        candidates = candidates.filter(themes__regex=rf"(^| ){slug}( |$)")
    if language:
        candidates = candidates.filter(languages__regex=rf"(^| ){re.escape(language)}( |$)")
    if year:
        candidates = candidates.filter(year=year)
    ranked = _engine_ids(clauses, candidates, limit)
    docs = SearchDocument.objects.in_bulk([pk for pk, _score in ranked])
    words_to_mark = _highlights(clauses)
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
                snippet=lazy_snippet(body, title, words_to_mark),
                score=score * (registration.weight if registration else 1.0),
                languages=tuple(doc.languages.split()),
                year=doc.year,
            )
        )
    hits.sort(key=lambda hit: -hit.score)  # stable: equal scores keep the engine's order
    return hits


@dataclass
class Facet:
    """One value of a facet with how many hits have it."""

    value: str
    label: str
    count: int


def facets(hits: Iterable[Hit]) -> dict[str, list[Facet]]:
    """Counts of the hits by type, language and year (no queries: the hits carry them), most frequent first."""
    from django.conf import settings

    names = dict(settings.LANGUAGES)
    kinds: dict[str, list] = {}
    languages: dict[str, int] = {}
    years: dict[int, int] = {}
    for hit in hits:
        kinds.setdefault(hit.kind, [hit.label, 0])[1] += 1
        for code in hit.languages:
            if code in names:
                languages[code] = languages.get(code, 0) + 1
        if hit.year:
            years[hit.year] = years.get(hit.year, 0) + 1
    return {
        "kind": [Facet(k, str(label), n) for k, (label, n) in sorted(kinds.items(), key=lambda i: (-i[1][1], i[0]))],
        "language": [Facet(c, str(names[c]), n) for c, n in sorted(languages.items(), key=lambda i: (-i[1], i[0]))],
        "year": [Facet(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)],
    }


def matching_ids(query: str, kind: str, limit: int = 10000) -> list[int]:
    """Object ids of one kind matching a query, best first (for list pages that add their own filters)."""
    clauses = plan(query)
    if not clauses:
        return []
    from kurultai.core.models import SearchDocument

    ranked = _engine_ids(clauses, SearchDocument.objects.filter(kind=kind), limit)
    ids = dict(SearchDocument.objects.filter(pk__in=[pk for pk, _s in ranked]).values_list("pk", "object_id"))
    return [ids[pk] for pk, _score in ranked if pk in ids]


def _snippet_of(body: TranslatedText, title: TranslatedText, words: list[str]) -> SafeString:
    return snippet(plain(str(body) or str(title)), words)


# A search ranks up to 200 hits (for facets) and shows a page of them: snippets are made only when shown.
lazy_snippet = lazy(_snippet_of, SafeString)


def snippet(text: str, words: list[str], width: int = 220) -> SafeString:
    """Escaped text around the first match, with every word the query words begin in ``<mark>``."""
    folded, origin = fold_with_map(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = 0
        while (found := folded.find(word, start)) != -1:
            if found == 0 or not folded[found - 1].isalnum():
                end = origin[found + len(word) - 1] + 1
                while end < len(text) and text[end].isalnum():  # the whole word: "вод" marks "воды"
                    end += 1
                spans.append((origin[found], end))
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


def register_hit_decorator(kind: str, decorator: Callable[[list[Hit]], None]) -> None:
    """``decorator(hits)`` fills ``hit.extra`` for a page of hits of one kind, in a constant number of queries."""
    registered = HIT_DECORATORS.setdefault(kind, [])
    if decorator not in registered:
        registered.append(decorator)


def decorate(hits: Iterable[Hit]) -> list[Hit]:
    """The hits of one page, with what other apps add to them."""
    items = list(hits)
    for kind, decorators in HIT_DECORATORS.items():
        of_kind = [hit for hit in items if hit.kind == kind]
        if of_kind:
            for decorator in decorators:
                decorator(of_kind)
    return items
