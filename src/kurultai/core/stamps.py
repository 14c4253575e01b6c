"""Change stamps for syndicated records: a feed's ``updated`` and a calendar's ``SEQUENCE``/``LAST-MODIFIED``.

Forums and sessions carry no "last changed" field. Feeds and calendars pass, for each record, the raw values their
entry is built from; when those values differ from the ones seen last time, the record's stamp moves on (new time,
sequence + 1). Calendar apps then replace the event instead of adding a second one, and feed readers show the entry
as updated. Stamps are written with ``bulk_create``/``update`` so that reading a feed never invalidates cached pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import F
from django.utils import timezone

from kurultai.core.models import ContentStamp


@dataclass(frozen=True)
class Stamp:
    sequence: int
    changed_at: dt.datetime


def fingerprint(values: Any) -> str:
    """A short hash of JSON-able values (dates and other objects as text)."""
    data = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def stamps(values_by_key: Mapping[str, Any]) -> dict[str, Stamp]:
    """The current stamp of each key; new keys start at sequence 0, changed ones move on.

    Side effects: inserts stamps for keys seen for the first time and updates those whose values changed.
    """
    if not values_by_key:
        return {}
    wanted = {key: fingerprint(values) for key, values in values_by_key.items()}
    known = {s.key: s for s in ContentStamp.objects.filter(key__in=list(wanted))}
    now = timezone.now()
    new = [ContentStamp(key=k, fingerprint=fp, changed_at=now) for k, fp in wanted.items() if k not in known]
    if new:
        ContentStamp.objects.bulk_create(new, ignore_conflicts=True)
    changed = [k for k, s in known.items() if s.fingerprint != wanted[k]]
    for key in changed:
        # The fingerprint condition makes two concurrent readers count one change once.
        ContentStamp.objects.filter(key=key).exclude(fingerprint=wanted[key]).update(
            fingerprint=wanted[key], sequence=F("sequence") + 1, changed_at=now
        )
    if new or changed:
        known = {s.key: s for s in ContentStamp.objects.filter(key__in=list(wanted))}
    return {k: Stamp(s.sequence, s.changed_at) for k, s in known.items()}
