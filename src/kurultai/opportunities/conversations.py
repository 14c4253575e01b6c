"""Partner searches tied to an opportunity, and the conversation that follows an expression of interest.

An expression of interest (``organisations.PartnerInterest``) opens a conversation between the requesting and the
answering organisation: both sides' representatives read and write it on the platform, and hear of new messages
by email and Telegram; nobody's address is shown to the other side. It serves plain partner requests and
opportunity-linked ones alike.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.notifications.services import emit
from kurultai.opportunities.audit import OpportunityAction
from kurultai.opportunities.models import ConversationMessage, Opportunity, PartnerSearch
from kurultai.organisations.models import Organisation, PartnerInterest, PartnerRequest
from kurultai.organisations.services import post_partner_request, representatives


@transaction.atomic
def post_partner_search(
    actor: Any,
    opportunity: Opportunity,
    organisation: Organisation,
    *,
    role: str,
    direction: str,
    title: str,
    purpose: str,
    expertise: str = "",
    countries: Any = (),
    deadline: Any = None,
    language: str = "en",
) -> PartnerSearch:
    """A representative posts "looking for partners" for an open opportunity (a partner request in the directory,
    linked to the opportunity with the role offered or sought). Side effects: audit entries."""
    if not actor.has_perm("opportunities.post_partner_search", organisation):
        raise PermissionDenied
    if not opportunity.is_open:
        raise ValidationError(_("This opportunity is no longer open."))
    partner_request = post_partner_request(
        actor,
        organisation,
        title={language: title},
        purpose={language: purpose},
        themes=list(opportunity.themes.all()),
        countries=countries,
        deadline=deadline,
        original_language=language,
    )
    search = PartnerSearch(
        request=partner_request, opportunity=opportunity, role=role, direction=direction, expertise=expertise
    )
    search.full_clean(exclude=["request", "opportunity"])
    search.save()
    record(actor, OpportunityAction.PARTNER_SEARCH_POSTED, search, {"opportunity": opportunity.pk})
    return search


def sides(interest: PartnerInterest) -> tuple[Organisation, Organisation]:
    """(requesting organisation, answering organisation)."""
    return interest.request.organisation, interest.organisation


def acting_side(user: Any, interest: PartnerInterest) -> Organisation:
    """The side a person writes for (the requester when they represent both)."""
    from kurultai.opportunities.selectors import represented_ids

    mine = set(represented_ids(user))
    requester, answerer = sides(interest)
    if requester.pk in mine:
        return requester
    if answerer.pk in mine:
        return answerer
    raise PermissionDenied


@transaction.atomic
def send_message(actor: Any, interest: PartnerInterest, text: str) -> ConversationMessage:
    """Write to the other organisation; its representatives are told by email and Telegram.

    Side effects: an audit entry; the "opportunities.message" event to the other side's representatives.
    """
    if not actor.has_perm("opportunities.view_conversation", interest):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a message.")})
    if len(text) > 3000:
        raise ValidationError({"text": _("A message may be at most 3000 characters long.")})
    side = acting_side(actor, interest)
    requester, answerer = sides(interest)
    other = answerer if side.pk == requester.pk else requester
    message = ConversationMessage.objects.create(interest=interest, organisation=side, author=actor, text=text)
    record(actor, OpportunityAction.MESSAGE_SENT, message, {"interest": interest.pk, "organisation": side.pk})
    emit("opportunities.message", message, actor=actor, recipients=representatives(other))
    return message


def conversation(interest: PartnerInterest) -> list[Any]:
    """The expression of interest followed by every message, in order."""
    return list(interest.conversation.select_related("organisation", "author"))


def conversations_of(user: Any) -> list[PartnerInterest]:
    """Every expression of interest one of the person's organisations sent or received, latest first."""
    from django.db.models import Max, Q

    from kurultai.opportunities.selectors import represented_ids

    ids = represented_ids(user)
    if not ids:
        return []
    return list(
        PartnerInterest.objects.filter(Q(organisation_id__in=ids) | Q(request__organisation_id__in=ids))
        .select_related("organisation", "request", "request__organisation")
        .annotate(last=Max("conversation__created_at"))
        .order_by("-created_at")[:100]
    )


def partner_searches_for(opportunity: Opportunity) -> list[PartnerSearch]:
    return list(
        PartnerSearch.objects.filter(opportunity=opportunity, request__status=PartnerRequest.Status.OPEN)
        .select_related("request", "request__organisation")
        .order_by("-request__created_at")
    )
