"""The working-group URLs (and the follow-up forms of actions) for the every-URL walk. Samples are the demo's
"digital-transformation" group, whose members include "green-steppe" (the organisation the role representative acts
for), and the governance group's action owned by "green-steppe" (so its representatives report progress on it)."""

from __future__ import annotations

from typing import Any

PUBLIC = "200 200 200 200 200 200 200"
POST_ONLY = "302L 405 405 405 405 405 405"
EDITORS = "302L 403 403 403 200 403 200"
NOWHERE = "404 404 404 404 404 404 404"

EXPECTED_PAGES = {
    "workinggroups:index": PUBLIC,
    "workinggroups:open_data[json]": PUBLIC,
    "workinggroups:open_data[csv]": PUBLIC,
    "workinggroups:document": NOWHERE,  # a token nobody has
    "workinggroups:detail": PUBLIC,
    "workinggroups:join": POST_ONLY,
    "workinggroups:conveners": EDITORS,
    "workinggroups:decide": POST_ONLY,
    "workinggroups:calendar": PUBLIC,
    "workinggroups:meeting_new": EDITORS,
    "workinggroups:meeting": PUBLIC,
    "workinggroups:meeting_edit": EDITORS,
    "workinggroups:document_new": EDITORS,
    "workinggroups:discussion": PUBLIC,
    "workinggroups:plan_new": EDITORS,
    "workinggroups:plan": PUBLIC,
    "workinggroups:plan_edit": EDITORS,
    "workinggroups:adopt": POST_ONLY,
    "workinggroups:report": PUBLIC,
    "workinggroups:report[docx]": PUBLIC,
    "workinggroups:action_new": EDITORS,
    "workinggroups:action_edit": EDITORS,
    "workinggroups:action": PUBLIC,
    "workinggroups:indicator_new": EDITORS,
    "workinggroups:measure": POST_ONLY,
    "followup:add_to[respond]": "302L 403 403 403 403 403 403",  # actions are addressed to nobody
    "followup:add_to[update]": "302L 403 200 200 200 403 200",
    "followup:add_to[assess]": "302L 403 200 200 403 403 200",
    "followup:add_to[actor]": EDITORS,
    "api-1:list_plans": PUBLIC,
    "api-1:get_plan": PUBLIC,
    "api-1:list_actions": PUBLIC,
    "api-1:get_action": PUBLIC,
}

GROUP = "digital-transformation"


def _plan(world: dict[str, Any]) -> Any:
    from kurultai.workinggroups.models import ActionPlan

    return ActionPlan.objects.filter(group__slug=GROUP).order_by("pk")[0]


def _action(world: dict[str, Any]) -> Any:
    return _plan(world).actions.order_by("position")[0]


def _owned_action(world: dict[str, Any]) -> Any:
    from kurultai.workinggroups.models import Action

    return Action.objects.public().filter(owners__slug="green-steppe").order_by("pk")[0]


def _membership(world: dict[str, Any]) -> int:
    from kurultai.workinggroups.models import GroupMembership

    return GroupMembership.objects.filter(group__slug=GROUP).order_by("pk")[0].pk


def _meeting(world: dict[str, Any]) -> int:
    from kurultai.workinggroups.models import Meeting

    return Meeting.objects.filter(group__slug=GROUP).order_by("pk")[0].pk


def _g(**kwargs: Any) -> list[dict[str, Any]]:
    return [{"slug": GROUP, **kwargs}]


SAMPLES = {
    "workinggroups:open_data": lambda w: [{"fmt": "json"}, {"fmt": "csv"}],
    "workinggroups:document": lambda w: [{"token": "00000000-0000-4000-8000-000000000000"}],
    "workinggroups:detail": lambda w: _g(),
    "workinggroups:join": lambda w: _g(),
    "workinggroups:conveners": lambda w: _g(),
    "workinggroups:decide": lambda w: _g(pk=_membership(w)),
    "workinggroups:calendar": lambda w: _g(),
    "workinggroups:meeting_new": lambda w: _g(),
    "workinggroups:meeting": lambda w: _g(pk=_meeting(w)),
    "workinggroups:meeting_edit": lambda w: _g(pk=_meeting(w)),
    "workinggroups:document_new": lambda w: _g(),
    "workinggroups:discussion": lambda w: _g(),
    "workinggroups:plan_new": lambda w: _g(),
    "workinggroups:plan": lambda w: _g(pk=_plan(w).pk),
    "workinggroups:plan_edit": lambda w: _g(pk=_plan(w).pk),
    "workinggroups:adopt": lambda w: _g(pk=_plan(w).pk),
    "workinggroups:report": lambda w: _g(pk=_plan(w).pk) + _g(pk=_plan(w).pk, fmt="docx"),
    "workinggroups:action_new": lambda w: _g(plan_pk=_plan(w).pk),
    "workinggroups:action_edit": lambda w: _g(plan_pk=_plan(w).pk, pk=_action(w).pk),
    "workinggroups:action": lambda w: _g(pk=_action(w).pk),
    "workinggroups:indicator_new": lambda w: _g(action_pk=_action(w).pk),
    "workinggroups:measure": lambda w: _g(pk=_action(w).indicators.order_by("pk")[0].pk),
    "followup:add_to": lambda w: [
        {"kind_key": "action", "pk": _owned_action(w).pk, "kind": kind}
        for kind in ("respond", "update", "assess", "actor")
    ],
    "api-1:get_plan": lambda w: [{"plan_id": _plan(w).pk}],
    "api-1:get_action": lambda w: [{"action_id": _action(w).pk}],
}
