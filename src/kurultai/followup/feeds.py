"""Atom feeds of follow-up news: all of it, one kind of tracked subject, or one forum, theme or country."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core.feeds import AtomFeed
from kurultai.followup import kinds
from kurultai.followup.models import Assessment, ProgressUpdate, Response

LIMIT = 50


class FeedFilters(forms.Form):
    kind = forms.CharField(required=False, max_length=30)
    forum = forms.SlugField(required=False, max_length=80)
    theme = forms.SlugField(required=False, max_length=80)
    country = forms.CharField(required=False, max_length=2)

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"]
        if kind and kind not in {spec.key for spec in kinds.all_kinds()}:
            raise forms.ValidationError(_("Unknown kind."))
        return kind


def public_records(model: Any, kind: str = "") -> Any:
    """Records of ``model`` whose subject is public, of every kind (or of ``kind``), in one query."""
    visible = Q()
    for spec in kinds.all_kinds():
        if kind and spec.key != kind:
            continue
        visible |= Q(
            trackable__kind=spec.key,
            trackable__object_id__in=spec.visible(spec.model._default_manager.all()).values("pk"),
        )
    return model.objects.filter(visible) if visible else model.objects.none()


def attach_subjects(records: list[Any]) -> list[Any]:
    """Give each record's trackable its subject (one query per kind); records of a subject gone private are dropped."""
    by_kind: dict[str, list[int]] = {}
    for record in records:
        by_kind.setdefault(record.trackable.kind, []).append(record.trackable.object_id)
    subjects = {key: kinds.get(key).subjects(ids) for key, ids in by_kind.items()}
    kept = []
    for record in records:
        subject = subjects[record.trackable.kind].get(record.trackable.object_id)
        if subject is not None:
            record.trackable.subject = subject
            kept.append(record)
    return kept


class UpdatesFeed(AtomFeed):
    """Newest responses, progress updates and assessments of every tracked subject.

    ``?kind=`` keeps one kind (``recommendation``, ``action``, ``position``…); ``?forum=``, ``?theme=`` and
    ``?country=`` keep recommendations of that forum, theme or country.
    """

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, str]:
        """The filters; a value no kind, forum, theme or country can have is a 404, not a server error."""
        filters = FeedFilters(request.GET)
        if not filters.is_valid():
            raise Http404(_("Unknown filter."))
        return {k: filters.cleaned_data[k] or "" for k in ("kind", "forum", "theme", "country")}

    def title(self, obj: dict[str, str]) -> str:
        if obj["kind"]:
            return _("Kurultai follow-up: %(kind)s") % {"kind": kinds.get(obj["kind"]).label}
        return _("Kurultai: follow-up")

    def page_path(self, obj: dict[str, str]) -> str:
        path = reverse("followup:dashboard")
        return f"{path}?kind={obj['kind']}" if obj["kind"] else path

    def subtitle(self, obj: dict[str, str]) -> str:
        return _("Responses, progress updates and civil society assessments of recommendations, actions and positions.")

    def _filter(self, model: Any, obj: dict[str, str]) -> Any:
        by_recommendation = obj["forum"] or obj["theme"] or obj["country"]
        if by_recommendation and obj["kind"] not in ("", "recommendation"):
            return model.objects.none()
        queryset = public_records(model, "recommendation" if by_recommendation else obj["kind"])
        if obj["forum"]:
            queryset = queryset.filter(recommendation__forum__slug=obj["forum"])
        if obj["theme"]:
            queryset = queryset.filter(recommendation__themes__slug=obj["theme"])
        if obj["country"]:
            queryset = queryset.filter(recommendation__countries__code=obj["country"])
        return queryset.select_related("trackable", "organisation").order_by("-created_at")

    def items(self, obj: dict[str, str]) -> list[Any]:
        updates = list(self._filter(ProgressUpdate, obj)[:LIMIT])
        responses = list(
            self._filter(Response, obj).filter(organisation__isnull=False).select_related("addressee")[:LIMIT]
        )
        assessments = list(self._filter(Assessment, obj)[:LIMIT])
        newest = sorted(updates + responses + assessments, key=lambda item: item.created_at, reverse=True)[:LIMIT]
        return attach_subjects(newest)

    def item_title(self, item: Any) -> str:
        subject = item.trackable.title
        if isinstance(item, Response):
            return _("%(reference)s: %(addressee)s — %(status)s") % {
                "reference": subject,
                "addressee": item.addressee,
                "status": item.get_status_display(),
            }
        if isinstance(item, Assessment):
            return _("%(title)s: assessed by %(organisation)s — %(status)s") % {
                "title": subject,
                "organisation": item.organisation,
                "status": item.get_status_display(),
            }
        return _("%(reference)s: %(status)s") % {"reference": subject, "status": item.get_status_display()}

    def item_author(self, item: Any) -> str:
        """Responses, updates and assessments are attributed to the organisation that gave them."""
        if item.organisation_id:
            return str(item.organisation)
        return item.get_reporter_display() if isinstance(item, ProgressUpdate) else ""

    def item_summary(self, item: Any) -> str:
        return str(item.text)

    def item_path(self, item: Any) -> str:
        return item.trackable.get_absolute_url()

    def item_updated(self, item: Any) -> dt.datetime:
        return item.created_at or timezone.now()

    def item_published(self, item: Any) -> dt.datetime:
        if isinstance(item, ProgressUpdate):
            day = item.reported_on
        elif isinstance(item, Assessment):
            day = item.assessed_on
        else:
            day = item.responded_on
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
