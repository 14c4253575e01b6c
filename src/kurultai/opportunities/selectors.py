"""Reads of the opportunities app: the filtered list, and what a person may see of partner talks and consortia."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from kurultai.opportunities.models import Consortium, ConsortiumMember, Opportunity


def filter_opportunities(queryset: QuerySet[Opportunity], params: Mapping[str, Any]) -> QuerySet[Opportunity]:
    """Apply the list's filters (country, organisation type, theme, kind, amount, deadline window, stage,
    language) and order; invalid values are ignored, as a visitor typing in the address bar expects."""
    from kurultai.opportunities.forms import FilterForm

    form = FilterForm(params)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    if data.get("country"):
        queryset = queryset.filter(Q(is_global=True) | Q(eligible_countries=data["country"]))
    if data.get("applicant_type"):
        queryset = queryset.filter(applicant_types__contains=data["applicant_type"])
    if data.get("theme"):
        queryset = queryset.filter(themes=data["theme"])
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("amount") is not None:
        queryset = queryset.filter(
            Q(amount_max__gte=data["amount"]) | Q(amount_max__isnull=True, amount_min__gte=data["amount"])
        )
    if data.get("window"):
        now = timezone.now()
        queryset = queryset.filter(deadline__gt=now, deadline__lte=now + dt.timedelta(days=int(data["window"])))
    if data.get("stage"):
        queryset = queryset.filter(stage=data["stage"])
    if data.get("language"):
        queryset = queryset.filter(languages__contains=data["language"])
    if data.get("order") == "new":
        queryset = queryset.order_by("-published_at", "-pk")
    else:
        queryset = queryset.order_by(F("deadline").asc(nulls_last=True), "pk")
    if data.get("country") or data.get("theme"):
        queryset = queryset.distinct()
    return queryset


def represented_ids(user: Any) -> list[int]:
    from kurultai.organisations.models import Membership

    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Membership.objects.filter(user=user, status=Membership.Status.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )


def my_consortia(user: Any) -> QuerySet[Consortium]:
    """Consortia where one of the person's organisations is invited or confirmed."""
    ids = represented_ids(user)
    return (
        Consortium.objects.filter(
            members__organisation_id__in=ids,
            members__status__in=[ConsortiumMember.Status.INVITED, ConsortiumMember.Status.CONFIRMED],
        )
        .select_related("opportunity", "lead")
        .distinct()
    )
