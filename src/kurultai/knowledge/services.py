"""Every change in the knowledge hub: hub roles, good practices and their review workflow, photos, demonstration
sites, and the messages that reach the people behind a practice or a site.

Each function validates, writes in one transaction, records an audit entry and emits its notification event after
commit. They take plain values so views, the DOCX importer and the demo call the same code.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.accounts.roles import EDITORS
from kurultai.core.audit import record
from kurultai.core.limits import check_text
from kurultai.core.multilingual import coerce, language_codes
from kurultai.knowledge.audit import KnowledgeAction
from kurultai.knowledge.models import (
    PRACTICES_HUB,
    BuildingBlock,
    ContactMessage,
    DemoSite,
    HubRole,
    Photo,
    Practice,
    PracticeVersion,
    ReviewComment,
    VisitRequest,
)
from kurultai.notifications import services as notify

TEXT_FIELDS = ("title", "summary", "challenge", "solution", "impact", "lessons", "cost_text")
PLAIN_FIELDS = ("cost_currency", "region")
RELATION_FIELDS = ("themes", "sdgs", "organisations", "building_blocks")
MAX_PHOTO_BYTES = 8 * 1024 * 1024
PHOTO_EDGE = 1600
PHOTOS_PER_ITEM = 12
VISITS_PER_DAY = 3
MESSAGES_PER_DAY = 5


# --- Roles -------------------------------------------------------------------------------------------------------


def grant_role(user: Any, *, hub: str = PRACTICES_HUB, role: str, actor: Any) -> HubRole:
    """Make someone a reviewer or publisher of a hub; granting twice returns the existing role."""
    if role not in HubRole.Role.values:
        raise ValidationError(_("Unknown role."))
    from kurultai.knowledge.hub import hubs

    if hub not in dict(hubs()):
        raise ValidationError(_("Unknown hub."))
    existing = HubRole.objects.filter(user=user, hub=hub, role=role).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            granted = HubRole.objects.create(user=user, hub=hub, role=role, granted_by=actor)
            record(actor, KnowledgeAction.ROLE_GRANTED, granted, {"user": user.pk, "hub": hub, "role": role})
    except IntegrityError:
        return HubRole.objects.get(user=user, hub=hub, role=role)
    return granted


@transaction.atomic
def revoke_role(granted: HubRole, *, actor: Any) -> None:
    record(
        actor,
        KnowledgeAction.ROLE_REVOKED,
        granted,
        {"user": granted.user_id, "hub": granted.hub, "role": granted.role},
    )
    granted.delete()


def people_with_role(role: str, hub: str = PRACTICES_HUB) -> list[int]:
    """Ids of the reviewers (reviewers and publishers) or publishers of a hub; editors when nobody holds the role."""
    wanted = [HubRole.Role.REVIEWER, HubRole.Role.PUBLISHER] if role == HubRole.Role.REVIEWER else [role]
    ids = list(HubRole.objects.filter(hub=hub, role__in=wanted).values_list("user_id", flat=True).distinct())
    if not ids:
        ids = list(get_user_model().objects.filter(groups__name=EDITORS, is_active=True).values_list("pk", flat=True))
    return ids


# --- Practices ---------------------------------------------------------------------------------------------------


def _decimal(value: Any, what: str, low: int, high: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(_("%(what)s must be a number.") % {"what": what}) from None
    if not number.is_finite() or number < low or number > high:
        raise ValidationError(
            _("%(what)s must be between %(low)s and %(high)s.") % {"what": what, "low": low, "high": high}
        )
    return number.quantize(Decimal("0.00001"))


def clean_coordinates(latitude: Any, longitude: Any) -> tuple[Decimal | None, Decimal | None]:
    """Both or neither; latitude within ±90, longitude within ±180."""
    lat = _decimal(latitude, _("Latitude"), -90, 90)
    lon = _decimal(longitude, _("Longitude"), -180, 180)
    if (lat is None) != (lon is None):
        raise ValidationError(_("Give both latitude and longitude, or neither."))
    return lat, lon


def _apply(version: PracticeVersion, values: dict[str, Any], language: str) -> list[str]:
    """Write the given values into a version (texts into ``language``); returns the names of changed fields."""
    if language not in language_codes():
        raise ValidationError(_("Unknown language."))
    changed = []
    for name in TEXT_FIELDS:
        if name in values:
            text = str(values[name] or "").strip()
            field = PracticeVersion._meta.get_field(name)
            check_text(text, field.max_text_length, what=str(field.verbose_name).capitalize())
            texts = dict(coerce(getattr(version, name)))
            if text:
                texts[language] = text
            else:
                texts.pop(language, None)
            if texts != dict(coerce(getattr(version, name))):
                setattr(version, name, texts)
                changed.append(name)
    if not coerce(version.title).texts():
        raise ValidationError(_("A good practice needs a title."))
    for name in PLAIN_FIELDS:
        if name in values:
            text = str(values[name] or "").strip()
            check_text(text, PracticeVersion._meta.get_field(name).max_length)
            if name == "cost_currency":
                text = text.upper()
                if text and not (len(text) == 3 and text.isalpha() and text.isascii()):
                    raise ValidationError(_("The currency is a three-letter code such as KZT, EUR or USD."))
            if getattr(version, name) != text:
                setattr(version, name, text)
                changed.append(name)
    if "cost_amount" in values:
        amount = _decimal(values["cost_amount"], _("The cost"), 0, 10**12)
        if amount is not None:
            amount = amount.quantize(Decimal("0.01"))
        if version.cost_amount != amount:
            version.cost_amount = amount
            changed.append("cost_amount")
    if "latitude" in values or "longitude" in values:
        lat, lon = clean_coordinates(values.get("latitude"), values.get("longitude"))
        if (version.latitude, version.longitude) != (lat, lon):
            version.latitude, version.longitude = lat, lon
            changed.append("coordinates")
    if "country" in values:
        country = values["country"]
        if getattr(country, "pk", country) != version.country_id:
            version.country = country
            changed.append("country")
    if not version.pk:
        version.save()
    else:
        version.save()
    for name in RELATION_FIELDS:
        if name in values:
            getattr(version, name).set(list(values[name] or []))
            changed.append(name)
    return changed


def _new_blocks(blocks: Iterable[dict[str, str]], actor: Any, language: str) -> list[BuildingBlock]:
    """Building blocks typed with the practice (title, description, enabling factors)."""
    made = []
    for block in blocks:
        title = str(block.get("title", "")).strip()
        if not title:
            continue
        texts = {}
        for name in ("title", "description", "enabling_factors"):
            text = str(block.get(name, "") or "").strip()
            field = BuildingBlock._meta.get_field(name)
            check_text(text, field.max_text_length, what=str(field.verbose_name).capitalize())
            texts[name] = {language: text} if text else {}
        made.append(BuildingBlock.objects.create(original_language=language, created_by=actor, **texts))
    return made


@transaction.atomic
def create_practice(
    actor: Any,
    values: dict[str, Any],
    *,
    language: str,
    new_blocks: Iterable[dict[str, str]] = (),
    contact_organisation: Any = None,
    inspired_by: Iterable[Practice] = (),
    is_demo: bool = False,
    imported: bool = False,
) -> Practice:
    """A new practice with its first version as a draft only its contributor (and reviewers) can see."""
    practice = Practice.objects.create(
        created_by=actor, contact_person=actor, contact_organisation=contact_organisation, is_demo=is_demo
    )
    version = PracticeVersion(practice=practice, number=1, original_language=language, created_by=actor)
    _apply(version, values, language)
    blocks = _new_blocks(new_blocks, actor, language)
    if blocks:
        version.building_blocks.add(*blocks)
    if inspired_by:
        practice.inspired_by.set([p for p in inspired_by if p.pk != practice.pk])
    action = KnowledgeAction.PRACTICE_IMPORTED if imported else KnowledgeAction.PRACTICE_CREATED
    record(actor, action, practice, {"version": version.pk})
    return practice


def _locked(version: PracticeVersion) -> PracticeVersion:
    return PracticeVersion.objects.select_for_update().get(pk=version.pk)


@transaction.atomic
def update_version(
    version: PracticeVersion,
    actor: Any,
    values: dict[str, Any],
    *,
    language: str,
    new_blocks: Iterable[dict[str, str]] = (),
    inspired_by: Iterable[Practice] | None = None,
    contact_organisation: Any = ...,
) -> PracticeVersion:
    """Change the working version (a draft or returned one; reviewers also while it is in review)."""
    version = _locked(version)
    if not version.is_open:
        raise ValidationError(_("This version is published and can no longer change; start a new version."))
    changed = _apply(version, values, language)
    blocks = _new_blocks(new_blocks, actor, language)
    if blocks:
        version.building_blocks.add(*blocks)
        changed.append("building_blocks")
    practice = version.practice
    if inspired_by is not None:
        practice.inspired_by.set([p for p in inspired_by if p.pk != practice.pk])
    if contact_organisation is not ...:
        practice.contact_organisation = contact_organisation
        practice.save(update_fields=["contact_organisation"])
    record(actor, KnowledgeAction.PRACTICE_CHANGED, version, {"fields": sorted(set(changed))})
    return version


@transaction.atomic
def start_new_version(practice: Practice, actor: Any) -> PracticeVersion:
    """A new draft copied from the published version; the published one stays visible until this is published.

    Starting twice returns the version already being written."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    working = practice.working
    if working is not None:
        return working
    source = practice.current
    if source is None:
        raise ValidationError(_("This practice has no published version yet."))
    number = (practice.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    copy = PracticeVersion.objects.get(pk=source.pk)
    copy.pk = None
    copy.id = None
    copy._state.adding = True
    copy.number = number
    copy.status = PracticeVersion.Status.DRAFT
    copy.created_by = actor
    copy.published_by = None
    copy.published_at = None
    copy.submitted_at = None
    copy.created_at = timezone.now()
    copy.save()
    for name in RELATION_FIELDS:
        getattr(copy, name).set(getattr(source, name).all())
    for photo in source.photos.all():
        photo.pk = None
        photo.id = None
        photo._state.adding = True
        photo.version = copy
        photo.save()
    record(actor, KnowledgeAction.PRACTICE_NEW_VERSION, copy, {"number": number, "from": source.number})
    return copy


def _comment(version: PracticeVersion, actor: Any, kind: str, text: str) -> ReviewComment | None:
    text = (text or "").strip()
    check_text(text, 5000, what=_("The comment"))
    if not text and kind == ReviewComment.Kind.COMMENT:
        return None
    return ReviewComment.objects.create(version=version, author=actor, kind=kind, text=text)


def _expect(version: PracticeVersion, statuses: Iterable[str]) -> None:
    if version.status not in statuses:
        raise ValidationError(
            _("This version is “%(status)s”; that step is not possible now.") % {"status": version.get_status_display()}
        )


@transaction.atomic
def submit(version: PracticeVersion, actor: Any, comment: str = "") -> PracticeVersion:
    """The contributor sends the version to the reviewers. Side effects: ``knowledge.submitted`` to reviewers."""
    version = _locked(version)
    _expect(version, PracticeVersion.EDITABLE)
    version.status = PracticeVersion.Status.SUBMITTED
    version.submitted_at = timezone.now()
    version.save(update_fields=["status", "submitted_at", "updated_at"])
    _comment(version, actor, ReviewComment.Kind.SUBMITTED, comment)
    record(actor, KnowledgeAction.PRACTICE_SUBMITTED, version, {"number": version.number})
    notify.emit("knowledge.submitted", version, actor=actor, recipients=people_with_role(HubRole.Role.REVIEWER))
    return version


@transaction.atomic
def add_comment(version: PracticeVersion, actor: Any, text: str) -> ReviewComment:
    if not (text or "").strip():
        raise ValidationError(_("Write a comment."))
    comment = _comment(version, actor, ReviewComment.Kind.COMMENT, text)
    record(actor, KnowledgeAction.PRACTICE_COMMENTED, version, {"comment": comment.pk})
    return comment


@transaction.atomic
def return_to_contributor(version: PracticeVersion, actor: Any, comment: str) -> PracticeVersion:
    """A reviewer or publisher sends the version back with a comment the contributor sees.
    Side effects: ``knowledge.returned`` to the contributor."""
    if not (comment or "").strip():
        raise ValidationError(_("Say what the contributor should change."))
    version = _locked(version)
    _expect(version, ("submitted", "reviewed"))
    version.status = PracticeVersion.Status.RETURNED
    version.save(update_fields=["status", "updated_at"])
    _comment(version, actor, ReviewComment.Kind.RETURNED, comment)
    record(actor, KnowledgeAction.PRACTICE_RETURNED, version, {"number": version.number})
    contributor = version.practice.created_by_id
    notify.emit(
        "knowledge.returned",
        version,
        actor=actor,
        params={"comment": comment.strip()[:1000]},
        recipients=[contributor] if contributor else [],
    )
    return version


@transaction.atomic
def pass_to_publisher(version: PracticeVersion, actor: Any, comment: str = "") -> PracticeVersion:
    """A reviewer finds the version ready. Side effects: ``knowledge.passed`` to publishers."""
    version = _locked(version)
    _expect(version, ("submitted",))
    version.status = PracticeVersion.Status.REVIEWED
    version.save(update_fields=["status", "updated_at"])
    _comment(version, actor, ReviewComment.Kind.PASSED, comment)
    record(actor, KnowledgeAction.PRACTICE_PASSED, version, {"number": version.number})
    notify.emit(
        "knowledge.passed",
        version,
        actor=actor,
        params={"comment": (comment or "").strip()[:1000]},
        recipients=people_with_role(HubRole.Role.PUBLISHER),
    )
    return version


@transaction.atomic
def publish(version: PracticeVersion, actor: Any, comment: str = "") -> PracticeVersion:
    """A publisher publishes a reviewed (or submitted) version; the earlier published one is kept as superseded.
    Side effects: ``knowledge.published`` to the contributor and to followers of the practice, its themes and
    country and of the knowledge stream; the search index is refreshed."""
    version = _locked(version)
    _expect(version, ("submitted", "reviewed"))
    practice = Practice.objects.select_for_update().get(pk=version.practice_id)
    previous = practice.current
    now = timezone.now()
    if previous is not None:
        PracticeVersion.objects.filter(pk=previous.pk).update(status=PracticeVersion.Status.SUPERSEDED)
    version.status = PracticeVersion.Status.PUBLISHED
    version.published_at = now
    version.published_by = actor
    version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    practice.current = version
    practice.save(update_fields=["current"])
    _comment(version, actor, ReviewComment.Kind.PUBLISHED, comment)
    record(actor, KnowledgeAction.PRACTICE_PUBLISHED, version, {"number": version.number})
    from kurultai.knowledge.notifications import topics_of_version

    contributor = practice.created_by_id
    notify.emit(
        "knowledge.published",
        version,
        actor=actor,
        topics=topics_of_version(version),
        recipients=[contributor] if contributor else [],
    )
    from kurultai.core import search

    transaction.on_commit(lambda: search.enqueue({"practice": [practice.pk]}))
    return version


# --- Photos ------------------------------------------------------------------------------------------------------


def check_photo(upload: Any) -> str:
    """The photo's content type by its first bytes (PNG, JPEG, WebP), or a ValidationError saying why not."""
    if upload is None:
        raise ValidationError(_("Choose a photo."))
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("Photos may be at most 8 MB."), code="too_large")
    head = upload.read(12)
    upload.seek(0)
    if head.startswith(b"\x89PNG"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    raise ValidationError(_("A photo must be a JPEG, PNG or WebP image."), code="bad_type")


def _resized(data: bytes, content_type: str) -> tuple[bytes, str, int, int]:
    """The photo at most ``PHOTO_EDGE`` pixels on its longer side, without its metadata (location, camera)."""
    try:
        from PIL import Image, ImageOps
    except ImportError:  # Pillow is optional: keep the checked original
        return data, content_type, 0, 0
    Image.MAX_IMAGE_PIXELS = 40_000_000
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            image.thumbnail((PHOTO_EDGE, PHOTO_EDGE))
            out = io.BytesIO()
            if image.mode in ("RGBA", "LA", "P") and content_type == "image/png":
                image.save(out, "PNG", optimize=True)
                kind = "image/png"
            else:
                image.convert("RGB").save(out, "JPEG", quality=82, optimize=True, progressive=True)
                kind = "image/jpeg"
            return out.getvalue(), kind, image.width, image.height
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(_("The photo could not be read; is the file damaged?"), code="unreadable") from None


@transaction.atomic
def add_photo(owner: PracticeVersion | DemoSite, upload: Any, alt: str, actor: Any) -> Photo:
    """A checked, resized photo with its description for people who cannot see it."""
    alt = (alt or "").strip()
    if not alt:
        raise ValidationError(_("Describe the photo for people who cannot see it."))
    check_text(alt, 300, what=_("The description"))
    content_type = check_photo(upload)
    data, content_type, width, height = _resized(upload.read(), content_type)
    link = {"version": owner} if isinstance(owner, PracticeVersion) else {"site": owner}
    if Photo.objects.filter(**link).count() >= PHOTOS_PER_ITEM:
        raise ValidationError(_("At most %(count)d photos.") % {"count": PHOTOS_PER_ITEM})
    photo = Photo(alt=alt, content_type=content_type, width=width, height=height, size=len(data), **link)
    photo.image.save("photo", ContentFile(data), save=False)
    photo.save()
    record(actor, KnowledgeAction.PHOTO_ADDED, photo, {"owner": owner._meta.label, "id": owner.pk})
    return photo


# --- Messages through the platform -------------------------------------------------------------------------------


def _recent(queryset: Any, field: str, user: Any) -> int:
    since = timezone.now() - dt.timedelta(days=1)
    return queryset.filter(**{field: user, "created_at__gte": since}).count()


def _org_admins(organisation: Any) -> list[int]:
    if organisation is None:
        return []
    from kurultai.organisations.models import Membership

    return list(
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.APPROVED, role=Membership.Role.ADMIN
        ).values_list("user_id", flat=True)
    )


def _clean_message(text: str) -> str:
    text = (text or "").strip()
    if len(text) < 10:
        raise ValidationError(_("Write a few words (at least 10 characters)."))
    return check_text(text, 3000, what=_("The message"))


@transaction.atomic
def contact_practice(practice: Practice, sender: Any, text: str) -> ContactMessage:
    """A message to the practice's contact person and its organisation's administrators, by notification; their
    addresses are never shown. Side effects: ``knowledge.contact``."""
    text = _clean_message(text)
    if _recent(ContactMessage.objects, "sender", sender) >= MESSAGES_PER_DAY:
        raise ValidationError(_("You have sent many messages today; please try again tomorrow."), code="rate")
    recipients = set(_org_admins(practice.contact_organisation))
    if practice.contact_person_id:
        recipients.add(practice.contact_person_id)
    recipients.discard(sender.pk)
    if not recipients:
        raise ValidationError(_("Nobody can receive messages about this practice at the moment."))
    message = ContactMessage.objects.create(practice=practice, sender=sender, text=text)
    record(sender, KnowledgeAction.CONTACTED, practice, {"message": message.pk})
    notify.emit(
        "knowledge.contact",
        practice,
        actor=sender,
        params={"sender": sender.get_full_name() or sender.get_username(), "text": text},
        recipients=sorted(recipients),
    )
    return message


@transaction.atomic
def request_visit(site: DemoSite, requester: Any, *, when: str, group_size: int, message: str) -> VisitRequest:
    """A visit request reaches the host organisation's administrators by notification (at most three a day per
    person). Side effects: ``knowledge.visit``."""
    message = _clean_message(message)
    when = check_text((when or "").strip(), 200, what=_("The date"))
    if not when:
        raise ValidationError(_("Say when you would like to come."))
    if not isinstance(group_size, int) or not 1 <= group_size <= 500:
        raise ValidationError(_("The number of visitors must be between 1 and 500."))
    if _recent(VisitRequest.objects, "requester", requester) >= VISITS_PER_DAY:
        raise ValidationError(_("You have sent many visit requests today; please try again tomorrow."), code="rate")
    recipients = [pk for pk in _org_admins(site.host) if pk != requester.pk]
    if not recipients:
        raise ValidationError(_("The host organisation cannot receive requests at the moment."))
    visit = VisitRequest.objects.create(
        site=site, requester=requester, when=when, group_size=group_size, message=message
    )
    record(requester, KnowledgeAction.VISIT_REQUESTED, site, {"request": visit.pk})
    notify.emit(
        "knowledge.visit",
        site,
        actor=requester,
        params={
            "sender": requester.get_full_name() or requester.get_username(),
            "text": message,
            "when": when,
            "group_size": group_size,
        },
        recipients=recipients,
    )
    return visit


# --- Demonstration sites -----------------------------------------------------------------------------------------

SITE_TEXT = ("name", "directions", "what_to_see")


@transaction.atomic
def save_site(site: DemoSite | None, actor: Any, values: dict[str, Any], *, language: str) -> DemoSite:
    """Create or change a demonstration site (publishers). Side effects: the search index is refreshed."""
    site = (
        DemoSite.objects.select_for_update().get(pk=site.pk)
        if site is not None
        else DemoSite(created_by=actor, original_language=language)
    )
    for name in SITE_TEXT:
        if name in values:
            text = str(values[name] or "").strip()
            field = DemoSite._meta.get_field(name)
            check_text(text, field.max_text_length, what=str(field.verbose_name).capitalize())
            texts = dict(coerce(getattr(site, name)))
            if text:
                texts[language] = text
            else:
                texts.pop(language, None)
            setattr(site, name, texts)
    if not coerce(site.name).texts():
        raise ValidationError(_("A demonstration site needs a name."))
    for name in ("host", "country", "practice", "status", "is_demo"):
        if name in values:
            setattr(site, name, values[name])
    if "region" in values:
        site.region = check_text(str(values["region"] or "").strip(), 200)
    if "latitude" in values or "longitude" in values:
        site.latitude, site.longitude = clean_coordinates(values.get("latitude"), values.get("longitude"))
    if site.status not in DemoSite.Status.values:
        raise ValidationError(_("Unknown status."))
    if site.status == DemoSite.Status.PUBLISHED and site.published_at is None:
        site.published_at = timezone.now()
    site.save()
    if "themes" in values:
        site.themes.set(list(values["themes"] or []))
    record(actor, KnowledgeAction.SITE_SAVED, site, {"status": site.status})
    from kurultai.core import search

    pk = site.pk
    transaction.on_commit(lambda: search.enqueue({"demonstration_site": [pk]}))
    return site


PROPOSALS_WAITING = 5


def _represents(user: Any, organisation: Any) -> bool:
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(user=user, organisation=organisation, status=Membership.Status.APPROVED).exists()


def propose_site(actor: Any, values: dict[str, Any], *, language: str) -> DemoSite:
    """A representative of an organisation proposes a demonstration site it hosts; the site stays private until a
    publisher decides. Side effects: ``knowledge.site_proposed`` to the hub's publishers."""
    host = values.get("host")
    if host is None or not _represents(actor, host):
        raise ValidationError(_("Only representatives of the host organisation can propose its sites."))
    waiting = DemoSite.objects.filter(created_by=actor, status=DemoSite.Status.PROPOSED).count()
    if waiting >= PROPOSALS_WAITING:
        raise ValidationError(
            _("You have %(count)d proposals waiting for a publisher; please wait for their answer.")
            % {"count": waiting},
            code="rate",
        )
    allowed = {k: v for k, v in values.items() if k not in ("status", "is_demo")}
    with transaction.atomic():
        site = save_site(None, actor, {**allowed, "status": DemoSite.Status.PROPOSED}, language=language)
        record(actor, KnowledgeAction.SITE_PROPOSED, site, {"host": host.pk})
        notify.emit(
            "knowledge.site_proposed",
            site,
            actor=actor,
            params={"host": str(host.name)},
            recipients=[pk for pk in people_with_role(HubRole.Role.PUBLISHER) if pk != actor.pk],
        )
    return site


@transaction.atomic
def decide_site(site: DemoSite, actor: Any, *, publish: bool, note: str = "") -> DemoSite:
    """A publisher publishes a proposed site or declines it with a reason the proposer reads.
    Side effects: ``knowledge.site_decided`` to the proposer; the search index is refreshed."""
    site = DemoSite.objects.select_for_update().get(pk=site.pk)
    if site.status != DemoSite.Status.PROPOSED:
        raise ValidationError(_("This site is not waiting for a decision."), code="state")
    note = check_text((note or "").strip(), 3000, what=_("The reason"))
    if not publish and not note:
        raise ValidationError(_("Say why the site is not accepted, so that its host can answer."))
    site.status = DemoSite.Status.PUBLISHED if publish else DemoSite.Status.DECLINED
    site.decided_by = actor
    site.decision_note = note
    if publish:
        site.published_at = timezone.now()
    site.save(update_fields=["status", "decided_by", "decision_note", "published_at", "updated_at"])
    action = KnowledgeAction.SITE_PUBLISHED if publish else KnowledgeAction.SITE_DECLINED
    record(actor, action, site, {"status": site.status})
    notify.emit(
        "knowledge.site_decided",
        site,
        actor=actor,
        params={"published": publish, "note": note[:1000]},
        recipients=[site.created_by_id] if site.created_by_id and site.created_by_id != actor.pk else [],
    )
    from kurultai.core import search

    pk = site.pk
    transaction.on_commit(lambda: search.enqueue({"demonstration_site": [pk]}))
    return site


def import_practice(actor: Any, upload: Any, *, language: str) -> Practice:
    """A draft from a filled-in DOCX template; a template that does not match raises a ValidationError listing
    what is missing."""
    from kurultai.knowledge.documents import read_template

    values, blocks = read_template(upload)
    return create_practice(actor, values, language=language, new_blocks=blocks, imported=True)
