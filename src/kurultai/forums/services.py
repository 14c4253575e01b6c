"""State changes of the forums app: every write validates, runs in one transaction and is logged."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kurultai.core import (
    audit,
    search,
)
from kurultai.core.multilingual import TranslatedText
from kurultai.forums.audit import ForumAction
from kurultai.forums.models import (
    Appearance,
    Conclusion,
    DiscussionPoint,
    Forum,
    ForumSeries,
    Recommendation,
    Session,
    Speaker,
    valid_time_zone,
)
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


# --- Organisers' workspace ------------------------------------------------------------------------------------

FORUM_FIELDS = (
    "series",
    "slug",
    "number",
    "title",
    "theme",
    "city",
    "country",
    "start_date",
    "end_date",
    "date_precision",
    "format",
    "time_zone",
    "concept",
    "organisers",
    "participants_count",
)
SERIES_FIELDS = ("slug", "title", "short_title", "description", "position")
SESSION_FIELDS = ("number", "title", "purpose", "starts_at", "ends_at", "room", "format", "track", "online_url")
SPEAKER_FIELDS = ("name", "position", "organisation", "organisation_name", "bio", "photo_alt")
PHOTO_SIZE = 480


def _assign(instance: Any, values: dict[str, Any], allowed: tuple[str, ...]) -> list[str]:
    """Set the allowed plain fields; returns the names of those that changed."""
    changed = []
    for name in allowed:
        if name not in values:
            continue
        try:
            current = getattr(instance, name)
        except ObjectDoesNotExist:  # a relation not set yet
            current = None
        if current != values[name]:
            setattr(instance, name, values[name])
            changed.append(name)
    return changed


def _set_m2m(manager: Any, items: Any) -> bool:
    if items is None:
        return False
    new = {obj.pk for obj in items}
    if new == set(manager.values_list("pk", flat=True)):
        return False
    manager.set(list(items))
    return True


def _save_checked(instance: Any, unique_error: dict[str, str]) -> None:
    """Validate the record and save it; a duplicate (even from a race) is a field error, never a crash."""
    try:
        instance.full_clean()
    except ValidationError as exc:
        if any(e.code in ("unique", "unique_together") for errors in exc.error_dict.values() for e in errors):
            raise ValidationError(unique_error) from exc
        raise
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise ValidationError(unique_error) from exc


def _check_forum_values(values: dict[str, Any]) -> None:
    zone = values.get("time_zone") or ""
    if zone and not valid_time_zone(zone):
        raise ValidationError({"time_zone": _("Unknown time zone; use a name such as Asia/Bishkek.")})
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        raise ValidationError({"end_date": _("The forum cannot end before it starts.")})


@transaction.atomic
def save_series(actor: Any, series: ForumSeries | None = None, **values: Any) -> ForumSeries:
    """Create a forum series or change one. Side effects: an audit entry."""
    created = series is None
    language = values.pop("language", None) or "en"
    series = ForumSeries(original_language=language) if created else ForumSeries.objects.get(pk=series.pk)
    changed = _assign(series, values, SERIES_FIELDS)
    _save_checked(series, {"slug": _("Another series already has this address.")})
    action = ForumAction.SERIES_CREATED if created else ForumAction.SERIES_UPDATED
    audit.record(actor, action, series, {"fields": sorted(changed)})
    return series


def _programme_changed(actor: Any, forum: Forum, session: Session | None = None) -> None:
    """Followers of a published forum hear that its programme changed; drafts tell no one."""
    if not forum.is_published:
        return
    from kurultai.forums.notifications import PROGRAMME_CHANGED, topics_of
    from kurultai.notifications.services import emit

    params = {"session": str(session.title)} if session is not None else {}
    emit(PROGRAMME_CHANGED, forum, actor=actor, topics={"forum": topics_of(forum)["forum"]}, params=params)


@search.deferred()
@transaction.atomic
def create_forum(actor: Any, *, themes: Any = None, language: str = "en", **values: Any) -> Forum:
    """A new edition, always a draft until it is published. Side effects: an audit entry."""
    _check_forum_values(values)
    forum = Forum(is_published=False, original_language=language)
    _assign(forum, values, FORUM_FIELDS)
    _save_checked(forum, {"slug": _("Another forum already has this address or number in the series.")})
    _set_m2m(forum.themes, themes)
    audit.record(actor, ForumAction.FORUM_CREATED, forum, {"series": forum.series_id, "number": forum.number})
    return forum


@search.deferred()
@transaction.atomic
def update_forum(actor: Any, forum: Forum, *, themes: Any = None, **values: Any) -> Forum:
    """Change an edition's facts. Side effects: an audit entry (changed field names)."""
    values.pop("language", None)
    _check_forum_values(values)
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    changed = _assign(forum, values, FORUM_FIELDS)
    _save_checked(forum, {"slug": _("Another forum already has this address or number in the series.")})
    if _set_m2m(forum.themes, themes):
        changed.append("themes")
    audit.record(actor, ForumAction.FORUM_UPDATED, forum, {"fields": sorted(changed)})
    return forum


@search.deferred()
@transaction.atomic
def set_published(actor: Any, forum: Forum, published: bool) -> Forum:
    """Publish a draft (followers of its country and themes are told) or take a forum back to draft.

    Publishing twice changes nothing and tells no one twice. Side effects: an audit entry; on publishing, the
    ``forums.published`` event after commit.
    """
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    if forum.is_published == published:
        return forum
    forum.is_published = published
    forum.save(update_fields=["is_published"])
    if published:
        from kurultai.forums.notifications import PUBLISHED, topics_of
        from kurultai.notifications.services import emit

        audit.record(actor, ForumAction.FORUM_PUBLISHED, forum)
        emit(PUBLISHED, forum, actor=actor, topics=topics_of(forum))
    else:
        audit.record(actor, ForumAction.FORUM_UNPUBLISHED, forum)
    return forum


def _check_session_times(forum: Forum, values: dict[str, Any]) -> None:
    start, end = values.get("starts_at"), values.get("ends_at")
    if end is not None and start is None:
        raise ValidationError({"starts_at": _("Give the start time as well as the end time.")})
    if start is not None and end is not None and end <= start:
        raise ValidationError({"ends_at": _("The session must end after it starts.")})
    if start is not None and forum.date_precision == Forum.DatePrecision.DAY:
        import zoneinfo

        zone = zoneinfo.ZoneInfo(forum.zone)
        for name, moment in (("starts_at", start), ("ends_at", end)):
            if moment is None:
                continue
            day = moment.astimezone(zone).date()
            if end is not None and name == "ends_at" and moment.astimezone(zone).time() == dt.time(0, 0):
                day -= dt.timedelta(days=1)
            if not forum.start_date <= day <= forum.last_day:
                raise ValidationError(
                    {
                        name: _("The session must take place within the forum's dates (%(dates)s).")
                        % {"dates": _dates(forum)}
                    }
                )


def _dates(forum: Forum) -> str:
    from kurultai.core.templatetags.kurultai import date_range

    return str(date_range(forum.start_date, forum.end_date))


@search.deferred()
@transaction.atomic
def save_session(
    actor: Any, forum: Forum, session: Session | None = None, *, themes: Any = None, language: str = "en", **values: Any
) -> Session:
    """Create or change a session of the programme, checking its time lies within the forum's days.

    Side effects: an audit entry; for a published forum, the ``forums.programme_changed`` event after commit.
    """
    _check_session_times(forum, values)
    created = session is None
    if created:
        session = Session(forum=forum, original_language=language)
    else:
        session = Session.objects.select_for_update().get(pk=session.pk, forum=forum)
    changed = _assign(session, values, SESSION_FIELDS)
    _save_checked(session, {"number": _("Another session of this forum has this number.")})
    if _set_m2m(session.themes, themes):
        changed.append("themes")
    action = ForumAction.SESSION_CREATED if created else ForumAction.SESSION_UPDATED
    audit.record(actor, action, session, {"forum": forum.pk, "fields": sorted(changed)})
    if changed or created:
        _programme_changed(actor, forum, session)
    return session


@search.deferred()
@transaction.atomic
def delete_session(actor: Any, session: Session) -> None:
    """Remove a session that has no outcome (discussion points or recommendations) yet.

    Side effects: an audit entry; for a published forum, the ``forums.programme_changed`` event after commit.
    """
    if session.discussion_points.exists() or session.recommendations.exists():
        raise ValidationError(_("This session has discussion points or recommendations; it cannot be deleted."))
    forum = session.forum
    audit.record(actor, ForumAction.SESSION_DELETED, session, {"forum": forum.pk, "number": session.number})
    session.delete()
    _programme_changed(actor, forum)


def check_photo(upload: Any) -> tuple[bytes, str]:
    """The photo as a JPEG or PNG of at most PHOTO_SIZE pixels a side, re-encoded so nothing but pixels remain.

    Raises ``ValidationError`` for anything that is not a readable image.
    """
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = 40_000_000
    if upload.size > 10 * 1024 * 1024:
        raise ValidationError({"photo": _("The photo is larger than 10 MB.")})
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in ("JPEG", "PNG", "WEBP", "GIF"):
                raise ValidationError({"photo": _("The photo must be a JPEG, PNG or WebP image.")})
            image.load()
            image.thumbnail((PHOTO_SIZE, PHOTO_SIZE))
            has_alpha = image.mode in ("RGBA", "LA", "P")
            image = image.convert("RGBA" if has_alpha else "RGB")
            out = io.BytesIO()
            if has_alpha:
                image.save(out, "PNG", optimize=True)
                return out.getvalue(), "image/png"
            image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
            return out.getvalue(), "image/jpeg"
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError({"photo": _("This file is not an image we can read.")}) from exc


@search.deferred()
@transaction.atomic
def save_speaker(
    actor: Any,
    speaker: Speaker | None = None,
    *,
    photo: Any = None,
    remove_photo: bool = False,
    language: str = "en",
    **values: Any,
) -> Speaker:
    """Create or change a speaker; a new photo is resized and stored under a generated name.

    Side effects: an audit entry; the old photo file is removed after commit when replaced or removed.
    """
    created = speaker is None
    speaker = Speaker(original_language=language) if created else Speaker.objects.select_for_update().get(pk=speaker.pk)
    changed = _assign(speaker, values, SPEAKER_FIELDS)
    old_file = speaker.photo.name if speaker.photo else ""
    if photo is not None:
        data, content_type = check_photo(photo)
        speaker.content_type = content_type
        speaker.photo.save("photo", ContentFile(data), save=False)
        changed.append("photo")
    elif remove_photo and old_file:
        speaker.photo = ""
        speaker.content_type = ""
        changed.append("photo")
    _save_checked(speaker, {"name": _("This speaker could not be saved.")})
    if old_file and "photo" in changed:
        transaction.on_commit(lambda: default_storage.delete(old_file))
    action = ForumAction.SPEAKER_CREATED if created else ForumAction.SPEAKER_UPDATED
    audit.record(actor, action, speaker, {"fields": sorted(changed)})
    return speaker


@transaction.atomic
def add_role(actor: Any, session: Session, speaker: Speaker, role: str, position: int | None = None) -> Appearance:
    """Give a speaker a role (moderator, speaker, rapporteur …) in a session; a second role is a clear error.

    Side effects: an audit entry; for a published forum, the ``forums.programme_changed`` event after commit.
    """
    if role not in Appearance.Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    if Appearance.objects.filter(session=session, speaker=speaker).exists():
        raise ValidationError({"speaker": _("This speaker already has a role in this session.")})
    if position is None:
        position = (session.appearances.aggregate(m=Max("position"))["m"] or 0) + 1
    try:
        with transaction.atomic():
            appearance = Appearance.objects.create(
                forum=session.forum, session=session, speaker=speaker, role=role, position=position
            )
    except IntegrityError as exc:
        raise ValidationError({"speaker": _("This speaker already has a role in this session.")}) from exc
    audit.record(
        actor, ForumAction.ROLE_ADDED, appearance, {"session": session.pk, "speaker": speaker.pk, "role": role}
    )
    _programme_changed(actor, session.forum, session)
    return appearance


@transaction.atomic
def remove_role(actor: Any, appearance: Appearance) -> None:
    """Take a speaker's role in a session away. Side effects as for :func:`add_role`."""
    session = appearance.session
    audit.record(
        actor,
        ForumAction.ROLE_REMOVED,
        appearance,
        {"session": appearance.session_id, "speaker": appearance.speaker_id, "role": appearance.role},
    )
    appearance.delete()
    if session is not None:
        _programme_changed(actor, session.forum, session)


@search.deferred()
@transaction.atomic
def tag_recommendations(actor: Any, forum: Forum, rows: dict[int, dict[str, Any]]) -> int:
    """Set themes, countries, addressees and SDGs of several recommendations of one forum at once.

    ``rows`` maps a recommendation id to the lists of records to set (any of ``themes``, ``countries``,
    ``addressees``, ``sdgs``). Recommendations of other forums are refused, all or nothing.
    Side effects: one audit entry with the ids of the changed recommendations. Returns how many changed.
    """
    recommendations = {r.pk: r for r in forum.recommendations.filter(pk__in=list(rows)).prefetch_related(*TAGS)}
    unknown = set(rows) - set(recommendations)
    if unknown:
        raise ValidationError(_("Some recommendations do not belong to this forum."))
    changed = []
    for pk, values in rows.items():
        rec = recommendations[pk]
        results = [_set_m2m(getattr(rec, name), values.get(name)) for name in TAGS if name in values]
        if any(results):
            changed.append(pk)
    if changed:
        audit.record(actor, ForumAction.RECOMMENDATIONS_TAGGED, forum, {"recommendations": sorted(changed)})
    return len(changed)


TAGS = ("themes", "countries", "addressees", "sdgs")
