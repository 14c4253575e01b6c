"""The Atom feed of published opportunities (optionally filtered like the list)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.opportunities.models import Opportunity
from kurultai.opportunities.selectors import filter_opportunities


class OpportunitiesFeed(AtomFeed):
    """Newly published opportunities, newest first; each is signed by its donor."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return request.GET

    def title(self, obj: Any) -> str:
        return _("Opportunities")

    def subtitle(self, obj: Any) -> str:
        return _("Calls for proposals, tenders, grants, fellowships, awards, trainings and events.")

    def page_path(self, obj: Any) -> str:
        return reverse("opportunities:list")

    def items(self, obj: Any) -> list[Opportunity]:
        queryset = filter_opportunities(Opportunity.objects.current(), obj).select_related("donor")
        return list(queryset.order_by("-published_at", "-pk")[: self.limit])

    def item_title(self, item: Opportunity) -> str:
        return str(item.title)

    def item_summary(self, item: Opportunity) -> str:
        facts = [str(item.get_kind_display())]
        if item.deadline:
            facts.append(
                _("Deadline: %(date)s (%(zone)s)")
                % {"date": date_format(item.local_deadline, "DATETIME_FORMAT"), "zone": item.time_zone}
            )
        return "\n\n".join(p for p in (" · ".join(facts), str(item.summary)) if p)

    def item_author(self, item: Opportunity) -> str:
        return str(item.donor) if item.donor_id else ""

    def item_updated(self, item: Opportunity) -> dt.datetime:
        return item.updated_at

    def item_published(self, item: Opportunity) -> dt.datetime | None:
        return item.published_at
