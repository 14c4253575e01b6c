"""What people follow in the opportunities app (the "opportunities" stream, single opportunities) and the news it
sends: published opportunities to followers, conversation and consortium messages to the people concerned."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.models import Country
from kurultai.core.text import plain_excerpt
from kurultai.notifications.models import Event
from kurultai.notifications.registry import (
    Dimension,
    EventType,
    Followable,
    Message,
    Stream,
    dimensions,
    events,
    followables,
    streams,
)
from kurultai.opportunities.models import ApplicantType, Kind, Opportunity


def topics_of(opportunity: Opportunity) -> dict[str, list[Any]]:
    """Who hears of an opportunity: its stream, countries (every country for a global one), themes, kind."""
    if opportunity.is_global:
        countries = list(Country.objects.exclude(region=Country.Region.EU_MEMBER).values_list("code", flat=True))
    else:
        countries = [c.code for c in opportunity.eligible_countries.all()]
    return {
        "stream": ["opportunities"],
        "opportunity": [opportunity.pk],
        "country": countries,
        "theme": [t.slug for t in opportunity.themes.all()],
        "instrument": [opportunity.kind],
        "applicant_type": opportunity.applicant_type_list,
    }


def _published(event: Event) -> Message:
    opportunity = event.target
    if opportunity is None:
        return Message(title=_("A new opportunity"))
    parts = [str(opportunity.get_kind_display())]
    if opportunity.donor_id:
        parts.append(str(opportunity.donor))
    if opportunity.deadline:
        local = opportunity.local_deadline
        parts.append(
            _("deadline %(date)s (%(zone)s)")
            % {"date": date_format(local, "DATETIME_FORMAT"), "zone": opportunity.time_zone.split("/")[-1]}
        )
    text = " · ".join(parts) + "\n" + plain_excerpt(str(opportunity.summary), 300)
    return Message(title=str(opportunity.title), text=text[:500], path=opportunity.get_absolute_url())


def _message(event: Event) -> Message:
    message = event.target
    if message is None:
        return Message(title=_("A new message about a partner request"))
    return Message(
        title=_("%(organisation)s wrote about “%(title)s”")
        % {"organisation": message.organisation, "title": message.interest.request.title},
        text=plain_excerpt(message.text),
        path=reverse("opportunities:conversation", kwargs={"pk": message.interest_id}),
    )


def _consortium(event: Event) -> Message:
    consortium = event.target
    if consortium is None:
        return Message(title=_("News from a consortium"))
    what = event.params.get("what", "")
    titles = {
        "invited": _("%(organisation)s is invited to the consortium “%(name)s”"),
        "confirmed": _("%(organisation)s confirmed its place in “%(name)s”"),
        "withdrawn": _("%(organisation)s withdrew from “%(name)s”"),
        "comment": _("%(organisation)s commented on the proposal of “%(name)s”"),
    }
    template = titles.get(what, _("News from the consortium “%(name)s”"))
    title = template % {"organisation": event.params.get("organisation", ""), "name": consortium.name}
    return Message(title=title, text=str(event.params.get("text", ""))[:300], path=consortium.get_absolute_url())


followables.register(
    Followable(
        kind="opportunity",
        label=gettext_lazy("Opportunity"),
        model=Opportunity,
        visible=lambda qs: qs.published(),
    )
)
streams.register(
    Stream(
        key="opportunities",
        label=gettext_lazy("Funding and other opportunities"),
        dimensions=("country", "theme", "instrument", "applicant_type"),
    )
)
dimensions.register(
    Dimension(key="instrument", label=gettext_lazy("Kinds of opportunity"), choices=lambda: list(Kind.choices))
)
dimensions.register(
    Dimension(key="applicant_type", label=gettext_lazy("Open to"), choices=lambda: list(ApplicantType.choices))
)
events.register(
    EventType("opportunities.published", gettext_lazy("New opportunity published"), _published, public=True)
)
events.register(EventType("opportunities.message", gettext_lazy("Message about a partner request"), _message))
events.register(EventType("opportunities.consortium", gettext_lazy("News from a consortium"), _consortium))
