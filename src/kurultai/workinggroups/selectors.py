"""Reads of working groups and plans in a fixed number of queries."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Prefetch, QuerySet

from kurultai.core.multilingual import coerce
from kurultai.followup.tracking import attach_subjects
from kurultai.workinggroups.models import Action, ActionPlan, GroupMembership, Indicator, PlanVersion


def public_actions(plan: ActionPlan) -> QuerySet[Action]:
    return (
        plan.actions.public()
        .select_related("plan__group", "adopted_in")
        .prefetch_related("indicators", "owners", "countries", "recommendations__forum", "recommendations__session")
    )


def adopted_view(plan: ActionPlan, version: PlanVersion | None = None) -> dict[str, Any] | None:
    """The adopted version (the newest unless given) with each action's live follow-up and indicator values."""
    version = version or plan.versions.order_by("-number").first()
    if version is None:
        return None
    frozen = version.snapshot
    live = {a.pk: a for a in public_actions(plan)}
    attach_subjects(list(live.values()))
    indicators = {i.pk: i for a in live.values() for i in a.indicators.all()}
    actions = []
    for item in frozen.get("actions", []):
        action = live.get(item["id"])
        rows = []
        for ind in item.get("indicators", []):
            current = indicators.get(ind["id"])
            rows.append(
                {
                    "name": coerce(ind.get("name")),
                    "unit": ind.get("unit", ""),
                    "baseline": _number(ind.get("baseline")),
                    "target": _number(ind.get("target")),
                    "actual": current.actual if current else None,
                    "actual_on": current.actual_on if current else None,
                    "percent": current.progress_percent if current else None,
                }
            )
        actions.append(
            {
                "id": item["id"],
                "action": action,
                "reference": action.reference if action else "",
                "position": item.get("position"),
                "title": coerce(item.get("title")),
                "description": coerce(item.get("description")),
                "recommendations": item.get("recommendations", []),
                "owners": item.get("owners", []),
                "countries": item.get("countries", []),
                "starts_on": item.get("starts_on"),
                "due_on": item.get("due_on"),
                "budget_amount": _number(item.get("budget_amount")),
                "budget_currency": item.get("budget_currency", ""),
                "indicators": rows,
                "tracking": getattr(action, "tracking", None),
            }
        )
    return {
        "version": version,
        "title": coerce(frozen.get("title")),
        "summary": coerce(frozen.get("summary")),
        "actions": actions,
    }


def _number(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def members(group) -> list[GroupMembership]:
    return list(group.memberships.filter(status=GroupMembership.Status.APPROVED).select_related("organisation"))


def draft_actions(plan: ActionPlan) -> QuerySet[Action]:
    return plan.actions.prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("id")), "owners", "recommendations__forum",
        "recommendations__session",
    )  # fmt: skip
