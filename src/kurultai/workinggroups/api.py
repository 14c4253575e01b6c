"""Read API of adopted action plans and their actions, with the actions' follow-up state (CC BY 4.0)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kurultai.api.common import ERRORS, MAX_ID, MetaOut, Paging, license_meta
from kurultai.followup.tracking import attach_subjects
from kurultai.workinggroups import opendata

router = Router(tags=["action plans"])


class IndicatorOut(Schema):
    name: dict[str, str]
    unit: str
    baseline: str | None
    target: str | None
    actual: str | None
    measured_on: str | None


class BudgetOut(Schema):
    amount: str | None
    currency: str


class ActionOut(Schema):
    id: int
    reference: str
    url: str
    title: dict[str, str]
    status: str = Field(description="Official implementation status (the newest progress update's)")
    overdue: bool
    cso_disagrees: bool
    recommendations: list[int] = Field(description="Ids of the recommendations the action answers")
    owners: list[str]
    countries: list[str]
    starts_on: str | None
    due_on: str | None
    budget: BudgetOut | None
    indicators: list[IndicatorOut]


class LiveActionOut(ActionOut):
    plan: int
    group: str


class PlanOut(Schema):
    id: int
    group: str
    url: str
    title: dict[str, str]
    version: int = Field(description="Number of the newest adopted version")
    adopted_on: str
    demo: bool


class PlanDetail(PlanOut):
    meta: MetaOut
    actions: list[ActionOut]


class PlanPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[PlanOut]


class ActionPage(Schema):
    meta: MetaOut
    count: int
    limit: int
    offset: int
    results: list[LiveActionOut]


class ActionFilters(Paging):
    group: str | None = Field(None, max_length=80, description="Working group slug")
    plan: int | None = Field(None, ge=1, le=MAX_ID, description="Plan id")
    recommendation: int | None = Field(None, ge=1, le=MAX_ID, description="Only actions answering this recommendation")


def _plan_row(plan: Any) -> dict[str, Any]:
    version = max(plan.versions.all(), key=lambda v: v.number)
    return {
        "id": plan.pk,
        "group": plan.group.slug,
        "url": opendata.absolute(plan.get_absolute_url()),
        "title": dict(plan.title.texts()) if str(plan.title) else {},
        "version": version.number,
        "adopted_on": version.adopted_on.isoformat(),
        "demo": plan.is_demo,
    }


@router.get("/action-plans", response={200: PlanPage, 422: ERRORS[422]}, summary="List adopted action plans")
def list_plans(request, paging: Query[Paging]) -> dict:
    """Adopted regional action plans of the working groups, with their newest adopted version."""
    queryset = opendata.adopted_plans().prefetch_related("versions")
    total = queryset.count()
    window = list(queryset[paging.offset : paging.offset + paging.limit])
    return {
        "meta": license_meta(),
        "count": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "results": [_plan_row(p) for p in window],
    }


@router.get("/action-plans/{plan_id}", response={200: PlanDetail, **ERRORS}, summary="One adopted action plan")
def get_plan(request, plan_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    """The newest adopted version of a plan, with every action's follow-up state and indicators."""
    plan = get_object_or_404(opendata.adopted_plans(), pk=plan_id)
    return {"meta": license_meta(), **opendata.plan_dict(plan)}


@router.get("/actions", response={200: ActionPage, 422: ERRORS[422]}, summary="List actions of adopted plans")
def list_actions(request, filters: Query[ActionFilters]) -> dict:
    """Every action of an adopted plan, as it stands now."""
    queryset = opendata.public_actions()
    if filters.group:
        queryset = queryset.filter(plan__group__slug=filters.group)
    if filters.plan:
        queryset = queryset.filter(plan_id=filters.plan)
    if filters.recommendation:
        queryset = queryset.filter(recommendations=filters.recommendation)
    total = queryset.count()
    window = list(queryset[filters.offset : filters.offset + filters.limit])
    attach_subjects(window)
    return {
        "meta": license_meta(),
        "count": total,
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [opendata.live_action_dict(a) for a in window],
    }


@router.get("/actions/{action_id}", response={200: LiveActionOut, **ERRORS}, summary="One action of an adopted plan")
def get_action(request, action_id: int = Path(..., ge=1, le=MAX_ID)) -> dict:
    action = get_object_or_404(opendata.public_actions(), pk=action_id)
    attach_subjects([action])
    return opendata.live_action_dict(action)
