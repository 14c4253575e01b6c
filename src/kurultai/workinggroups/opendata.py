"""Adopted plans and their actions as plain values: for the API and the open-data downloads (CC BY 4.0)."""

from __future__ import annotations

import csv
import io
from typing import Any

from kurultai.api.common import absolute
from kurultai.workinggroups import selectors
from kurultai.workinggroups.models import ActionPlan


def _num(value: Any) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def adopted_plans():
    return ActionPlan.objects.filter(versions__isnull=False).distinct().select_related("group").order_by("group", "pk")


def action_dict(item: dict[str, Any]) -> dict[str, Any]:
    tracking = item["tracking"]
    action = item["action"]
    return {
        "id": item["id"],
        "reference": item["reference"],
        "url": absolute(action.get_absolute_url()) if action else "",
        "title": item["title"].texts(),
        "status": tracking.status if tracking else "no_information",
        "overdue": bool(tracking and tracking.overdue),
        "cso_disagrees": bool(tracking and tracking.disagreement),
        "recommendations": [r["id"] for r in item["recommendations"]],
        "owners": [o["name"] for o in item["owners"]],
        "countries": item["countries"],
        "starts_on": item["starts_on"],
        "due_on": item["due_on"],
        "budget": {"amount": _num(item["budget_amount"]), "currency": item["budget_currency"]}
        if item["budget_amount"] is not None
        else None,
        "indicators": [
            {
                "name": row["name"].texts(),
                "unit": row["unit"],
                "baseline": _num(row["baseline"]),
                "target": _num(row["target"]),
                "actual": _num(row["actual"]),
                "measured_on": row["actual_on"].isoformat() if row["actual_on"] else None,
            }
            for row in item["indicators"]
        ],
    }


def plan_dict(plan: ActionPlan, adopted: dict[str, Any] | None = None, *, actions: bool = True) -> dict[str, Any]:
    adopted = adopted or selectors.adopted_view(plan)
    version = adopted["version"]
    data = {
        "id": plan.pk,
        "group": plan.group.slug,
        "url": absolute(plan.get_absolute_url()),
        "title": adopted["title"].texts(),
        "version": version.number,
        "adopted_on": version.adopted_on.isoformat(),
        "demo": plan.is_demo,
    }
    if actions:
        data["actions"] = [action_dict(item) for item in adopted["actions"]]
    return data


def actions_csv(plans: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["plan", "group", "version", "action", "reference", "title_en", "status", "due_on", "owners",
                     "recommendations", "indicator", "unit", "baseline", "target", "actual"])  # fmt: skip
    for plan in plans:
        for action in plan["actions"]:
            rows = action["indicators"] or [{}]
            for row in rows:
                writer.writerow([
                    plan["id"], plan["group"], plan["version"], action["id"], action["reference"],
                    _safe(action["title"].get("en", "")), action["status"], action["due_on"] or "",
                    _safe("; ".join(action["owners"])), " ".join(str(r) for r in action["recommendations"]),
                    _safe(row.get("name", {}).get("en", "")), _safe(row.get("unit", "")), row.get("baseline") or "",
                    row.get("target") or "", row.get("actual") or "",
                ])  # fmt: skip
    return out.getvalue()


def _safe(value: str) -> str:
    from kurultai.core.csvsafe import safe_cell

    return safe_cell(value)


def public_actions():
    from kurultai.workinggroups.models import Action

    return (
        Action.objects.public()
        .select_related("plan__group", "adopted_in")
        .prefetch_related("indicators", "owners", "countries", "recommendations")
        .order_by("plan__group__slug", "plan_id", "position")
    )


def live_action_dict(action: Any) -> dict[str, Any]:
    """An adopted action as it stands now (its follow-up attached by ``attach_subjects``)."""
    tracking = getattr(action, "tracking", None)
    return {
        "id": action.pk,
        "reference": action.reference,
        "url": absolute(action.get_absolute_url()),
        "plan": action.plan_id,
        "group": action.plan.group.slug,
        "title": action.title.texts(),
        "status": tracking.status if tracking else "no_information",
        "overdue": bool(tracking and tracking.overdue),
        "cso_disagrees": bool(tracking and tracking.disagreement),
        "recommendations": [r.pk for r in action.recommendations.all()],
        "owners": [str(o) for o in action.owners.all()],
        "countries": [c.code for c in action.countries.all()],
        "starts_on": action.starts_on.isoformat() if action.starts_on else None,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "budget": {"amount": _num(action.budget_amount), "currency": action.budget_currency}
        if action.budget_amount is not None
        else None,
        "indicators": [
            {
                "name": i.name.texts(),
                "unit": i.unit,
                "baseline": _num(i.baseline),
                "target": _num(i.target),
                "actual": _num(i.actual),
                "measured_on": i.actual_on.isoformat() if i.actual_on else None,
            }
            for i in action.indicators.all()
        ],
    }
