"""Read IATI activity XML (2.01–2.03) into plain values, one activity at a time (lxml ``iterparse``).

The file is never held in memory whole: each ``iati-activity`` is turned into an :class:`ParsedActivity` and
its element freed. Problems confined to one activity raise :class:`SkipActivity` (the importer skips it with
the reason); problems with the whole file raise :class:`FileRefused`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.utils.dateparse import parse_datetime
from lxml import etree

from kurultai.transparency import codelists

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DPORTAL_VERSION = "{http://d-portal.org/xmlns/iati-activities}version"
MAX_VALUE = Decimal("1e18")


class FileRefused(Exception):
    """The whole file cannot be imported; the message says why."""


class SkipActivity(Exception):
    """One activity cannot be imported; the message says why."""


@dataclass
class ParsedActivity:
    identifier: str
    version: str
    last_updated: dt.datetime | None
    default_currency: str
    default_language: str
    hierarchy: int
    reporting_org: dict[str, Any]
    title: dict[str, str]
    descriptions: list[dict[str, Any]]
    status: str
    dates: dict[str, dt.date | None]
    organisations: list[dict[str, Any]]
    areas: list[dict[str, Any]]
    sectors: list[dict[str, Any]]
    tags: list[dict[str, Any]]
    policy_markers: list[dict[str, Any]]
    budgets: list[dict[str, Any]]
    planned_disbursements: list[dict[str, Any]]
    transactions: list[dict[str, Any]]
    results: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    related: list[dict[str, Any]]
    contact: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Changes whenever anything the platform keeps changes (D-Portal's own attributes are not kept)."""
        data = asdict(self)
        data.pop("warnings", None)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()

    @property
    def sdg_goals(self) -> set[int]:
        goals: set[int] = set()
        for tag in self.tags:
            if tag["vocabulary"] in ("2", "3"):
                goals.add(_goal(tag["code"]))
        for sector in self.sectors:
            if sector["vocabulary"] in ("7", "8"):
                goals.add(_goal(sector["code"]))
        return {g for g in goals if 1 <= g <= 17}

    @property
    def cso_implemented(self) -> bool:
        return any(o["role"] == "4" and o["type"] in codelists.CSO_TYPES for o in self.organisations)


def _goal(code: str) -> int:
    head = (code or "").split(".", 1)[0].strip()
    return int(head) if head.isdigit() else 0


def activities(stream: IO[bytes]) -> Iterator[ParsedActivity | SkipActivity]:
    """Each activity of an ``iati-activities`` file, parsed, or the reason it is skipped.

    Raises :class:`FileRefused` for a file that is not XML, not IATI, of an unsupported version or truncated.
    """
    context = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
    )
    root = None
    version = ""
    depth = 0
    try:
        for event, elem in context:
            if event == "start":
                depth += 1
                if root is None:
                    root = elem
                    version = _check_root(elem)
                continue
            depth -= 1
            if depth != 1 or elem.tag != "iati-activity":
                continue
            try:
                yield parse_activity(elem, version)
            except SkipActivity as skip:
                yield skip
            finally:
                elem.clear()
                while elem.getprevious() is not None:
                    del root[0]
    except etree.XMLSyntaxError as exc:
        if root is None:
            raise FileRefused(f"The file is not XML: {exc.msg}") from exc
        raise FileRefused(f"The file is not well-formed XML (truncated or damaged?): {exc.msg}") from exc
    if root is None:
        raise FileRefused("The file is empty.")


def _check_root(elem: etree._Element) -> str:
    if not isinstance(elem.tag, str) or elem.tag != "iati-activities":
        tag = elem.tag if isinstance(elem.tag, str) else "?"
        raise FileRefused(f"The file is not an IATI activity file (its root element is <{tag}>).")
    version = (elem.get("version") or "").strip()
    if not version:
        raise FileRefused("The file does not say which IATI version it follows.")
    if version not in codelists.SUPPORTED_VERSIONS:
        supported = ", ".join(sorted(codelists.SUPPORTED_VERSIONS))
        raise FileRefused(f"IATI version {version} is not supported (supported: {supported}).")
    return version


# --- One activity ----------------------------------------------------------------------------------------------


def _lang(value: str | None, default: str) -> str:
    return (value or default or "en").strip().lower().split("-")[0][:8] or "en"


def narratives(elem: etree._Element | None, default_lang: str) -> dict[str, str]:
    """``{language: text}`` from an element's ``narrative`` children (all languages given)."""
    if elem is None:
        return {}
    texts: dict[str, str] = {}
    for narrative in elem.findall("narrative"):
        raw = html.unescape(narrative.text or "")  # some publishers escape entities twice ("&amp;#8211;")
        text = "\n".join(" ".join(line.split()) for line in raw.splitlines() if line.strip())
        if text:
            lang = _lang(narrative.get(XML_LANG), default_lang)
            texts[lang] = f"{texts[lang]}\n\n{text}" if lang in texts else text
    return texts


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = parse_datetime(value.strip())
    except ValueError:
        return None
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def _percentage(value: str | None) -> Decimal | None:
    try:
        number = Decimal((value or "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() and 0 <= number <= 100 else None


def _money(elem: etree._Element | None, default_currency: str, what: str) -> tuple[Decimal, str, dt.date | None]:
    """Value, currency and value date of a ``value`` element; SkipActivity when any is unusable."""
    if elem is None:
        raise SkipActivity(f"{what} has no value.")
    raw = (elem.text or "").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise SkipActivity(f"{what} has a value that is not a number: {raw[:40]!r}.") from None
    if not value.is_finite() or abs(value) >= MAX_VALUE:
        raise SkipActivity(f"{what} has a value that is not a usable number: {raw[:40]!r}.")
    currency = (elem.get("currency") or default_currency or "").strip().upper()
    if not currency:
        raise SkipActivity(f"{what} has no currency and the activity no default currency.")
    if not codelists.known("Currency", currency):
        raise SkipActivity(f"{what} has an unknown currency: {currency[:10]!r}.")
    return value.quantize(Decimal("1e-10")), currency, _date(elem.get("value-date"))


def _measure(elem: etree._Element | None, lang: str) -> str:
    """A target or actual: its value, else its comment (many publishers describe results in words)."""
    if elem is None:
        return ""
    value = (elem.get("value") or "").strip()
    comment = narratives(elem.find("comment"), lang)
    text = comment.get("en") or next(iter(comment.values()), "")
    return (f"{value} — {text}" if value and text else value or text)[:5000]


def _attr(elem: etree._Element | None, name: str, default: str = "") -> str:
    if elem is None:
        return default
    return (elem.get(name) or default).strip()


def parse_activity(elem: etree._Element, file_version: str) -> ParsedActivity:
    """One ``iati-activity`` element as plain values."""
    identifier = " ".join((elem.findtext("iati-identifier") or "").split())
    if not identifier:
        raise SkipActivity("The activity has no identifier.")
    if len(identifier) > 250:
        raise SkipActivity("The activity identifier is longer than 250 characters.")
    try:
        return _parse(elem, identifier, file_version)
    except SkipActivity as skip:
        skip.identifier = identifier  # type: ignore[attr-defined]
        raise


def _parse(elem: etree._Element, identifier: str, file_version: str) -> ParsedActivity:
    version = (elem.get(DPORTAL_VERSION) or file_version).strip()
    if version not in codelists.SUPPORTED_VERSIONS:
        raise SkipActivity(f"IATI version {version[:10]} is not supported.")
    lang = _lang(elem.get(XML_LANG), "en")
    currency = (elem.get("default-currency") or "").strip().upper()
    if currency and not codelists.known("Currency", currency):
        raise SkipActivity(f"The activity's default currency is unknown: {currency[:10]!r}.")
    warnings: list[str] = []

    reporting = elem.find("reporting-org")
    dates: dict[str, dt.date | None] = {"1": None, "2": None, "3": None, "4": None}
    for date in elem.findall("activity-date"):
        kind = _attr(date, "type")
        if kind in dates and dates[kind] is None:
            dates[kind] = _date(date.get("iso-date"))

    organisations = []
    for position, org in enumerate(elem.findall("participating-org")):
        role = _attr(org, "role")
        if role not in ("1", "2", "3", "4"):
            warnings.append(f"participating organisation with unknown role {role[:10]!r} ignored")
            continue
        if not _attr(org, "ref") and not narratives(org, lang):
            warnings.append("participating organisation without a name or identifier ignored")
            continue
        organisations.append(
            {
                "ref": _attr(org, "ref")[:250],
                "name": narratives(org, lang),
                "role": role,
                "type": _attr(org, "type")[:10],
                "position": position,
            }
        )

    areas = []
    for country in elem.findall("recipient-country"):
        code = _attr(country, "code").upper()
        if not code:
            raise SkipActivity("A recipient country has no code.")
        areas.append(
            {
                "kind": "country",
                "code": code[:20],
                "vocabulary": "",
                "name": narratives(country, lang),
                "percentage": _percentage(country.get("percentage")),
            }
        )
    for region in elem.findall("recipient-region"):
        code = _attr(region, "code")
        if not code:
            raise SkipActivity("A recipient region has no code.")
        areas.append(
            {
                "kind": "region",
                "code": code[:20],
                "vocabulary": _attr(region, "vocabulary", "1")[:10],
                "name": narratives(region, lang),
                "percentage": _percentage(region.get("percentage")),
            }
        )

    sectors = []
    for sector in elem.findall("sector"):
        code = _attr(sector, "code")
        if not code:
            warnings.append("sector without a code ignored")
            continue
        sectors.append(
            {
                "vocabulary": _attr(sector, "vocabulary", "1")[:10],
                "code": code[:50],
                "name": narratives(sector, lang),
                "percentage": _percentage(sector.get("percentage")),
            }
        )

    tags = [
        {"vocabulary": _attr(t, "vocabulary", "1")[:10], "code": _attr(t, "code")[:100], "name": narratives(t, lang)}
        for t in elem.findall("tag")
        if _attr(t, "code")
    ]
    markers = [
        {
            "vocabulary": _attr(m, "vocabulary", "1"),
            "code": _attr(m, "code"),
            "significance": _attr(m, "significance"),
            "name": narratives(m, lang),
        }
        for m in elem.findall("policy-marker")
        if _attr(m, "code")
    ]

    budgets = []
    for number, budget in enumerate(elem.findall("budget"), start=1):
        value, cur, _value_date = _money(budget.find("value"), currency, f"Budget {number}")
        budgets.append(
            {
                "type": _attr(budget, "type", "1")[:4],
                "status": _attr(budget, "status", "1")[:4],
                "period_start": _date(_attr(budget.find("period-start"), "iso-date")),
                "period_end": _date(_attr(budget.find("period-end"), "iso-date")),
                "value": value,
                "currency": cur,
            }
        )
    planned = []
    for number, item in enumerate(elem.findall("planned-disbursement"), start=1):
        value, cur, _value_date = _money(item.find("value"), currency, f"Planned disbursement {number}")
        planned.append(
            {
                "type": _attr(item, "type")[:4],
                "period_start": _date(_attr(item.find("period-start"), "iso-date")),
                "period_end": _date(_attr(item.find("period-end"), "iso-date")),
                "value": value,
                "currency": cur,
            }
        )

    transactions = []
    for number, item in enumerate(elem.findall("transaction"), start=1):
        what = f"Transaction {number}"
        kind = _attr(item.find("transaction-type"), "code")
        if not codelists.known("TransactionType", kind):
            raise SkipActivity(f"{what} has an unknown type: {kind[:10]!r}.")
        value, cur, value_date = _money(item.find("value"), currency, what)
        provider, receiver = item.find("provider-org"), item.find("receiver-org")
        transactions.append(
            {
                "ref": _attr(item, "ref")[:250],
                "type": kind,
                "date": _date(_attr(item.find("transaction-date"), "iso-date")) or value_date,
                "value": value,
                "currency": cur,
                "value_date": value_date,
                "description": narratives(item.find("description"), lang),
                "provider_ref": _attr(provider, "ref")[:250],
                "provider_name": narratives(provider, lang),
                "receiver_ref": _attr(receiver, "ref")[:250],
                "receiver_name": narratives(receiver, lang),
            }
        )

    results = []
    for position, result in enumerate(elem.findall("result")):
        indicators = []
        for ipos, indicator in enumerate(result.findall("indicator")):
            baseline = indicator.find("baseline")
            periods = []
            for period in indicator.findall("period"):
                periods.append(
                    {
                        "period_start": _date(_attr(period.find("period-start"), "iso-date")),
                        "period_end": _date(_attr(period.find("period-end"), "iso-date")),
                        "target": _measure(period.find("target"), lang),
                        "actual": _measure(period.find("actual"), lang),
                    }
                )
            indicators.append(
                {
                    "measure": _attr(indicator, "measure")[:4],
                    "ascending": _attr(indicator, "ascending", "1") not in ("0", "false"),
                    "title": narratives(indicator.find("title"), lang),
                    "baseline_year": _attr(baseline, "year")[:10] or _attr(baseline, "iso-date")[:10],
                    "baseline_value": _attr(baseline, "value")[:100],
                    "position": ipos,
                    "periods": periods,
                }
            )
        results.append(
            {
                "type": _attr(result, "type")[:4],
                "title": narratives(result.find("title"), lang),
                "description": narratives(result.find("description"), lang),
                "position": position,
                "indicators": indicators,
            }
        )

    documents = []
    for doc in elem.findall("document-link"):
        url = _attr(doc, "url")
        if not url.lower().startswith(("http://", "https://")) or len(url) > 1000:
            warnings.append("document link without a usable web address ignored")
            continue
        documents.append(
            {
                "url": url,
                "format": _attr(doc, "format")[:150],
                "title": narratives(doc.find("title"), lang),
                "categories": [_attr(c, "code") for c in doc.findall("category") if _attr(c, "code")],
                "language": _attr(doc.find("language"), "code")[:10],
                "date": _date(_attr(doc.find("document-date"), "iso-date")),
            }
        )

    related = [
        {"ref": _attr(r, "ref")[:250], "type": _attr(r, "type")[:4]}
        for r in elem.findall("related-activity")
        if _attr(r, "ref")
    ]

    contact: dict[str, Any] = {}
    info = elem.find("contact-info")
    if info is not None:
        # Organisation-level contact only: names of individual staff are not kept.
        contact = {
            "organisation": narratives(info.find("organisation"), lang),
            "department": narratives(info.find("department"), lang),
            "email": (info.findtext("email") or "").strip()[:200],
            "telephone": (info.findtext("telephone") or "").strip()[:50],
            "website": (info.findtext("website") or "").strip()[:500],
        }
        contact = {k: v for k, v in contact.items() if v}

    hierarchy = _attr(elem, "hierarchy", "1")
    return ParsedActivity(
        identifier=identifier,
        version=version,
        last_updated=_datetime(elem.get("last-updated-datetime")),
        default_currency=currency,
        default_language=lang,
        hierarchy=int(hierarchy) if hierarchy.isdigit() and int(hierarchy) < 100 else 1,
        reporting_org={
            "ref": _attr(reporting, "ref")[:250],
            "type": _attr(reporting, "type")[:10],
            "name": narratives(reporting, lang),
        },
        title=narratives(elem.find("title"), lang),
        descriptions=[
            {"type": _attr(d, "type", "1"), "text": narratives(d, lang)}
            for d in elem.findall("description")
            if narratives(d, lang)
        ],
        status=_attr(elem.find("activity-status"), "code")[:4],
        dates=dates,
        organisations=organisations,
        areas=areas,
        sectors=sectors,
        tags=tags,
        policy_markers=markers,
        budgets=budgets,
        planned_disbursements=planned,
        transactions=transactions,
        results=results,
        documents=documents,
        related=related,
        contact=contact,
        warnings=warnings,
    )
