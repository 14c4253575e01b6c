"""Taxonomy names as search synonyms: "Ўзбекистон", "Oʻzbekiston", "Өзбекстан" and "Uzbekistan" are one country.

Every name of a country, thematic area or SDG, in every language, plus the spellings below (other scripts,
inflections, adjectives), stands for one *concept token* such as ``zzcountryuz``. A record carries the tokens
of its tags and of the names its text mentions; a query naming a concept also matches its token.
"""

from __future__ import annotations

import time
from typing import Any

from kurultai.core.stemming import folded_word, stem, words

# Spellings the taxonomy's translated names do not cover: the other script of the same language,
# common short forms and the adjectives people search with.
SPELLINGS: dict[str, list[str]] = {
    "country:KZ": [
        "Kazakhstan",
        "Qazaqstan",
        "Қазақстан",
        "Казахстан",
        "Kazakstan",
        "Qozogʻiston",
        "Қозоғистон",
        "Қазоқистон",
        "Казакстан",
        "Gazagystan",
        "Kazakh",
        "Qazaq",
        "казахский",
        "казахстанский",
        "қазақ",
    ],
    "country:KG": [
        "Kyrgyzstan",
        "Kyrgyz Republic",
        "Кыргызстан",
        "Киргизия",
        "Кыргызская Республика",
        "Qirgʻiziston",
        "Қирғизистон",
        "Қырғызстан",
        "Gyrgyzystan",
        "Kyrgyz",
        "кыргызский",
        "киргизский",
        "кыргыз",
    ],
    "country:TJ": [
        "Tajikistan",
        "Таджикистан",
        "Тоҷикистон",
        "Tojikiston",
        "Тожикистон",
        "Тәжікстан",
        "Тажикстан",
        "Täjigistan",
        "Tajik",
        "таджикский",
        "тоҷик",
    ],
    "country:TM": [
        "Turkmenistan",
        "Туркменистан",
        "Türkmenistan",
        "Туркманистон",
        "Turkmaniston",
        "Түрікменстан",
        "Түркмөнстан",
        "Turkmen",
        "туркменский",
        "türkmen",
    ],
    "country:UZ": [
        "Uzbekistan",
        "Узбекистан",
        "Oʻzbekiston",
        "Ўзбекистон",
        "Ӯзбекистон",
        "Өзбекстан",
        "Özbegistan",
        "Uzbek",
        "узбекский",
        "oʻzbek",
        "ўзбек",
        "өзбек",
    ],
    "country:AF": [
        "Afghanistan",
        "Афганистан",
        "Afgʻoniston",
        "Афғонистон",
        "Ауғанстан",
        "Ооганстан",
        "Owganystan",
        "Afghan",
        "афганский",
    ],
}
MAX_WORDS = 8
MIN_PREFIX = 5  # shortest name found at the beginning of a longer word
REFRESH_SECONDS = 60
_memo: dict[str, Any] = {"at": None, "table": None, "names": None}


def token(concept: str) -> str:
    """The index token of a concept such as ``country:UZ`` or ``theme:climate-change``."""
    return "zz" + "".join(c for c in concept.lower() if c.isalnum())


def key(text: str) -> tuple[str, ...]:
    """The stems of a name, as the index and the query see them."""
    return tuple(s for s in (stem(w) for w in words(text)) if s)


def _names() -> dict[str, set[str]]:
    from kurultai.core.models import SDG, Country, Theme

    names: dict[str, set[str]] = {concept: set(spellings) for concept, spellings in SPELLINGS.items()}

    def add(concept: str, value: Any) -> None:
        names.setdefault(concept, set()).update(v for k, v in dict(value).items() if isinstance(v, str) and v)

    for code, name in Country.objects.values_list("code", "name"):
        add(f"country:{code}", name)
    for slug, name in Theme.objects.values_list("slug", "name"):
        add(f"theme:{slug}", name)
    for number, name in SDG.objects.values_list("number", "name"):
        add(f"sdg:{number}", name)
    return names


def table() -> dict[tuple[str, ...], set[str]]:
    """Stems of every known name → the concept tokens it stands for (rebuilt at most once a minute)."""
    now = time.monotonic()
    if _memo["table"] is None or now - _memo["at"] > REFRESH_SECONDS:
        built: dict[tuple[str, ...], set[str]] = {}
        names = _names()
        for concept, spellings in names.items():
            for spelling in spellings:
                stems = key(spelling)
                if 0 < len(stems) <= MAX_WORDS:
                    built.setdefault(stems, set()).add(token(concept))
        _memo.update(at=now, table=built, names=names)
    return _memo["table"]


def spellings(tokens: set[str], *, folded: bool = False, most: int = 24) -> list[tuple[str, ...]]:
    """The names standing for these concept tokens, as stems (or, with ``folded``, folded words)."""
    if not tokens:
        return []
    found = []
    for concept, names in _memo_names().items():
        if token(concept) in tokens:
            for name in sorted(names):
                parts = tuple(folded_word(w) for w in words(name)) if folded else key(name)
                if parts and all(parts) and parts not in found:
                    found.append(parts)
    return found[:most]


def _memo_names() -> dict[str, set[str]]:
    if _memo.get("names") is None or _memo["table"] is None:
        table()
    return _memo["names"]


def forget(*_args: Any, **_kwargs: Any) -> None:
    """Taxonomy names changed: read them again on next use."""
    _memo["table"] = None


def matches(stems: list[str]) -> list[tuple[int, int, set[str]]]:
    """``(start, end, tokens)`` of the names found in a sequence of stems, longest first, not overlapping."""
    known = table()
    found = []
    i = 0
    while i < len(stems):
        for length in range(min(MAX_WORDS, len(stems) - i), 0, -1):
            tokens = known.get(tuple(stems[i : i + length]))
            if tokens:
                found.append((i, i + length, tokens))
                i += length
                break
        else:
            tokens = _by_beginning(known, stems[i])
            if tokens:
                found.append((i, i + 1, tokens))
            i += 1
    return found


def _by_beginning(known: dict[tuple[str, ...], set[str]], word: str) -> set[str]:
    """Turkic words take suffixes (``Oʻzbekistonda``, ``Қазақстанның``): a name may begin a longer word."""
    for end in range(len(word) - 1, MIN_PREFIX - 1, -1):
        tokens = known.get((word[:end],))
        if tokens:
            return tokens
    return set()


def tokens_in(text: str) -> set[str]:
    """Concept tokens of the names a text mentions."""
    return set().union(*(t for _s, _e, t in matches(list(key(text))))) if text else set()


def connect() -> None:
    """Forget the table whenever a taxonomy name changes."""
    from django.db.models.signals import post_delete, post_save

    from kurultai.core.models import SDG, Country, Theme

    for model in (Country, Theme, SDG):
        post_save.connect(forget, sender=model, dispatch_uid=f"search.synonyms.save.{model.__name__}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"search.synonyms.delete.{model.__name__}")
