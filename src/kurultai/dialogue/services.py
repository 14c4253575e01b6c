"""Every change in consultations and positions: validated, written atomically, audited, announced after commit."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.core.limits import check_text
from kurultai.core.moderation_limits import check_posting_rate
from kurultai.dialogue.audit import DialogueAction
from kurultai.dialogue.models import (
    MAX_CONTRIBUTION,
    MAX_POSITION,
    Consultation,
    ConsultationDocument,
    Contribution,
    Endorsement,
    Paragraph,
    Position,
    PositionVersion,
    Signature,
)
from kurultai.notifications import services as notify
from kurultai.organisations.models import Membership, Organisation

LANGUAGES = {code for code, _name in settings.LANGUAGES}
MAX_PARAGRAPHS = 300


def represented(user: Any) -> list[Organisation]:
    """Organisations the person is an approved representative (or administrator) of."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Organisation.objects.filter(memberships__user=user, memberships__status=Membership.Status.APPROVED)
        .distinct()
        .order_by("slug")
    )


def _represents(user: Any, organisation: Organisation | None) -> bool:
    return organisation is not None and any(o.pk == organisation.pk for o in represented(user))


def _language(value: str) -> str:
    value = (value or "").split("-")[0]
    return value if value in LANGUAGES else (settings.LANGUAGE_CODE or "en").split("-")[0]


def _text(value: str, limit: int, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("%(what)s is empty; write something first.") % {"what": what}, code="empty")
    return check_text(value, limit, what=what)


def unique_slug(model: Any, text: str) -> str:
    base = slugify(text)[:100] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def split_paragraphs(text: str) -> list[str]:
    """A document's paragraphs: blocks separated by blank lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()]


def consultation_topics(consultation: Consultation) -> dict[str, list[Any]]:
    topics: dict[str, list[Any]] = {"stream": ["dialogue"], "consultation": [consultation.pk]}
    if consultation.organiser_id:
        topics["organisation"] = [consultation.organiser.slug]
    return topics


# Consultations ---------------------------------------------------------------------------------------------------


@transaction.atomic
def create_consultation(
    actor: Any,
    *,
    title: str,
    question: str,
    kind: str = Consultation.Kind.QUESTION,
    document_text: str = "",
    deadline: Any = None,
    time_zone: str = "Asia/Almaty",
    languages: str = "",
    organiser: Organisation | None = None,
    working_group: Any = None,
    hold_first: int = 0,
    language: str = "",
    phase: str = Consultation.Phase.ANNOUNCED,
    is_demo: bool = False,
) -> Consultation:
    """Open a consultation on a question or a document (split into paragraphs by blank lines).

    Side effects: an audit entry; the ``dialogue.consultation`` event after commit.
    """
    if not actor.has_perm("dialogue.open_consultation", organiser):
        raise PermissionDenied(_("Only editors, conveners and representatives of addressees open consultations."))
    if working_group is not None and not (
        actor.has_perm("forums.manage_outcome") or working_group.conveners.filter(pk=actor.pk).exists()
    ):
        raise PermissionDenied(_("Only the group's conveners open consultations for a working group."))
    language = _language(language)
    title = _text(title, 300, _("The title"))
    question = _text(question, 20_000, _("The question"))
    if kind not in Consultation.Kind.values:
        raise ValidationError(_("Choose a question or a document."), code="bad_kind")
    if phase not in (Consultation.Phase.ANNOUNCED, Consultation.Phase.OPEN):
        raise ValidationError(_("A new consultation is announced or open."), code="bad_phase")
    paragraphs = split_paragraphs(document_text) if kind == Consultation.Kind.DOCUMENT else []
    if kind == Consultation.Kind.DOCUMENT and not paragraphs:
        raise ValidationError(_("Paste the document's text: paragraphs separated by blank lines."), code="no_text")
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise ValidationError(
            _("A document may have at most %(limit)d paragraphs.") % {"limit": MAX_PARAGRAPHS}, code="too_long"
        )
    for p in paragraphs:
        check_text(p, 5000, what=_("A paragraph"))
    codes = [c.strip() for c in (languages or "").split(",") if c.strip()]
    if any(c not in LANGUAGES for c in codes):
        raise ValidationError(_("Unknown language code in the list of languages."), code="bad_language")
    consultation = Consultation.objects.create(
        slug=unique_slug(Consultation, title),
        title={language: title},
        question={language: question},
        kind=kind,
        phase=phase,
        opens_at=timezone.now() if phase == Consultation.Phase.OPEN else None,
        deadline=deadline,
        time_zone=time_zone,
        languages=",".join(codes) or language,
        organiser=organiser,
        working_group=working_group,
        created_by=actor,
        hold_first=max(0, min(int(hold_first or 0), 100)),
        original_language=language,
        is_demo=is_demo,
    )
    Paragraph.objects.bulk_create(
        [
            Paragraph(consultation=consultation, number=n, text={language: t}, original_language=language)
            for n, t in enumerate(paragraphs, 1)
        ]
    )
    record(
        actor,
        DialogueAction.CONSULTATION_CREATED,
        consultation,
        {
            "organiser": organiser.pk if organiser else None,
            "working_group": working_group.pk if working_group else None,
        },
    )
    notify.emit("dialogue.consultation", consultation, actor=actor, topics=consultation_topics(consultation))
    return consultation


ORDER = [Consultation.Phase.ANNOUNCED, Consultation.Phase.OPEN, Consultation.Phase.CLOSED, Consultation.Phase.REPORTED]


@transaction.atomic
def set_phase(actor: Any, consultation: Consultation, phase: str) -> Consultation:
    """Move a consultation to the next phase (announced → open → closed); the report has its own service.

    Side effects: an audit entry; the ``dialogue.phase`` event after commit.
    """
    if not actor.has_perm("dialogue.manage_consultation", consultation):
        raise PermissionDenied
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if phase not in (Consultation.Phase.OPEN, Consultation.Phase.CLOSED) or ORDER.index(phase) <= ORDER.index(
        consultation.phase
    ):
        raise ValidationError(_("A consultation moves forward only: announced, open, closed."), code="bad_phase")
    old = consultation.phase
    consultation.phase = phase
    if phase == Consultation.Phase.OPEN:
        consultation.opens_at = timezone.now()
    consultation.save(update_fields=["phase", "opens_at"])
    record(actor, DialogueAction.PHASE_CHANGED, consultation, {"from": old, "to": phase})
    notify.emit(
        "dialogue.phase", consultation, actor=actor, topics=consultation_topics(consultation), params={"phase": phase}
    )
    return consultation


@transaction.atomic
def publish_report(actor: Any, consultation: Consultation, *, report: str, language: str = "", file: Any = None):
    """Publish what came out of a closed consultation (text and an optional file).

    Side effects: an audit entry; the ``dialogue.report`` event after commit.
    """
    if not actor.has_perm("dialogue.manage_consultation", consultation):
        raise PermissionDenied
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.phase != Consultation.Phase.CLOSED:
        raise ValidationError(_("Close the consultation before publishing its report."), code="not_closed")
    report = _text(report, 50_000, _("The report"))
    consultation.report = {_language(language): report}
    if file is not None:
        from kurultai.followup.evidence import check_file

        check_file(file)
        consultation.report_file = file
    consultation.phase = Consultation.Phase.REPORTED
    consultation.report_published_at = timezone.now()
    consultation.save()
    record(actor, DialogueAction.REPORT_PUBLISHED, consultation)
    notify.emit("dialogue.report", consultation, actor=actor, topics=consultation_topics(consultation))
    return consultation


@transaction.atomic
def add_document(actor: Any, consultation: Consultation, upload: Any, title: str = "") -> ConsultationDocument:
    """Attach a file, checked by content (PDF, image, office document) and size. Side effects: an audit entry."""
    if not actor.has_perm("dialogue.manage_consultation", consultation):
        raise PermissionDenied
    from kurultai.followup.evidence import check_file

    content_type = check_file(upload)
    from kurultai.core.uploads import generated_basename

    upload.name = generated_basename(content_type)
    document = ConsultationDocument.objects.create(
        consultation=consultation,
        title=check_text((title or "").strip() or _("Document"), 200, what=_("The title")),
        file=upload,
        content_type=content_type,
        size=upload.size,
    )
    record(actor, DialogueAction.DOCUMENT_ADDED, document, {"consultation": consultation.pk})
    return document


def _held(actor: Any, consultation: Consultation) -> bool:
    """Whether this person's new contribution waits for review: among their first ``hold_first`` here."""
    if not consultation.hold_first or actor.has_perm("core.moderate"):
        return False
    earlier = Contribution.objects.filter(consultation=consultation, author=actor).count()
    return earlier < consultation.hold_first


def contribute(
    actor: Any,
    consultation: Consultation,
    *,
    text: str,
    language: str = "",
    organisation: Organisation | None = None,
    paragraph: Paragraph | None = None,
    parent: Contribution | None = None,
    token: str = "",
    is_demo: bool = False,
) -> tuple[Contribution, bool]:
    """Post a contribution, a comment on a paragraph or a reply (one level deep); ``(contribution, created)``.

    The same ``token`` (the form's) posted twice gives back the first record. Side effects: an audit entry.
    """
    if not actor.has_perm("dialogue.contribute", consultation):
        raise PermissionDenied
    if not consultation.accepts_contributions:
        raise ValidationError(_("This consultation is not open for contributions."), code="closed")
    token = (token or "")[:40]
    if token:
        existing = Contribution.objects.filter(author=actor, token=token).first()
        if existing is not None:
            return existing, False
    text = _text(text, MAX_CONTRIBUTION, _("Your contribution"))
    if organisation is not None and not _represents(actor, organisation):
        raise ValidationError(_("You may only write on behalf of an organisation you represent."), code="not_rep")
    if paragraph is not None and paragraph.consultation_id != consultation.pk:
        raise ValidationError(_("This paragraph belongs to another consultation."), code="bad_paragraph")
    if parent is not None:
        if parent.consultation_id != consultation.pk or parent.is_hidden or parent.held_for_review:
            raise ValidationError(_("You cannot reply to this contribution."), code="bad_parent")
        if parent.parent_id:
            parent = parent.parent  # replies stay one level deep: a reply to a reply joins the same thread
        paragraph = parent.paragraph
    check_posting_rate(actor, "contribution")
    try:
        with transaction.atomic():
            contribution = Contribution.objects.create(
                consultation=consultation,
                paragraph=paragraph,
                parent=parent,
                author=actor,
                organisation=organisation,
                text=text,
                language=_language(language),
                held_for_review=_held(actor, consultation),
                token=token,
                is_demo=is_demo,
            )
            record(
                actor,
                DialogueAction.CONTRIBUTED,
                contribution,
                {"consultation": consultation.pk, "organisation": organisation.pk if organisation else None},
            )
    except IntegrityError:
        existing = Contribution.objects.filter(author=actor, token=token).first()
        if existing is None:
            raise
        return existing, False
    return contribution, True


@transaction.atomic
def endorse(actor: Any, contribution: Contribution, organisation: Organisation) -> tuple[Endorsement, bool]:
    """An organisation stands behind a contribution, once; ``(endorsement, created)``. Side effects: an audit entry."""
    if not _represents(actor, organisation):
        raise ValidationError(_("Only representatives endorse for their organisation."), code="not_rep")
    if contribution.is_hidden or contribution.held_for_review:
        raise ValidationError(_("This contribution cannot be endorsed."), code="hidden")
    if contribution.organisation_id == organisation.pk:
        raise ValidationError(_("An organisation does not endorse its own contribution."), code="own")
    existing = Endorsement.objects.filter(contribution=contribution, organisation=organisation).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            endorsement = Endorsement.objects.create(
                contribution=contribution, organisation=organisation, endorsed_by=actor
            )
    except IntegrityError:
        return Endorsement.objects.get(contribution=contribution, organisation=organisation), False
    record(actor, DialogueAction.ENDORSED, contribution, {"organisation": organisation.pk})
    return endorsement, True


# Positions -------------------------------------------------------------------------------------------------------


def position_topics(position: Position) -> dict[str, list[Any]]:
    slugs = [position.organisation.slug] + [
        s.organisation.slug for s in position.signatures.select_related("organisation")
    ]
    return {"stream": ["dialogue"], "organisation": sorted(set(slugs))}


@transaction.atomic
def draft_position(
    actor: Any,
    organisation: Organisation,
    *,
    title: str,
    text: str,
    language: str = "",
    addressees: Any = (),
    consultation: Consultation | None = None,
    is_demo: bool = False,
) -> Position:
    """Start a position for an organisation the person represents. Side effects: an audit entry."""
    if not _represents(actor, organisation):
        raise PermissionDenied(_("Only representatives draft positions for their organisation."))
    title = _text(title, 300, _("The title"))
    text = _text(text, MAX_POSITION, _("The text"))
    position = Position.objects.create(
        slug=unique_slug(Position, title),
        organisation=organisation,
        author=actor,
        consultation=consultation,
        is_demo=is_demo,
    )
    version = PositionVersion.objects.create(
        position=position, number=1, title=title, text=text, language=_language(language), author=actor
    )
    position.current = version
    position.save(update_fields=["current"])
    position.addressees.set(addressees)
    record(actor, DialogueAction.POSITION_DRAFTED, position, {"organisation": organisation.pk})
    return position


def _check_editable(actor: Any, position: Position) -> None:
    if not actor.has_perm("dialogue.edit_position", position):
        raise PermissionDenied
    if position.status == Position.Status.SUBMITTED:
        raise ValidationError(_("A submitted position is not edited any more."), code="submitted")


@transaction.atomic
def edit_position(actor: Any, position: Position, *, title: str, text: str, language: str = "") -> PositionVersion:
    """Change the text; once anyone signed the current version, the change becomes a new version.

    Side effects: an audit entry; signatories of earlier versions are asked to confirm the new one
    (``dialogue.confirm`` event to their representatives).
    """
    position = Position.objects.select_for_update().get(pk=position.pk)
    _check_editable(actor, position)
    title = _text(title, 300, _("The title"))
    text = _text(text, MAX_POSITION, _("The text"))
    current = position.current
    if current.title == title and current.text == text:
        return current
    if not current.signatures.exists():
        current.title, current.text, current.language = title, text, _language(language or current.language)
        current.save(update_fields=["title", "text", "language"])
        record(actor, DialogueAction.POSITION_EDITED, position, {"version": current.number, "new": False})
        return current
    version = PositionVersion.objects.create(
        position=position,
        number=current.number + 1,
        title=title,
        text=text,
        language=_language(language or current.language),
        author=actor,
    )
    position.current = version
    position.save(update_fields=["current"])
    record(actor, DialogueAction.POSITION_EDITED, position, {"version": version.number, "new": True})
    signed = Organisation.objects.filter(position_signatures__position=position).distinct()
    people = list(
        Membership.objects.filter(organisation__in=signed, status=Membership.Status.APPROVED).values_list(
            "user_id", flat=True
        )
    )
    if people:
        notify.emit("dialogue.confirm", position, actor=actor, recipients=people, params={"version": version.number})
    return version


@transaction.atomic
def open_for_signature(actor: Any, position: Position) -> Position:
    """Make a draft public and let other organisations co-sign it. Side effects: an audit entry; the event."""
    position = Position.objects.select_for_update().get(pk=position.pk)
    _check_editable(actor, position)
    if position.status != Position.Status.DRAFT:
        return position
    position.status, position.opened_at = Position.Status.SIGNING, timezone.now()
    position.save(update_fields=["status", "opened_at"])
    record(actor, DialogueAction.POSITION_OPENED, position)
    notify.emit("dialogue.position", position, actor=actor, topics=position_topics(position))
    return position


def sign(
    actor: Any, position: Position, organisation: Organisation, *, is_demo: bool = False
) -> tuple[Signature, bool]:
    """Co-sign the current version for an organisation the person represents; ``(signature, created)``.

    Once per organisation per version; a second attempt gives back the first signature. Side effects: an audit entry.
    """
    with transaction.atomic():
        position = Position.objects.select_for_update(of=("self",)).select_related("current").get(pk=position.pk)
        if position.status != Position.Status.SIGNING or position.is_hidden:
            raise ValidationError(_("This position is not open for co-signature."), code="not_open")
        if not _represents(actor, organisation):
            raise ValidationError(_("Only representatives co-sign, for their own organisation."), code="not_rep")
        if organisation.pk == position.organisation_id:
            raise ValidationError(_("The drafting organisation stands behind its text already."), code="own")
        existing = Signature.objects.filter(version=position.current, organisation=organisation).first()
        if existing:
            return existing, False
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    position=position,
                    version=position.current,
                    organisation=organisation,
                    signed_by=actor,
                    is_demo=is_demo,
                )
        except IntegrityError:
            return Signature.objects.get(version=position.current, organisation=organisation), False
        record(
            actor,
            DialogueAction.POSITION_SIGNED,
            position,
            {"organisation": organisation.pk, "version": position.current.number},
        )
    return signature, True


@transaction.atomic
def submit(actor: Any, position: Position) -> Position:
    """Send the position to its addressees; from now on it is followed up like a recommendation.

    Side effects: an audit entry; the ``dialogue.submitted`` event to followers and the addressees' representatives.
    """
    position = Position.objects.select_for_update().get(pk=position.pk)
    _check_editable(actor, position)
    if position.status != Position.Status.SIGNING:
        raise ValidationError(_("Open the position for co-signature before submitting it."), code="not_open")
    addressees = list(position.addressees.all())
    if not addressees:
        raise ValidationError(_("Choose at least one addressee before submitting."), code="no_addressee")
    position.status, position.submitted_at = Position.Status.SUBMITTED, timezone.now()
    position.save(update_fields=["status", "submitted_at"])
    record(actor, DialogueAction.POSITION_SUBMITTED, position, {"addressees": [a.pk for a in addressees]})
    from kurultai.dialogue import tracking

    tracking.start(position, addressees)
    people = Membership.objects.filter(
        organisation__addressee_roles__in=addressees, status=Membership.Status.APPROVED
    ).values_list("user_id", flat=True)
    notify.emit("dialogue.submitted", position, actor=actor, topics=position_topics(position), recipients=list(people))
    return position


def signatories(position: Position) -> list[dict[str, Any]]:
    """Per signing organisation: the versions it signed and whether it signed the current one (one query)."""
    rows: dict[int, dict[str, Any]] = {}
    for s in position.signatures.select_related("organisation", "version").order_by("signed_at", "pk"):
        row = rows.setdefault(
            s.organisation_id, {"organisation": s.organisation, "versions": [], "current": False, "signed_at": None}
        )
        row["versions"].append(s.version.number)
        row["signed_at"] = s.signed_at
        if s.version_id == position.current_id:
            row["current"] = True
    return list(rows.values())


def visible_positions() -> Any:
    return Position.objects.visible().exclude(status=Position.Status.DRAFT)


def consultations_for(user: Any) -> Any:
    """Consultations the person may organise (for the position form's optional link)."""
    return Consultation.objects.filter(Q(phase=Consultation.Phase.OPEN) | Q(phase=Consultation.Phase.CLOSED))
