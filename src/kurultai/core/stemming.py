"""Word forms for search: Russian and English stems, so "вода" finds "воды" and "recycle" finds "recycling".

Cyrillic words go through the Snowball Russian stemmer, Latin ones through the English stemmer, and the
stem is then folded (``core.folding``) like every other indexed word. Index and query use the same
functions, so they only need to agree with each other. The Turkic languages have no stemmer: their words
are found by prefix instead (see ``core.search``).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

from kurultai.core.folding import APOSTROPHES, fold

CYRILLIC = re.compile("[\u0400-\u04ff]")
NOT_WORD = re.compile(r"[\W_]+")
_stemmers = threading.local()


def _stemmer(language: str) -> snowballstemmer.basestemmer.BaseStemmer:
    # A Snowball stemmer keeps state while it works: one per thread.
    found = getattr(_stemmers, language, None)
    if found is None:
        found = snowballstemmer.stemmer(language)
        setattr(_stemmers, language, found)
    return found


def words(text: str) -> list[str]:
    """Lower-case words of a text in its own script; apostrophes inside words dropped (``oʻz`` → ``oz``)."""
    cleaned = "".join("" if c in APOSTROPHES else c for c in (text or "").lower())
    return [w for w in NOT_WORD.split(cleaned) if w]


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The folded stem of one lower-case word: Russian rules for Cyrillic, English rules for plain Latin."""
    if CYRILLIC.search(word):
        word = _stemmer("russian").stemWord(word)
    elif word.isascii() and word.isalpha():
        word = _stemmer("english").stemWord(word)
    return _alnum(fold(word))


def folded_word(word: str) -> str:
    """One word folded to the index's script-independent form."""
    return _alnum(fold(word))


def with_stems(text: str) -> str:
    """The folded text followed by the stems that differ from its words: what the index stores."""
    extra = []
    seen = set()
    for word in words(text):
        stemmed = stem(word)
        if stemmed and stemmed != folded_word(word) and stemmed not in seen:
            seen.add(stemmed)
            extra.append(stemmed)
    return " ".join(filter(None, [fold(text), *extra]))
