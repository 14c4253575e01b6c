"""State changes of the library: publications (with creators, identifiers and files), expert interviews (with
consent, audio and transcripts). Each validates first, writes in one transaction, records an audit entry and
tells followers after commit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core import search
from kurultai.core.audit import record
from kurultai.core.limits import check_text
from kurultai.core.multilingual import language_codes
from kurultai.core.uploads import generated_name
from kurultai.library import files
from kurultai.library.audit import LibraryAction
from kurultai.library.models import (
    ConsentScope,
    Creator,
    Interview,
    Publication,
    PublicationFile,
    PublicationType,
    Status,
    Transcript,
)
from kurultai.organisations.models import Organisation

DOI = re.compile(r"^10\.\d{4,9}/[^\s]+$")
ISO_639_1 = re.compile(r"^[a-z]{2}$")
MAX_CREATORS = 100
PUBLICATION_FIELDS = (
    "type",
    "title",
    "abstract",
    "year",
    "date",
    "languages",
    "keywords",
    "publisher",
    "place",
    "isbn",
    "doi",
    "url",
    "licence",
    "rights",
    "project",
    "forum",
    "session",
    "original_language",
    "is_demo",
)
RELATIONS = ("themes", "countries")


def normalise_doi(value: str) -> str:
    """``10.1234/abc`` from a DOI typed bare, as ``doi:…`` or as a doi.org link; '' for ''."""
    value = (value or "").strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    return value


def normalise_isbn(value: str) -> str:
    """An ISBN-13 with hyphens when valid; a ValidationError otherwise ('' stays '')."""
    from stdnum import isbn
    from stdnum.exceptions import ValidationError as NumberError

    value = (value or "").strip()
    if not value:
        return ""
    try:
        return isbn.format(isbn.validate(value), convert=True)
    except NumberError as exc:
        raise ValidationError({"isbn": _("This is not a valid ISBN (check the digits).")}) from exc


def check_publication(values: dict[str, Any]) -> dict[str, Any]:
    """Values cleaned, or a ValidationError naming each wrong field (nothing is written)."""
    values = dict(values)
    errors: dict[str, list[str]] = {}
    if "type" in values and values["type"] not in PublicationType.values:
        errors.setdefault("type", []).append(_("Unknown type."))
    if "isbn" in values:
        try:
            values["isbn"] = normalise_isbn(values["isbn"])
        except ValidationError as exc:
            errors.setdefault("isbn", []).extend(exc.message_dict["isbn"])
    if "doi" in values:
        values["doi"] = normalise_doi(values["doi"])
        if values["doi"] and not DOI.match(values["doi"]):
            errors.setdefault("doi", []).append(_("A DOI looks like 10.1234/abc-56."))
    year = values.get("year")
    this_year = timezone.now().year
    if year is not None and not 1800 <= int(year) <= this_year + 1:
        errors.setdefault("year", []).append(_("Give a year between 1800 and next year."))
    date = values.get("date")
    if date and year and date.year != int(year):
        errors.setdefault("date", []).append(_("The full date is not in the year given."))
    if "languages" in values:
        codes = [c.lower() for c in re.split(r"[\s,]+", values["languages"] or "") if c]
        if any(not ISO_639_1.match(c) for c in codes):
            errors.setdefault("languages", []).append(_("Give languages as two-letter codes such as en ru kk."))
        values["languages"] = " ".join(dict.fromkeys(codes))[:100]
    session, forum = values.get("session"), values.get("forum")
    if session is not None and forum is not None and session.forum_id != forum.pk:
        errors.setdefault("session", []).append(_("The session is not part of the forum chosen."))
    if session is not None and forum is None:
        values["forum"] = session.forum
    if errors:
        raise ValidationError(errors)
    return values


def parse_creators(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Creators typed one per line; ``@slug`` names an organisation of the directory."""
    creators: list[dict[str, Any]] = []
    wanted = [line.strip() for line in lines if line and line.strip()]
    slugs = [line[1:].strip() for line in wanted if line.startswith("@")]
    known = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    for line in wanted:
        if line.startswith("@"):
            slug = line[1:].strip()
            if slug not in known:
                raise ValidationError(
                    {"creators": _("No organisation “%(slug)s” in the directory.") % {"slug": slug[:80]}}
                )
            creators.append({"organisation": known[slug]})
        else:
            check_text(line, 300, what=_("A creator's name"))
            creators.append({"name": line})
    if len(creators) > MAX_CREATORS:
        raise ValidationError({"creators": _("At most %(count)d creators.") % {"count": MAX_CREATORS}})
    return creators


def _set_creators(publication: Publication, creators: list[dict[str, Any]]) -> None:
    publication.creators.all().delete()
    Creator.objects.bulk_create(
        Creator(publication=publication, position=i, name=c.get("name", ""), organisation=c.get("organisation"))
        for i, c in enumerate(creators)
    )


def _apply(publication: Publication, values: dict[str, Any]) -> None:
    for name in PUBLICATION_FIELDS:
        if name in values:
            setattr(publication, name, values[name])
    publication.updated_at = timezone.now()
    publication.full_clean(exclude=["themes", "countries"])


@transaction.atomic
def create_publication(actor: Any, *, creators: list[dict[str, Any]] = (), **values: Any) -> Publication:
    """A new publication, as a draft unless ``status`` says otherwise. Side effects: audit entry."""
    values = check_publication(values)
    status = values.pop("status", Status.DRAFT)
    publication = Publication(created_by=actor if getattr(actor, "is_authenticated", False) else None)
    _apply(publication, values)
    publication.save()
    for name in RELATIONS:
        if name in values:
            getattr(publication, name).set(values[name] or [])
    _set_creators(publication, list(creators))
    record(actor, LibraryAction.PUBLICATION_CREATED, publication, {"type": publication.type})
    if status == Status.PUBLISHED:
        publish_publication(actor, publication)
    else:
        search.refresh("publication", [publication.pk])
    return publication


@transaction.atomic
def update_publication(
    actor: Any, publication: Publication, *, creators: list[dict[str, Any]] | None = None, **values: Any
) -> Publication:
    """Change a publication's description. Side effects: audit entry, search index."""
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    values = check_publication(values)
    _apply(publication, values)
    publication.save()
    for name in RELATIONS:
        if name in values:
            getattr(publication, name).set(values[name] or [])
    if creators is not None:
        _set_creators(publication, list(creators))
    record(
        actor, LibraryAction.PUBLICATION_CHANGED, publication, {"fields": sorted(set(values) & set(PUBLICATION_FIELDS))}
    )
    search.refresh("publication", [publication.pk])
    return publication


@transaction.atomic
def publish_publication(actor: Any, publication: Publication) -> Publication:
    """Make a publication public. Side effects: audit entry, search index, followers told after commit."""
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.status == Status.PUBLISHED:
        return publication
    if not publication.creators.exists():
        raise ValidationError(_("Name at least one creator before publishing."))
    first_time = publication.published_at is None
    publication.status = Status.PUBLISHED
    publication.published_at = publication.published_at or timezone.now()
    publication.updated_at = timezone.now()
    publication.save(update_fields=["status", "published_at", "updated_at"])
    record(actor, LibraryAction.PUBLICATION_PUBLISHED, publication)
    search.refresh("publication", [publication.pk])
    if first_time:
        from kurultai.library.notifications import announce_publication

        announce_publication(publication, actor)
    return publication


@transaction.atomic
def withdraw_publication(actor: Any, publication: Publication) -> Publication:
    """Take a publication offline; harvesters see it as a deleted record. Side effects: audit entry, index."""
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    publication.status = Status.WITHDRAWN
    publication.updated_at = timezone.now()
    publication.save(update_fields=["status", "updated_at"])
    record(actor, LibraryAction.PUBLICATION_WITHDRAWN, publication)
    search.refresh("publication", [publication.pk])
    return publication


def add_file(
    actor: Any, publication: Publication, upload: UploadedFile, *, language: str = "", label: str = ""
) -> PublicationFile:
    """Attach a checked PDF. Side effects: audit entry; a background job reads its text and thumbnail."""
    checked = files.check_pdf(upload)
    if language and language not in language_codes() and not ISO_639_1.match(language):
        raise ValidationError({"language": _("Unknown language.")})
    check_text(label, 200, what=_("The label"))
    data = files._read(upload)
    with transaction.atomic():
        item = PublicationFile(
            publication=publication,
            content_type=checked.content_type,
            size=checked.size,
            pages=checked.pages,
            language=language,
            label=label,
        )
        item.file.save("upload.pdf", ContentFile(data), save=False)
        item.save()
        Publication.objects.filter(pk=publication.pk).update(updated_at=timezone.now())
        record(actor, LibraryAction.FILE_ADDED, item, {"publication": publication.pk, "pages": checked.pages})
        from kurultai.library.tasks import read_pdf

        transaction.on_commit(lambda: read_pdf.enqueue(item.pk))
    return item


@transaction.atomic
def remove_file(actor: Any, item: PublicationFile) -> None:
    publication_id = item.publication_id
    record(actor, LibraryAction.FILE_REMOVED, item, {"publication": publication_id})
    stored = [f.name for f in (item.file, item.thumbnail) if f]
    storage = item.file.storage
    item.delete()
    Publication.objects.filter(pk=publication_id).update(updated_at=timezone.now())
    transaction.on_commit(lambda: [storage.delete(name) for name in stored])
    search.refresh("publication", [publication_id])


def read_pdf(file_id: int) -> bool:
    """Fill a file's text and thumbnail from its PDF and re-index its publication; False when it is gone."""
    item = PublicationFile.objects.filter(pk=file_id).first()
    if item is None:
        return False
    with item.file.open("rb") as handle:
        data = handle.read()
    item.text = files.pdf_text(data).replace("\x00", "")
    item.text_extracted_at = timezone.now()
    png = files.thumbnail_png(data)
    fields = ["text", "text_extracted_at"]
    if png:
        storage = item.thumbnail.storage
        item.thumbnail.name = storage.save(generated_name("library/thumbnails", "image/png"), ContentFile(png))
        fields.append("thumbnail")
    item.save(update_fields=fields)
    search.refresh("publication", [item.publication_id])
    return True


# --- Expert interviews -----------------------------------------------------------------------------------------

INTERVIEW_FIELDS = (
    "interviewee_name",
    "anonymised",
    "interviewee_role",
    "country",
    "topic",
    "summary",
    "interviewer",
    "interviewed_on",
    "consent_on",
    "consent_form",
    "consent_scope",
    "project",
    "publication",
    "original_language",
    "is_demo",
)


def check_interview(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    errors: dict[str, list[str]] = {}
    if values.get("consent_scope") == ConsentScope.PUBLISH_ANONYMISED:
        values["anonymised"] = True
    if values.get("anonymised"):
        values.setdefault("consent_scope", ConsentScope.PUBLISH_ANONYMISED)
    named = not values.get("anonymised") and values.get("consent_scope") == ConsentScope.PUBLISH_NAMED
    if named and not (values.get("interviewee_name") or "").strip():
        errors.setdefault("interviewee_name", []).append(_("Give the name, or anonymise the interview."))
    consent, held = values.get("consent_on"), values.get("interviewed_on")
    if consent and held and consent > held:
        errors.setdefault("consent_on", []).append(_("Consent must be given before or on the day of the interview."))
    if held and held > timezone.localdate():
        errors.setdefault("interviewed_on", []).append(_("The interview date is in the future."))
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def create_interview(
    actor: Any,
    *,
    transcripts: dict[str, str] | None = None,
    audio: UploadedFile | None = None,
    themes: Iterable[Any] = (),
    status: str = Status.DRAFT,
    **values: Any,
) -> Interview:
    """Record an interview with its consent, transcripts (one per language) and optional audio.

    Side effects: audit entry (ids only, never the name), search index, followers told when published."""
    values = check_interview(values)
    checked = files.check_audio(audio) if audio is not None else None
    for code in transcripts or {}:
        if code not in language_codes() and not ISO_639_1.match(code):
            raise ValidationError({"transcripts": _("Unknown language.")})
    interview = Interview()
    for name in INTERVIEW_FIELDS:
        if name in values:
            setattr(interview, name, values[name])
    interview.updated_at = timezone.now()
    if checked is not None:
        interview.content_type = checked.content_type
        interview.audio_seconds = checked.seconds
        interview.audio_bitrate = checked.kbps
        interview.audio_size = checked.size
    interview.full_clean(exclude=["themes", "audio"])
    if audio is not None:
        interview.audio.save("audio", ContentFile(files._read(audio)), save=False)
    interview.save()
    interview.themes.set(list(themes))
    Transcript.objects.bulk_create(
        Transcript(interview=interview, language=code, text=text.replace("\x00", ""))
        for code, text in (transcripts or {}).items()
        if text and text.strip()
    )
    record(actor, LibraryAction.INTERVIEW_CREATED, interview, {"anonymised": interview.anonymised})
    if status == Status.PUBLISHED:
        publish_interview(actor, interview)
    else:
        search.refresh("interview", [interview.pk])
    return interview


@transaction.atomic
def publish_interview(actor: Any, interview: Interview) -> Interview:
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    if interview.consent_scope == ConsentScope.RESEARCH_ONLY:
        raise ValidationError(_("The interviewee consented to research use only; it cannot be published."))
    if interview.status != Status.PUBLISHED:
        interview.status = Status.PUBLISHED
        interview.updated_at = timezone.now()
        interview.save(update_fields=["status", "updated_at"])
        record(actor, LibraryAction.INTERVIEW_PUBLISHED, interview)
    search.refresh("interview", [interview.pk])
    return interview
