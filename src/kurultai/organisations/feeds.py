"""Atom feeds of the directory: newly listed organisations and open partner requests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.organisations.models import Organisation, PartnerRequest


class OrganisationsFeed(AtomFeed):
    """Organisations in the order they were listed, newest first."""

    def title(self, obj: Any) -> str:
        return _("Organisation directory")

    def subtitle(self, obj: Any) -> str:
        return _("Organisations newly listed in the directory.")

    def page_path(self, obj: Any) -> str:
        return reverse("organisations:directory")

    def items(self, obj: Any) -> list[Organisation]:
        listed = Organisation.objects.listed().select_related("country")
        return list(listed.order_by("-created_at", "-pk")[: self.limit])

    def item_title(self, item: Organisation) -> str:
        return str(item.name)

    def item_summary(self, item: Organisation) -> str:
        where = ", ".join(str(p) for p in (item.city, item.country or "") if str(p))
        line = " · ".join(p for p in (str(item.get_type_display()), where) if p)
        return "\n\n".join(p for p in (line, str(item.description)) if p)

    def item_author(self, item: Organisation) -> str:
        return str(item.name)

    def item_updated(self, item: Organisation) -> dt.datetime:
        return max(d for d in (item.created_at, item.verified_at) if d)

    def item_published(self, item: Organisation) -> dt.datetime:
        return item.created_at


class PartnerRequestsFeed(AtomFeed):
    """Open partner requests, newest first; each is signed by its organisation, not by a person."""

    def title(self, obj: Any) -> str:
        return _("Partner search")

    def subtitle(self, obj: Any) -> str:
        return _("Organisations looking for partners for joint projects and consortia.")

    def page_path(self, obj: Any) -> str:
        return reverse("organisations:partner_requests")

    def items(self, obj: Any) -> list[PartnerRequest]:
        queryset = PartnerRequest.objects.visible().filter(status=PartnerRequest.Status.OPEN)
        queryset = queryset.select_related("organisation")
        return list(queryset.order_by("-created_at", "-pk")[: self.limit])

    def item_title(self, item: PartnerRequest) -> str:
        return str(item.title)

    def item_summary(self, item: PartnerRequest) -> str:
        deadline = ""
        if item.deadline:
            deadline = _("Answers until %(date)s.") % {"date": date_format(item.deadline, "DATE_FORMAT")}
        return "\n\n".join(p for p in (str(item.purpose), deadline) if p)

    def item_author(self, item: PartnerRequest) -> str:
        return str(item.organisation.name)

    def item_updated(self, item: PartnerRequest) -> dt.datetime:
        return item.created_at

    def item_published(self, item: PartnerRequest) -> dt.datetime:
        return item.created_at
