"""Fold text so that Cyrillic and Latin spellings, and apostrophe variants, match each other.

Uzbek, Kazakh, Kyrgyz, Tajik and Turkmen are written in Cyrillic and in Latin; people type
``o'z``, ``o‘z`` or ``oʻz``. Index and query are folded the same way, so "Ўзбекистон" finds
"Oʻzbekiston" and "Қазақстан" finds "Qazaqstan". The mapping only needs to be consistent,
not a correct transliteration.
"""

from __future__ import annotations

import functools
import unicodedata

APOSTROPHES = set("'`´ʻʼ‘’ʹʽ′")

CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "x",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Kazakh, Kyrgyz, Tajik, Uzbek letters
    "ә": "a",
    "ғ": "g",
    "қ": "q",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ў": "o",
    "ҳ": "h",
    "ҷ": "j",
    "ӣ": "i",
    "ӯ": "u",
    "є": "e",
    "ї": "i",
}
LATIN = {"ş": "sh", "ç": "ch", "ž": "j", "ğ": "g", "ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d"}
DIGRAPHS = {"kh": "x", "zh": "j"}


@functools.cache
def _fold_char(ch: str) -> str:
    if ch in APOSTROPHES:
        return ""
    if ch in CYRILLIC:
        return CYRILLIC[ch]
    if ch in LATIN:
        return LATIN[ch]
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if base else ch


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of the original character."""
    out: list[str] = []
    origin: list[int] = []
    lowered = text.lower()
    i = 0
    while i < len(lowered):
        pair = lowered[i : i + 2]
        if pair in DIGRAPHS:
            out.append(DIGRAPHS[pair])
            origin.append(i)
            i += 2
            continue
        folded = _fold_char(lowered[i])
        for char in folded:
            out.append(char)
            origin.append(i)
        i += 1
    return "".join(out), origin


def fold(text: str) -> str:
    """Lower-case, script- and apostrophe-independent form of a text (same result as ``fold_with_map``, faster)."""
    lowered = (text or "").lower()
    for pair, replacement in DIGRAPHS.items():
        lowered = lowered.replace(pair, replacement)
    return "".join(map(_fold_char, lowered))


def tokens(query: str) -> list[str]:
    """Folded search words of a query (letters and digits only)."""
    folded = fold(query)
    cleaned = "".join(c if c.isalnum() else " " for c in folded)
    return [t for t in cleaned.split() if t][:12]
