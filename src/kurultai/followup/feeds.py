"""Atom feeds of follow-up news: all of it, or for one forum, theme or country."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.followup.models import ProgressUpdate, Response

LIMIT = 50


class FeedFilters(forms.Form):
    forum = forms.SlugField(required=False, max_length=80)
    theme = forms.SlugField(required=False, max_length=80)
    country = forms.CharField(required=False, max_length=2)


class UpdatesFeed(AtomFeed):
    """Newest responses and progress updates, filtered by ``?forum=``, ``?theme=`` or ``?country=``."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, str]:
        """The filters; a value no forum, theme or country can have is a 404, not a server error."""
        filters = FeedFilters(request.GET)
        if not filters.is_valid():
            raise Http404(_("Unknown filter."))
        return {k: filters.cleaned_data[k] or "" for k in ("forum", "theme", "country")}

    def title(self, obj: dict[str, str]) -> str:
        return _("Kurultai: follow-up of recommendations")

    def page_path(self, obj: dict[str, str]) -> str:
        return reverse("followup:dashboard")

    def subtitle(self, obj: dict[str, str]) -> str:
        return _("Responses and progress updates on the forums' recommendations.")

    def _filter(self, queryset: Any, obj: dict[str, str]) -> Any:
        queryset = queryset.filter(recommendation__forum__is_published=True)
        if obj["forum"]:
            queryset = queryset.filter(recommendation__forum__slug=obj["forum"])
        if obj["theme"]:
            queryset = queryset.filter(recommendation__themes__slug=obj["theme"])
        if obj["country"]:
            queryset = queryset.filter(recommendation__countries__code=obj["country"])
        return queryset.select_related("recommendation__forum", "recommendation__session")

    def items(self, obj: dict[str, str]) -> list[Any]:
        updates = list(
            self._filter(ProgressUpdate.objects.select_related("organisation"), obj).order_by("-created_at")[:LIMIT]
        )
        responses = list(
            self._filter(Response.objects.filter(organisation__isnull=False), obj)
            .select_related("addressee", "organisation")
            .order_by("-created_at")[:LIMIT]
        )
        return sorted(updates + responses, key=lambda item: item.created_at, reverse=True)[:LIMIT]

    def item_title(self, item: Any) -> str:
        rec = item.recommendation
        if isinstance(item, Response):
            return _("%(reference)s: %(addressee)s — %(status)s") % {
                "reference": rec.reference,
                "addressee": item.addressee,
                "status": item.get_status_display(),
            }
        return _("%(reference)s: %(status)s") % {"reference": rec.reference, "status": item.get_status_display()}

    def item_author(self, item: Any) -> str:
        """Responses and updates are attributed to the organisation that gave them."""
        if item.organisation_id:
            return str(item.organisation)
        return item.get_reporter_display() if isinstance(item, ProgressUpdate) else ""

    def item_summary(self, item: Any) -> str:
        return str(item.text)

    def item_path(self, item: Any) -> str:
        return item.recommendation.get_absolute_url()

    def item_updated(self, item: Any) -> dt.datetime:
        return item.created_at or timezone.now()

    def item_published(self, item: Any) -> dt.datetime:
        day = item.reported_on if isinstance(item, ProgressUpdate) else item.responded_on
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
