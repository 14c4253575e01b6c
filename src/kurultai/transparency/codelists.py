"""IATI codelists shipped with the app (data/codelists/*.xml): codes get their published names from here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

DATA_DIR = Path(__file__).resolve().parent / "data"
CODELIST_DIR = DATA_DIR / "codelists"
DEMO_FILE = DATA_DIR / "central-asia-kg-tj.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# IATI organisation types counted as civil society (international, national, regional, partner-country NGOs).
CSO_TYPES = frozenset({"21", "22", "23", "24"})
SUPPORTED_VERSIONS = frozenset({"2.01", "2.02", "2.03"})


@cache
def names(codelist: str) -> dict[str, dict[str, str]]:
    """Code → {language: name} for one codelist (English is the narrative without ``xml:lang``)."""
    path = CODELIST_DIR / f"{codelist}.xml"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    default = (root.get(XML_LANG) or "en").lower()
    result: dict[str, dict[str, str]] = {}
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        if not code:
            continue
        texts = {}
        for narrative in item.findall("name/narrative"):
            texts[(narrative.get(XML_LANG) or default).lower()] = (narrative.text or "").strip()
        result[code] = texts
    return result


def name(codelist: str, code: str | None, language: str = "en") -> str:
    """The published name of a code (English when the list has none in ``language``); the code when unknown."""
    if not code:
        return ""
    texts = names(codelist).get(str(code))
    if not texts:
        return str(code)
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), str(code))


def known(codelist: str, code: str | None) -> bool:
    return bool(code) and str(code) in names(codelist)


def sector_name(vocabulary: str, code: str, language: str = "en") -> str:
    """DAC 5-digit (vocabulary 1) and 3-digit (2) sectors and SDG goals/targets (7, 8) have lists here."""
    lists = {"1": "Sector", "2": "SectorCategory", "7": "UNSDG-Goals", "8": "UNSDG-Targets"}
    listname = lists.get(vocabulary or "1")
    return name(listname, code, language) if listname else ""
