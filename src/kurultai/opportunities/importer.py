"""Donor feeds (RSS or Atom) read into the editors' queue: every entry becomes a draft, never a public item."""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import feedparser
import httpx
import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core import search
from kurultai.core.audit import record
from kurultai.opportunities.audit import OpportunityAction
from kurultai.opportunities.models import DonorFeed, Opportunity
from kurultai.opportunities.services import local_to_aware, valid_zone

logger = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
MAX_ENTRIES = 500
TIMEOUT = 20.0
# "Deadline: 2026-03-15 17:00" or "deadline 15.03.2026" in an entry's text, read on the donor's clock.
DEADLINE = re.compile(
    r"deadline\D{0,30}?(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})[./](\d{4}))(?:[ T,]+(\d{1,2}):(\d{2}))?",
    re.IGNORECASE,
)


class FeedError(ValueError):
    """A feed that cannot be read; the message says why, in the reader's language."""


@dataclass
class ImportResult:
    created: list[Opportunity] = field(default_factory=list)
    skipped: int = 0


@transaction.atomic
def add_feed(
    actor: Any, *, name: str, url: str, donor: Any = None, kind: str = "call", time_zone: str = ""
) -> DonorFeed:
    """An editor registers a funding source's feed. Side effects: an audit entry."""
    if not actor.has_perm("opportunities.review_opportunity"):
        raise PermissionDenied
    URLValidator(schemes=["http", "https"])(url)
    zone = time_zone or "Europe/Brussels"
    if not valid_zone(zone):
        raise ValidationError({"time_zone": _("Unknown time zone; use a name such as Europe/Brussels.")})
    if DonorFeed.objects.filter(url=url).exists():
        raise ValidationError({"url": _("This feed is registered already.")})
    feed = DonorFeed.objects.create(name=name, url=url, donor=donor, kind=kind, time_zone=zone, added_by=actor)
    record(actor, OpportunityAction.FEED_ADDED, feed)
    return feed


def fetch(url: str) -> bytes:
    """The feed's bytes, refusing anything larger than ``MAX_BYTES`` without reading it all."""
    try:
        with httpx.stream("GET", url, timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": "Kurultai"}) as r:
            if r.status_code != 200:
                raise FeedError(_("The feed answered with HTTP status %(status)s.") % {"status": r.status_code})
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise FeedError(_("The feed is larger than %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FeedError(_("The feed is larger than %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise FeedError(_("The feed could not be reached: %(error)s") % {"error": type(exc).__name__}) from exc
    return b"".join(chunks)


def parse(content: bytes) -> Any:
    """feedparser's reading, or a FeedError when the document is not an RSS or Atom feed."""
    parsed = feedparser.parse(content)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        raise FeedError(_("This address does not return an RSS or Atom feed."))
    return parsed


def _text(value: str) -> str:
    """Entry HTML as plain text: tags removed, entities decoded, whitespace tidied."""
    cleaned = nh3.clean(value or "", tags=set())
    return "\n".join(" ".join(line.split()) for line in html.unescape(cleaned).splitlines()).strip()


def find_deadline(text: str, zone: str) -> dt.datetime | None:
    match = DEADLINE.search(text or "")
    if not match:
        return None
    y, m, d, d2, m2, y2, hh, mm = match.groups()
    try:
        day = dt.date(int(y), int(m), int(d)) if y else dt.date(int(y2), int(m2), int(d2))
        time = dt.time(int(hh), int(mm)) if hh else None
    except ValueError:
        return None
    return local_to_aware(day, time, zone)


def _entry_values(feed: DonorFeed, entry: Any, language: str) -> dict[str, Any] | None:
    title = _text(entry.get("title", ""))[:300]
    source_id = (entry.get("id") or entry.get("link") or "")[:300]
    if not title or not source_id:
        return None
    summary = _text(entry.get("summary", "") or "")[:5000]
    link = entry.get("link", "") or ""
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        link = ""
    return {
        "title": {language: title},
        "summary": {language: summary} if summary else {},
        "original_language": language,
        "url": link[:500],
        "source_id": source_id,
        "deadline": find_deadline(f"{title}\n{summary}", feed.time_zone),
        "time_zone": feed.time_zone,
        "kind": feed.kind,
        "donor": feed.donor,
        "feed": feed,
        "status": Opportunity.Status.PROPOSED,
    }


def read_feed(feed: DonorFeed, actor: Any = None) -> ImportResult:
    """Read one feed into drafts; entries already imported (same source id) are skipped.

    All drafts of one reading are written together or not at all. Side effects: HTTP request to the feed, draft
    opportunities, an audit entry, the feed's ``last_read_at``/``last_error``.
    """
    try:
        parsed = parse(fetch(feed.url))
        if len(parsed.entries) > MAX_ENTRIES:
            raise FeedError(_("The feed has more than %(n)s entries.") % {"n": MAX_ENTRIES})
    except FeedError as exc:
        DonorFeed.objects.filter(pk=feed.pk).update(last_error=str(exc)[:500], last_read_at=timezone.now())
        raise
    language = (parsed.feed.get("language") or "en")[:2].lower()
    result = ImportResult()
    with search.deferred(), transaction.atomic():
        known = set(Opportunity.objects.filter(feed=feed).values_list("source_id", flat=True))
        known |= set(
            Opportunity.objects.filter(source_id__in=[e.get("id") or e.get("link") or "" for e in parsed.entries])
            .exclude(source_id="")
            .values_list("source_id", flat=True)
        )
        for entry in parsed.entries:
            values = _entry_values(feed, entry, language)
            if values is None or values["source_id"] in known:
                result.skipped += 1
                continue
            known.add(values["source_id"])
            result.created.append(Opportunity.objects.create(**values))
        DonorFeed.objects.filter(pk=feed.pk).update(last_error="", last_read_at=timezone.now())
        record(
            actor,
            OpportunityAction.FEED_IMPORTED,
            feed,
            {"created": [o.pk for o in result.created], "skipped": result.skipped},
        )
    logger.info("Feed %s: %d drafts, %d skipped", feed.pk, len(result.created), result.skipped)
    return result


def read_all_feeds() -> dict[str, int]:
    """The scheduled reading of every active feed; one broken feed does not stop the others."""
    counts = {"created": 0, "failed": 0}
    for feed in DonorFeed.objects.filter(is_active=True):
        try:
            counts["created"] += len(read_feed(feed).created)
        except FeedError as exc:
            counts["failed"] += 1
            logger.warning("Feed %s could not be read: %s", feed.pk, exc)
    return counts
