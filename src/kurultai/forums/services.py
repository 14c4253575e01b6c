"""State changes of the forums app: every write validates, runs in one transaction and is logged."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from kurultai.core import (
    audit,
    search,
)
from kurultai.core.multilingual import TranslatedText
from kurultai.forums.audit import ForumAction
from kurultai.forums.models import Conclusion, DiscussionPoint, Forum, Recommendation, Session
from kurultai.forums.outcome.document import OutcomeDocument

logger = logging.getLogger(__name__)

CREATE, UPDATE, DELETE, KEEP = "create", "update", "delete", "keep"


@dataclass
class Change:
    """One planned change to a record of the outcome document."""

    kind: str  # session, discussion_point, recommendation, conclusion
    action: str  # create, update, delete, keep
    session: int | None
    position: int
    old: str = ""
    new: str = ""

    @property
    def before_after(self) -> tuple[str, str]:
        """The old and the new text as HTML, removed words struck through and added words marked."""
        from kurultai.core.text import word_diff

        return word_diff(self.old, self.new)


@dataclass
class ImportPlan:
    """What importing a document into a forum would change, computed without writing."""

    forum: Forum
    document: OutcomeDocument
    language: str
    changes: list[Change] = field(default_factory=list)

    def count(self, action: str, kind: str | None = None) -> int:
        """How many changes of this action (and kind) the plan holds."""
        return sum(1 for c in self.changes if c.action == action and (kind is None or c.kind == kind))

    @property
    def has_changes(self) -> bool:
        return any(c.action != KEEP for c in self.changes)

    def summary(self) -> dict[str, int]:
        """Counts for messages and logs."""
        return {action: self.count(action) for action in (CREATE, UPDATE, DELETE, KEEP)}

    def rows(self) -> list[dict[str, Any]]:
        """One preview row per parsed session (and the conclusions), with its counts of changes."""
        rows = []
        for parsed in self.document.sessions:
            changes = [c for c in self.changes if c.session == parsed.number]
            rows.append(
                {
                    "session": parsed,
                    "changes": {a: sum(c.action == a for c in changes) for a in (CREATE, UPDATE, DELETE)},
                }
            )
        changes = [c for c in self.changes if c.kind == "conclusion"]
        rows.append(
            {
                "session": None,
                "conclusions": len(self.document.conclusions),
                "changes": {a: sum(c.action == a for c in changes) for a in (CREATE, UPDATE, DELETE)},
            }
        )
        return rows

    @property
    def visible_changes(self) -> list[Change]:
        """The changes an editor should review (everything but unchanged records)."""
        return [c for c in self.changes if c.action != KEEP]


def detect_language(text: str) -> str:
    """'ru' for mostly Cyrillic text, else 'en' — editors can override the guess."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "ru" if cyrillic / len(letters) > 0.5 else "en"


def _text_in(value: TranslatedText, lang: str) -> str:
    return value.get(lang, "") if isinstance(value, dict) else ""


def _diff_items(
    plan: ImportPlan, kind: str, session_number: int | None, existing: list[Any], new_items: list[str]
) -> None:
    """Match items by position: same text is kept, other text updated, extra records removed."""
    by_position = {item.position: item for item in existing}
    for position, text in enumerate(new_items, start=1):
        record = by_position.pop(position, None)
        if record is None:
            plan.changes.append(Change(kind, CREATE, session_number, position, new=text))
        else:
            old = _text_in(record.text, plan.language)
            action = KEEP if old == text else UPDATE
            plan.changes.append(Change(kind, action, session_number, position, old=old, new=text))
    for position, record in sorted(by_position.items()):
        plan.changes.append(Change(kind, DELETE, session_number, position, old=str(record.text)))


def plan_outcome_import(forum: Forum, document: OutcomeDocument, language: str) -> ImportPlan:
    """Compare a parsed document with what the forum holds; writes nothing."""
    plan = ImportPlan(forum=forum, document=document, language=language)
    sessions = {s.number: s for s in forum.sessions.prefetch_related("discussion_points", "recommendations")}
    for parsed in document.sessions:
        session = sessions.get(parsed.number)
        if session is None:
            plan.changes.append(Change("session", CREATE, parsed.number, parsed.number, new=parsed.title))
            points, recs = [], []
        else:
            same = (
                _text_in(session.title, language) == parsed.title
                and _text_in(session.purpose, language) == parsed.purpose
            )
            old = _text_in(session.title, language)
            plan.changes.append(
                Change("session", KEEP if same else UPDATE, parsed.number, parsed.number, old=old, new=parsed.title)
            )
            points = list(session.discussion_points.all())
            recs = [r for r in session.recommendations.all()]
        _diff_items(plan, "discussion_point", parsed.number, points, parsed.discussion_points)
        _diff_items(plan, "recommendation", parsed.number, recs, parsed.recommendations)
    _diff_items(plan, "conclusion", None, list(forum.conclusions.all()), document.conclusions)
    return plan


def _set_text(record: Any, field_name: str, language: str, text: str) -> None:
    """Write one language of a translated field, keeping the other languages."""
    values = dict(getattr(record, field_name))
    if text:
        values[language] = text
    else:
        values.pop(language, None)
    machine = [code for code in values.get("_machine", []) if code != language]
    if machine:
        values["_machine"] = machine
    else:
        values.pop("_machine", None)
    setattr(record, field_name, values)


def _apply_items(model: type, parent: dict[str, Any], records: list[Any], items: list[str], language: str) -> None:
    by_position = {r.position: r for r in records}
    for position, text in enumerate(items, start=1):
        record = by_position.pop(position, None)
        if record is None:
            model.objects.create(**parent, position=position, text={language: text}, original_language=language)
        elif _text_in(record.text, language) != text:
            _set_text(record, "text", language, text)
            record.save(update_fields=["text"])
    for record in by_position.values():
        record.delete()


@search.deferred()
@transaction.atomic
def import_outcome(forum: Forum, document: OutcomeDocument, language: str, user: Any = None) -> ImportPlan:
    """Make the forum's outcome match the document in ``language``: all of it or, on any error, none of it.

    Sessions are matched by number and items by position, so importing the same document twice
    changes nothing the second time. Sessions missing from the document are kept.
    Side effects: an audit entry with the counts of created, changed and removed records.
    """
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    plan = plan_outcome_import(forum, document, language)
    existing = {s.number: s for s in forum.sessions.prefetch_related("discussion_points", "recommendations")}
    for parsed in document.sessions:
        session = existing.get(parsed.number)
        if session is None:
            session = Session.objects.create(
                forum=forum,
                number=parsed.number,
                title={language: parsed.title},
                purpose={language: parsed.purpose} if parsed.purpose else {},
                original_language=language,
            )
            points, recs = [], []
        else:
            _set_text(session, "title", language, parsed.title)
            _set_text(session, "purpose", language, parsed.purpose)
            session.save(update_fields=["title", "purpose"])
            points = list(session.discussion_points.all())
            recs = list(session.recommendations.all())
        _apply_items(DiscussionPoint, {"session": session}, points, parsed.discussion_points, language)
        _apply_items(Recommendation, {"session": session, "forum": forum}, recs, parsed.recommendations, language)
    _apply_items(Conclusion, {"forum": forum}, list(forum.conclusions.all()), document.conclusions, language)
    logger.info(
        "Outcome document imported into forum %s by %s (%s): %s",
        forum.slug,
        getattr(user, "pk", None) or "command line",
        language,
        plan.summary(),
    )
    audit.record(user, ForumAction.OUTCOME_IMPORTED, forum, {"language": language, **plan.summary()})
    return plan
