"""What people follow in the directory (an organisation), and the news it sends to the people concerned."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.multilingual import coerce
from kurultai.core.text import plain_excerpt
from kurultai.notifications.models import Event
from kurultai.notifications.registry import EventType, Followable, Message, events, followables
from kurultai.organisations.models import Organisation


def _membership_requested(event: Event) -> Message:
    membership = event.target
    if membership is None:
        return Message(title=_("A request to represent an organisation"))
    organisation = membership.organisation
    return Message(
        title=_("%(person)s asks to represent %(organisation)s")
        % {"person": membership.user.public_name, "organisation": organisation},
        text=_("Approve or decline the request on the organisation's members page."),
        path=reverse("organisations:members", kwargs={"slug": organisation.slug}),
    )


def _membership_decided(event: Event) -> Message:
    membership = event.target
    if membership is None:
        return Message(title=_("Your request to represent an organisation"))
    organisation = membership.organisation
    if event.params.get("approved"):
        title = _("You now represent %(organisation)s") % {"organisation": organisation}
    else:
        title = _("Your request to represent %(organisation)s was declined") % {"organisation": organisation}
    return Message(title=title, path=organisation.get_absolute_url())


def _interest(event: Event) -> Message:
    interest = event.target
    if interest is None:
        return Message(title=_("An answer to your partner request"))
    return Message(
        title=_("%(organisation)s is interested in “%(title)s”")
        % {"organisation": interest.organisation, "title": interest.request.title},
        text=plain_excerpt(interest.message),
        path=interest.request.get_absolute_url(),
    )


followables.register(
    Followable(kind="organisation", label=gettext_lazy("Organisation"), model=Organisation, key_field="slug")
)
events.register(
    EventType(
        "organisations.membership_requested",
        gettext_lazy("Request to represent an organisation"),
        _membership_requested,
    )
)
events.register(
    EventType(
        "organisations.membership_decided", gettext_lazy("Decision on a request to represent"), _membership_decided
    )
)
events.register(EventType("organisations.partner_interest", gettext_lazy("Answer to a partner request"), _interest))


def _proposed(event: Event) -> Message:
    organisation = event.target
    name = organisation.name if organisation is not None else coerce(event.params.get("name"))
    return Message(
        title=_("A member proposes a new organisation: %(organisation)s") % {"organisation": name},
        text=_("Accept or decline it on the page of proposed organisations."),
        path=reverse("organisations:proposals"),
    )


def _proposal_decided(event: Event) -> Message:
    name = coerce(event.params.get("name"))
    if event.params.get("accepted") and event.target is not None:
        return Message(
            title=_("%(organisation)s is now listed, with you as its administrator") % {"organisation": name},
            path=event.target.get_absolute_url(),
        )
    return Message(
        title=_("Your proposal of %(organisation)s was declined") % {"organisation": name},
        path=reverse("organisations:directory"),
    )


events.register(EventType("organisations.proposed", gettext_lazy("Proposed organisation"), _proposed))
events.register(
    EventType("organisations.proposal_decided", gettext_lazy("Decision on a proposed organisation"), _proposal_decided)
)
