"""The consortium workspace: members with roles, a checklist, proposal sections with versions and comments,
files, and the export of the whole proposal as one DOCX. Only members see any of it."""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.core.uploads import generated_basename
from kurultai.followup.evidence import check_file
from kurultai.notifications.services import emit
from kurultai.opportunities.audit import OpportunityAction
from kurultai.opportunities.models import (
    ChecklistItem,
    Consortium,
    ConsortiumFile,
    ConsortiumMember,
    Opportunity,
    Role,
    Section,
    SectionComment,
    SectionVersion,
)
from kurultai.organisations.models import Organisation
from kurultai.organisations.services import representatives

CHAT_HOSTS = ("t.me", "telegram.me", "chat.whatsapp.com", "wa.me")


def _check_chat(url: str) -> str:
    from urllib.parse import urlsplit

    if url and (urlsplit(url).scheme != "https" or urlsplit(url).hostname not in CHAT_HOSTS):
        raise ValidationError({"chat_url": _("Give a Telegram (https://t.me/…) or WhatsApp group link.")})
    return url


def _people(consortium: Consortium, exclude: Organisation | None = None) -> Any:
    """Representatives of every invited or confirmed member (the side that acted left out)."""
    from kurultai.accounts.models import User
    from kurultai.organisations.models import Membership

    seats = consortium.members.filter(
        status__in=[ConsortiumMember.Status.INVITED, ConsortiumMember.Status.CONFIRMED]
    ).values("organisation_id")
    memberships = Membership.objects.filter(organisation_id__in=seats, status=Membership.Status.APPROVED)
    if exclude is not None:
        memberships = memberships.exclude(organisation=exclude)
    return User.objects.filter(pk__in=memberships.values("user_id"))


def _tell(consortium: Consortium, actor: Any, what: str, organisation: Organisation, recipients: Any, text: str = ""):
    emit(
        "opportunities.consortium",
        consortium,
        actor=actor,
        params={"what": what, "organisation": str(organisation), "text": text[:300]},
        recipients=recipients,
    )


@transaction.atomic
def create_consortium(
    actor: Any, opportunity: Opportunity, lead: Organisation, *, name: str, chat_url: str = ""
) -> Consortium:
    """A representative of the lead applicant opens a workspace for an opportunity; the lead is its first member.

    Side effects: an audit entry.
    """
    if not actor.has_perm("opportunities.create_consortium", lead):
        raise PermissionDenied
    if not actor.has_perm("opportunities.view_opportunity", opportunity) or opportunity.status != "published":
        raise PermissionDenied
    consortium = Consortium(
        opportunity=opportunity, lead=lead, name=name.strip()[:200], chat_url=_check_chat(chat_url), created_by=actor
    )
    consortium.full_clean(exclude=["created_by"])
    consortium.save()
    ConsortiumMember.objects.create(
        consortium=consortium,
        organisation=lead,
        role=Role.LEAD,
        status=ConsortiumMember.Status.CONFIRMED,
        answered_at=timezone.now(),
    )
    record(actor, OpportunityAction.CONSORTIUM_CREATED, consortium, {"opportunity": opportunity.pk, "lead": lead.pk})
    return consortium


@transaction.atomic
def update_consortium(actor: Any, consortium: Consortium, *, name: str, chat_url: str = "") -> Consortium:
    if not actor.has_perm("opportunities.manage_consortium", consortium):
        raise PermissionDenied
    consortium.name = name.strip()[:200] or consortium.name
    consortium.chat_url = _check_chat(chat_url)
    consortium.save(update_fields=["name", "chat_url"])
    record(actor, OpportunityAction.CONSORTIUM_CHANGED, consortium)
    return consortium


@transaction.atomic
def invite(actor: Any, consortium: Consortium, organisation: Organisation, role: str) -> ConsortiumMember:
    """The lead invites an organisation with a role; a withdrawn one may be invited again.

    Side effects: an audit entry; the invited organisation's representatives are told.
    """
    if not actor.has_perm("opportunities.manage_consortium", consortium):
        raise PermissionDenied
    if role not in Role.values or role == Role.LEAD:
        raise ValidationError({"role": _("Choose a role other than lead applicant.")})
    member = ConsortiumMember.objects.filter(consortium=consortium, organisation=organisation).first()
    if member is not None and member.status != ConsortiumMember.Status.WITHDRAWN:
        raise ValidationError(
            _("%(organisation)s is already in this consortium.") % {"organisation": organisation}, code="duplicate"
        )
    try:
        with transaction.atomic():
            if member is None:
                member = ConsortiumMember.objects.create(consortium=consortium, organisation=organisation, role=role)
            else:
                member.role, member.status, member.invited_at = role, ConsortiumMember.Status.INVITED, timezone.now()
                member.save(update_fields=["role", "status", "invited_at"])
    except IntegrityError as exc:
        raise ValidationError(
            _("%(organisation)s is already in this consortium.") % {"organisation": organisation}, code="duplicate"
        ) from exc
    record(actor, OpportunityAction.CONSORTIUM_INVITED, member, {"organisation": organisation.pk, "role": role})
    _tell(consortium, actor, "invited", organisation, representatives(organisation))
    return member


@transaction.atomic
def answer(actor: Any, member: ConsortiumMember, confirm: bool) -> ConsortiumMember:
    """A member organisation confirms its place or withdraws (the lead cannot withdraw).

    Side effects: an audit entry; the other members are told.
    """
    if not actor.has_perm("opportunities.answer_invitation", member):
        raise PermissionDenied
    if member.role == Role.LEAD and not confirm:
        raise ValidationError(_("The lead applicant cannot withdraw; close the consortium instead."))
    if member.status == ConsortiumMember.Status.WITHDRAWN:
        raise ValidationError(_("This organisation has withdrawn; the lead may invite it again."))
    member.status = ConsortiumMember.Status.CONFIRMED if confirm else ConsortiumMember.Status.WITHDRAWN
    member.answered_at = timezone.now()
    member.save(update_fields=["status", "answered_at"])
    record(actor, OpportunityAction.CONSORTIUM_ANSWERED, member, {"status": member.status})
    what = "confirmed" if confirm else "withdrawn"
    _tell(member.consortium, actor, what, member.organisation, _people(member.consortium, exclude=member.organisation))
    return member


def _seat_orgs(consortium: Consortium) -> Any:
    return Organisation.objects.filter(
        consortium_memberships__consortium=consortium,
        consortium_memberships__status=ConsortiumMember.Status.CONFIRMED,
    )


@transaction.atomic
def add_step(actor: Any, consortium: Consortium, *, title: str, owner: Any = None, due_on: Any = None) -> ChecklistItem:
    if not actor.has_perm("opportunities.work_in_consortium", consortium):
        raise PermissionDenied
    if owner is not None and not _seat_orgs(consortium).filter(pk=owner.pk).exists():
        raise ValidationError({"owner": _("The owner must be a confirmed member.")})
    item = ChecklistItem.objects.create(consortium=consortium, title=title.strip()[:200], owner=owner, due_on=due_on)
    record(actor, OpportunityAction.CHECKLIST_CHANGED, item, {"added": True})
    return item


@transaction.atomic
def toggle_step(actor: Any, item: ChecklistItem) -> ChecklistItem:
    if not actor.has_perm("opportunities.work_in_consortium", item.consortium):
        raise PermissionDenied
    item.done_at = None if item.done_at else timezone.now()
    item.save(update_fields=["done_at"])
    record(actor, OpportunityAction.CHECKLIST_CHANGED, item, {"done": item.done_at is not None})
    return item


def current_texts(consortium: Consortium) -> dict[str, SectionVersion]:
    """The latest version of every section written so far."""
    latest: dict[str, SectionVersion] = {}
    for version in consortium.versions.select_related("author").order_by("section", "-number"):
        latest.setdefault(version.section, version)
    return latest


@transaction.atomic
def save_section(
    actor: Any, consortium: Consortium, section: str, text: str, base: int | None = None
) -> SectionVersion:
    """Save a new version of a section; a save based on an older version than the latest is refused, so nobody
    overwrites a co-author's text unseen. Side effects: an audit entry."""
    if not actor.has_perm("opportunities.work_in_consortium", consortium):
        raise PermissionDenied
    if section not in Section.values:
        raise ValidationError(_("Unknown section."))
    Consortium.objects.select_for_update().filter(pk=consortium.pk).first()
    latest = consortium.versions.filter(section=section).aggregate(n=Max("number"))["n"] or 0
    if base is not None and base != latest:
        raise ValidationError(
            _("Someone saved this section while you were writing (version %(n)s). Copy your text, reload and "
              "merge.") % {"n": latest},
            code="conflict",
        )  # fmt: skip
    current = consortium.versions.filter(section=section, number=latest).first()
    if current is not None and current.text == text:
        return current
    version = SectionVersion.objects.create(
        consortium=consortium, section=section, number=latest + 1, text=text, author=actor
    )
    record(actor, OpportunityAction.SECTION_SAVED, version, {"section": section, "number": version.number})
    return version


@transaction.atomic
def comment(actor: Any, consortium: Consortium, section: str, text: str) -> SectionComment:
    """Comment on a section. Side effects: an audit entry; the other members are told."""
    if not actor.has_perm("opportunities.work_in_consortium", consortium):
        raise PermissionDenied
    if section not in Section.values or not text.strip():
        raise ValidationError(_("Write a comment."))
    from kurultai.opportunities.selectors import represented_ids

    mine = set(represented_ids(actor))
    organisation = next((o for o in _seat_orgs(consortium) if o.pk in mine), None)
    if organisation is None:
        raise PermissionDenied
    note = SectionComment.objects.create(
        consortium=consortium, section=section, author=actor, organisation=organisation, text=text.strip()[:3000]
    )
    record(actor, OpportunityAction.SECTION_COMMENTED, note, {"section": section})
    _tell(consortium, actor, "comment", organisation, _people(consortium, exclude=organisation), text)
    return note


@transaction.atomic
def upload(actor: Any, consortium: Consortium, title: str, upload_file: Any) -> ConsortiumFile:
    """Attach a file (checked by content and size like follow-up evidence). Side effects: a stored file, audit."""
    if not actor.has_perm("opportunities.work_in_consortium", consortium):
        raise PermissionDenied
    content_type = check_file(upload_file)
    stored = ConsortiumFile(consortium=consortium, title=title.strip()[:200], content_type=content_type,
                            uploaded_by=actor)  # fmt: skip
    # A generated name with the checked type's extension; the uploader's name stays in the title only.
    stored.file.save(generated_basename(content_type), upload_file, save=False)
    stored.save()
    record(actor, OpportunityAction.FILE_UPLOADED, stored, {"content_type": content_type})
    return stored


def to_docx(consortium: Consortium, lang: str) -> bytes:
    """The proposal as one Word document: facts about the call and the consortium, then every section."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    texts = current_texts(consortium)
    opportunity = consortium.opportunity
    with translation.override(lang):
        document = Document()
        document.core_properties.title = consortium.name
        document.core_properties.language = lang
        for part in document.sections:
            part.left_margin = part.right_margin = Cm(2.2)
        normal = document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        for name in ("Heading 1", "Heading 2"):
            document.styles[name].font.color.rgb = RGBColor(0x06, 0x3E, 0x5E)
        document.add_paragraph(consortium.name, style="Title")
        document.add_paragraph(str(opportunity.title), style="Subtitle")
        facts = [str(opportunity.donor)] if opportunity.donor_id else []
        if opportunity.identifier:
            facts.append(opportunity.identifier)
        if opportunity.local_deadline:
            facts.append(
                _("Deadline: %(date)s (%(zone)s)")
                % {"date": opportunity.local_deadline.strftime("%Y-%m-%d %H:%M"), "zone": opportunity.time_zone}
            )
        if facts:
            document.add_paragraph(" · ".join(facts))
        document.add_heading(_("Consortium"), level=1)
        for member in consortium.members.select_related("organisation").exclude(status="withdrawn"):
            document.add_paragraph(
                f"{member.organisation} — {member.get_role_display()} ({member.get_status_display()})",
                style="List Bullet",
            )
        for code, label in Section.choices:
            version = texts.get(code)
            if version is None or not version.text.strip():
                continue
            document.add_heading(str(label), level=1)
            _markdown_into(document, version.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _markdown_into(document: Any, text: str) -> None:
    """A small Markdown reading: headings, bullets, numbered items and paragraphs (bold/italic kept as text)."""
    import re

    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            document.add_paragraph(" ".join(paragraph))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)", line)
        if not line:
            flush()
        elif heading:
            flush()
            document.add_heading(heading.group(2), level=min(len(heading.group(1)) + 1, 3))
        elif re.match(r"^[-*+]\s+", line):
            flush()
            document.add_paragraph(re.sub(r"^[-*+]\s+", "", line), style="List Bullet")
        elif re.match(r"^\d+[.)]\s+", line):
            flush()
            document.add_paragraph(re.sub(r"^\d+[.)]\s+", "", line), style="List Number")
        else:
            paragraph.append(line.replace("**", "").replace("__", ""))
    flush()
