"""Atom feeds: consultations, and one consultation's contributions (visible ones only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.dialogue.models import Consultation, Contribution


class ConsultationsFeed(AtomFeed):
    """Consultations, newest first."""

    def title(self, obj: Any) -> str:
        return _("Consultations")

    def subtitle(self, obj: Any) -> str:
        return _("Questions and documents opened for contributions.")

    def page_path(self, obj: Any) -> str:
        return reverse("dialogue:consultations")

    def items(self, obj: Any) -> list[Consultation]:
        return list(Consultation.objects.select_related("organiser").order_by("-created_at", "-pk")[: self.limit])

    def item_title(self, item: Consultation) -> str:
        return f"{item.title} ({item.get_phase_display()})"

    def item_summary(self, item: Consultation) -> str:
        return str(item.question)

    def item_author(self, item: Consultation) -> str:
        return str(item.organiser.name) if item.organiser_id else super().item_author(item)

    def item_updated(self, item: Consultation) -> dt.datetime:
        return max(d for d in (item.created_at, item.opens_at, item.report_published_at) if d)

    def item_published(self, item: Consultation) -> dt.datetime:
        return item.created_at


class ContributionsFeed(AtomFeed):
    """A consultation's contributions and replies, newest first; hidden and held ones never."""

    summary_format = "text"

    def get_object(self, request: HttpRequest, slug: str) -> Consultation:
        item = Consultation.objects.filter(slug=slug).first()
        if item is None:
            raise Http404
        return item

    def title(self, obj: Consultation) -> str:
        return _("Contributions: %(title)s") % {"title": obj.title}

    def page_path(self, obj: Consultation) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Consultation) -> list[Contribution]:
        queryset = Contribution.objects.visible().filter(consultation=obj).select_related("author", "organisation")
        return list(queryset.order_by("-created_at", "-pk")[: self.limit])

    def item_title(self, item: Contribution) -> str:
        return _("Contribution by %(who)s") % {"who": self.item_author(item)}

    def item_summary(self, item: Contribution) -> str:
        return item.text

    def item_author(self, item: Contribution) -> str:
        if item.organisation_id:
            return str(item.organisation.name)
        return item.author.public_name if item.author_id else _("Former member")

    def item_path(self, item: Contribution) -> str:
        return reverse("dialogue:consultation", kwargs={"slug": item.consultation.slug}) + f"#c-{item.pk}"

    def item_updated(self, item: Contribution) -> dt.datetime:
        return item.created_at

    def item_published(self, item: Contribution) -> dt.datetime:
        return item.created_at
