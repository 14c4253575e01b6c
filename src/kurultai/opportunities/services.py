"""State changes of opportunities: proposing, reviewing, publishing, expiring, saving.

Feed import lives in ``importer.py``, partner conversations in ``conversations.py``, consortia in ``consortia.py``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.core.folding import fold
from kurultai.notifications.services import emit
from kurultai.opportunities.audit import OpportunityAction
from kurultai.opportunities.models import ApplicantType, Opportunity, SavedOpportunity

logger = logging.getLogger(__name__)

# ISO 4217 codes donors in the region use; anything else is refused rather than guessed.
CURRENCIES = (
    "EUR USD GBP CHF SEK NOK DKK PLN CZK HUF JPY CNY KRW CAD AUD TRY RUB KZT KGS TJS TMT UZS AFN INR PKR AED SAR"
).split()
# Where the readers of the platform live; a deadline is shown on each of these clocks.
READER_ZONES = (
    "Asia/Almaty",
    "Asia/Bishkek",
    "Asia/Dushanbe",
    "Asia/Ashgabat",
    "Asia/Tashkent",
    "Asia/Kabul",
)
SIMILAR_TITLE = 0.85
SCALARS = (
    "kind",
    "stage",
    "donor",
    "programme",
    "identifier",
    "title",
    "summary",
    "is_global",
    "applicant_types",
    "eligibility_notes",
    "amount_min",
    "amount_max",
    "currency",
    "total_budget",
    "cofinancing_percent",
    "duration_months",
    "opens_on",
    "deadline",
    "time_zone",
    "deadline_model",
    "languages",
    "partners_required",
    "how_to_apply",
    "url",
    "original_language",
    "is_demo",
)
RELATIONS = ("eligible_countries", "themes", "sdgs")


def valid_zone(name: str) -> bool:
    if name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_to_aware(day: dt.date, time: dt.time | None, zone_name: str) -> dt.datetime:
    """A deadline typed on the donor's clock, as an aware date-time (17:00 when no time is given)."""
    return dt.datetime.combine(day, time or dt.time(17, 0), tzinfo=ZoneInfo(zone_name))


def check_values(values: dict[str, Any]) -> None:
    """Refuse impossible combinations with messages naming the field (nothing is written)."""
    errors: dict[str, list[str]] = {}
    low, high = values.get("amount_min"), values.get("amount_max")
    if low is not None and high is not None and Decimal(low) > Decimal(high):
        errors.setdefault("amount_max", []).append(_("The largest amount is smaller than the smallest."))
    for name in ("amount_min", "amount_max", "total_budget"):
        if values.get(name) is not None and Decimal(values[name]) < 0:
            errors.setdefault(name, []).append(_("An amount cannot be negative."))
    currency = (values.get("currency") or "").upper()
    if currency and currency not in CURRENCIES:
        errors.setdefault("currency", []).append(
            _("Unknown currency “%(code)s”; use an ISO code such as EUR, USD or KZT.") % {"code": currency[:10]}
        )
    if (low is not None or high is not None or values.get("total_budget") is not None) and not currency:
        errors.setdefault("currency", []).append(_("Give the currency of the amounts."))
    percent = values.get("cofinancing_percent")
    if percent is not None and not 0 <= int(percent) <= 100:
        errors.setdefault("cofinancing_percent", []).append(_("Co-financing is a percentage from 0 to 100."))
    zone = values.get("time_zone")
    if zone is not None and not valid_zone(zone):
        errors.setdefault("time_zone", []).append(_("Unknown time zone; use a name such as Europe/Brussels."))
    deadline = values.get("deadline")
    if deadline is not None and timezone.is_naive(deadline):
        errors.setdefault("deadline", []).append(_("The deadline needs a time zone."))
    unknown = set((values.get("applicant_types") or "").split()) - set(ApplicantType.values)
    if unknown:
        errors.setdefault("applicant_types", []).append(_("Unknown organisation type."))
    if errors:
        raise ValidationError(errors)


def _apply(opportunity: Opportunity, values: dict[str, Any]) -> list[str]:
    values = dict(values)
    if values.get("currency"):
        values["currency"] = values["currency"].upper()
    check_values({**{f: getattr(opportunity, f, None) for f in SCALARS if f != "donor"}, **values})
    changed = []
    for name in SCALARS:
        if name in values:
            setattr(opportunity, name, values[name])
            changed.append(name)
    return changed


def _set_relations(opportunity: Opportunity, values: dict[str, Any]) -> None:
    for name in RELATIONS:
        if name in values:
            getattr(opportunity, name).set(values[name] or [])


@transaction.atomic
def propose_opportunity(actor: Any, **values: Any) -> Opportunity:
    """A member proposes an opportunity; it waits for an editor. Side effects: an audit entry."""
    if not actor.has_perm("opportunities.propose_opportunity"):
        raise PermissionDenied
    opportunity = Opportunity(proposed_by=actor, status=Opportunity.Status.PROPOSED)
    opportunity.original_language = (translation.get_language() or "en").split("-")[0]
    _apply(opportunity, values)
    opportunity.full_clean(exclude=["donor", "proposed_by", "reviewed_by", "feed"])
    opportunity.save()
    _set_relations(opportunity, values)
    record(actor, OpportunityAction.PROPOSED, opportunity)
    return opportunity


@transaction.atomic
def update_opportunity(actor: Any, opportunity: Opportunity, **values: Any) -> Opportunity:
    """An editor corrects an opportunity (draft or published). Side effects: an audit entry."""
    if not actor.has_perm("opportunities.review_opportunity", opportunity):
        raise PermissionDenied
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    changed = _apply(opportunity, values)
    if opportunity.status == Opportunity.Status.PUBLISHED:
        _check_publishable(opportunity)
        if opportunity.expired_at and opportunity.deadline and opportunity.deadline > timezone.now():
            opportunity.expired_at = None  # a deadline moved later reopens it
    opportunity.full_clean(exclude=["donor", "proposed_by", "reviewed_by", "feed"])
    opportunity.save()
    _set_relations(opportunity, values)
    record(actor, OpportunityAction.CHANGED, opportunity, {"fields": changed + [r for r in RELATIONS if r in values]})
    return opportunity


def _norm(title: Any) -> str:
    texts = title.texts() if hasattr(title, "texts") else {"": str(title)}
    return " ".join(fold(" ".join(texts.values())).split())


def find_duplicates(opportunity: Opportunity) -> list[Opportunity]:
    """Other live items with the same source id, or a similar title from the same donor."""
    others = Opportunity.objects.exclude(pk=opportunity.pk).exclude(status=Opportunity.Status.REJECTED)
    found: dict[int, Opportunity] = {}
    if opportunity.source_id:
        for other in others.filter(source_id=opportunity.source_id):
            found[other.pk] = other
    if opportunity.identifier and opportunity.donor_id:
        for other in others.filter(identifier__iexact=opportunity.identifier, donor_id=opportunity.donor_id):
            found[other.pk] = other
    if opportunity.donor_id:
        mine = _norm(opportunity.title)
        for other in others.filter(donor_id=opportunity.donor_id).only("pk", "title", "status", "original_language"):
            if difflib.SequenceMatcher(None, mine, _norm(other.title)).ratio() >= SIMILAR_TITLE:
                found[other.pk] = other
    return sorted(found.values(), key=lambda o: o.pk)


def _check_publishable(opportunity: Opportunity) -> None:
    errors: dict[str, list[str]] = {}
    if not opportunity.donor_id:
        errors["donor"] = [_("Choose the donor from the directory before publishing.")]
    rolling = opportunity.deadline_model == Opportunity.DeadlineModel.ROLLING
    if opportunity.deadline is None and not rolling:
        errors["deadline"] = [_("Give the deadline, or choose the rolling deadline model.")]
    elif opportunity.deadline is not None and opportunity.deadline <= timezone.now():
        errors["deadline"] = [_("The deadline has already passed.")]
    if not str(opportunity.title).strip():
        errors["title"] = [_("Give a title.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def publish_opportunity(actor: Any, opportunity: Opportunity, *, allow_duplicate: bool = False) -> Opportunity:
    """An editor publishes a proposed or imported item after checking it is new and still open.

    Side effects: an audit entry; the "opportunities.published" event (followers, Telegram channels) after commit.
    """
    if not actor.has_perm("opportunities.review_opportunity", opportunity):
        raise PermissionDenied
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status == Opportunity.Status.PUBLISHED:
        return opportunity  # a second click
    _check_publishable(opportunity)
    duplicates = find_duplicates(opportunity)
    if duplicates and not allow_duplicate:
        raise ValidationError(
            _("This looks like an opportunity already listed: %(titles)s.")
            % {"titles": "; ".join(f"“{d.title}” (#{d.pk})" for d in duplicates[:3])},
            code="duplicate",
        )
    now = timezone.now()
    opportunity.status = Opportunity.Status.PUBLISHED
    opportunity.published_at = now
    opportunity.reviewed_by = actor
    opportunity.expired_at = None
    opportunity.save(update_fields=["status", "published_at", "reviewed_by", "expired_at", "updated_at"])
    record(actor, OpportunityAction.PUBLISHED, opportunity, {"duplicates": [d.pk for d in duplicates]})
    from kurultai.opportunities.notifications import topics_of

    emit("opportunities.published", opportunity, actor=actor, topics=topics_of(opportunity))
    return opportunity


@transaction.atomic
def reject_opportunity(actor: Any, opportunity: Opportunity, reason: str = "") -> Opportunity:
    """An editor turns a proposal down (kept for the record, never shown). Side effects: an audit entry."""
    if not actor.has_perm("opportunities.review_opportunity", opportunity):
        raise PermissionDenied
    if opportunity.status == Opportunity.Status.PUBLISHED:
        raise ValidationError(_("A published opportunity cannot be rejected."))
    opportunity.status = Opportunity.Status.REJECTED
    opportunity.reviewed_by = actor
    opportunity.rejection_reason = reason[:500]
    opportunity.save(update_fields=["status", "reviewed_by", "rejection_reason", "updated_at"])
    record(actor, OpportunityAction.REJECTED, opportunity)
    return opportunity


def expire_due(now: dt.datetime | None = None) -> int:
    """Published items whose deadline has passed leave the list and close; returns how many.

    Side effects: one audit entry per expired item.
    """
    now = now or timezone.now()
    due = Opportunity.objects.published().filter(expired_at__isnull=True, deadline__lte=now)
    count = 0
    for opportunity in due:
        with transaction.atomic():
            opportunity.expired_at = now
            if opportunity.stage in (Opportunity.Stage.OPEN, Opportunity.Stage.FORECAST):
                opportunity.stage = Opportunity.Stage.CLOSED
            opportunity.save(update_fields=["expired_at", "stage", "updated_at"])
            record(None, OpportunityAction.EXPIRED, opportunity)
        count += 1
    if count:
        logger.info("%d opportunities expired", count)
    return count


def toggle_saved(user: Any, opportunity: Opportunity) -> bool:
    """Save or unsave; returns whether it is saved now. Side effects: an audit entry."""
    if not user.has_perm("opportunities.save_opportunity") or not user.has_perm(
        "opportunities.view_opportunity", opportunity
    ):
        raise PermissionDenied
    with transaction.atomic():
        deleted, _rows = SavedOpportunity.objects.filter(user=user, opportunity=opportunity).delete()
        if deleted:
            record(user, OpportunityAction.UNSAVED, opportunity)
            return False
        try:
            with transaction.atomic():
                SavedOpportunity.objects.create(user=user, opportunity=opportunity)
        except IntegrityError:  # a double click saved it already
            return True
        record(user, OpportunityAction.SAVED, opportunity)
        return True


def review_queue() -> Any:
    """What editors still have to decide on, oldest first, imported and proposed alike."""
    return (
        Opportunity.objects.filter(status=Opportunity.Status.PROPOSED)
        .select_related("donor", "feed")
        .order_by("created_at", "pk")
    )
