"""State changes of working groups: membership, meetings, documents, discussion, action plans and their adoption.

Every function checks the actor's permission, writes in one transaction, records an audit entry and emits its
notification after commit. Actions are trackables: their owners become their responsible actors in the follow-up.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core.audit import record
from kurultai.core.limits import check_text
from kurultai.core.multilingual import active_language
from kurultai.followup import services as followup
from kurultai.followup.evidence import check_file
from kurultai.notifications.services import emit
from kurultai.workinggroups.audit import GroupAction
from kurultai.workinggroups.models import (
    Action,
    ActionPlan,
    Document,
    GroupMembership,
    Indicator,
    Meeting,
    PlanVersion,
    Post,
    WorkingGroup,
)

MAX_POST = 4000


def _require(actor: Any, permission: str, obj: Any) -> None:
    if not actor.has_perm(permission, obj):
        raise PermissionDenied


def _topics(group: WorkingGroup) -> dict[str, list[Any]]:
    return {"working_group": [group.slug]}


def _text(value: str, language: str | None = None) -> dict[str, str]:
    value = (value or "").strip()
    return {language or active_language(): value} if value else {}


@transaction.atomic
def name_convener(actor: Any, group: WorkingGroup, person: Any) -> None:
    """An editor names a person convener of a group (they then manage it)."""
    _require(actor, "workinggroups.name_conveners", group)
    if not person.is_active:
        raise ValidationError(_("This account is not active."))
    if group.conveners.filter(pk=person.pk).exists():
        raise ValidationError(_("This person already convenes the group."))
    group.conveners.add(person)
    record(actor, GroupAction.CONVENER_NAMED, group, {"group": group.pk, "user": person.pk})


@transaction.atomic
def remove_convener(actor: Any, group: WorkingGroup, person: Any) -> None:
    """An editor removes a convener; they no longer manage the group."""
    _require(actor, "workinggroups.name_conveners", group)
    if not group.conveners.filter(pk=person.pk).exists():
        raise ValidationError(_("This person does not convene the group."))
    group.conveners.remove(person)
    record(actor, GroupAction.CONVENER_REMOVED, group, {"group": group.pk, "user": person.pk})


@transaction.atomic
def request_membership(actor: Any, group: WorkingGroup, organisation: Any) -> GroupMembership:
    """A representative asks for their organisation to join; a second request is refused with a message."""
    _require(actor, "workinggroups.request_membership", group)
    if not _represents(actor, organisation):
        raise PermissionDenied
    existing = GroupMembership.objects.filter(group=group, organisation=organisation).first()
    if existing is not None and existing.status != GroupMembership.Status.DECLINED:
        raise ValidationError(_("%(organisation)s has already asked to join.") % {"organisation": organisation})
    if existing is not None:
        existing.status = GroupMembership.Status.REQUESTED
        existing.requested_by = actor
        existing.decided_by, existing.decided_at = None, None
        existing.save()
        membership = existing
    else:
        try:
            with transaction.atomic():
                membership = GroupMembership.objects.create(group=group, organisation=organisation, requested_by=actor)
        except IntegrityError:
            raise ValidationError(
                _("%(organisation)s has already asked to join.") % {"organisation": organisation}
            ) from None
    record(actor, GroupAction.MEMBERSHIP_REQUESTED, membership, {"group": group.pk, "organisation": organisation.pk})
    return membership


def _represents(actor: Any, organisation: Any) -> bool:
    from kurultai.organisations.models import Membership

    return Membership.objects.filter(user=actor, organisation=organisation, status=Membership.Status.APPROVED).exists()


@transaction.atomic
def decide_membership(actor: Any, membership: GroupMembership, approve: bool) -> GroupMembership:
    """A convener (or an editor) approves or declines a request."""
    _require(actor, "workinggroups.manage_group", membership.group)
    membership = GroupMembership.objects.select_for_update().get(pk=membership.pk)
    membership.status = GroupMembership.Status.APPROVED if approve else GroupMembership.Status.DECLINED
    membership.decided_by, membership.decided_at = actor, timezone.now()
    membership.save()
    record(actor, GroupAction.MEMBERSHIP_DECIDED, membership, {"status": membership.status})
    return membership


@transaction.atomic
def save_meeting(actor: Any, group: WorkingGroup, meeting: Meeting | None = None, **values: Any) -> Meeting:
    """Add or change a meeting; followers hear of a new meeting, and of minutes when they are first published."""
    _require(actor, "workinggroups.manage_group", group)
    language = values.pop("text_language", None) or active_language()
    for name in ("title", "place", "agenda", "minutes"):
        if name in values and isinstance(values[name], str):
            values[name] = _text(values[name], language)
    is_new = meeting is None
    had_minutes = bool(meeting and str(meeting.minutes))
    meeting = meeting or Meeting(group=group, original_language=language)
    for name, value in values.items():
        setattr(meeting, name, value)
    if meeting.ends_at and meeting.ends_at < meeting.starts_at:
        raise ValidationError(_("The meeting cannot end before it starts."))
    meeting.save()
    record(actor, GroupAction.MEETING_SAVED, meeting, {"group": group.pk, "new": is_new})
    if is_new:
        emit("workinggroups.meeting", meeting, actor=actor, topics=_topics(group))
    elif not had_minutes and str(meeting.minutes):
        emit("workinggroups.minutes", meeting, actor=actor, topics=_topics(group))
    return meeting


@transaction.atomic
def add_document(actor: Any, group: WorkingGroup, *, title: str, upload: Any) -> Document:
    """Share a file, checked by its content and size like follow-up evidence."""
    _require(actor, "workinggroups.manage_group", group)
    content_type = check_file(upload)
    title = check_text((title or upload.name or "").strip(), 200, what=_("The title"))
    document = Document.objects.create(
        group=group, title=title, file=upload, content_type=content_type, size=upload.size, uploaded_by=actor
    )
    record(actor, GroupAction.DOCUMENT_ADDED, document, {"group": group.pk})
    return document


@transaction.atomic
def post_message(
    actor: Any,
    group: WorkingGroup,
    *,
    text: str,
    organisation: Any = None,
    parent: Post | None = None,
    language: str = "",
) -> Post:
    """A member organisation's person (or a convener) writes in the discussion; replies are one level deep."""
    _require(actor, "workinggroups.post", group)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a message."))
    check_text(text, MAX_POST, what=_("The message"))
    if parent is not None:
        if parent.group_id != group.pk:
            raise ValidationError(_("You can only reply to messages of this group."))
        if parent.parent_id is not None:
            parent = parent.parent
    if organisation is not None and not _represents(actor, organisation):
        raise PermissionDenied
    post = Post.objects.create(
        group=group,
        parent=parent,
        author=actor,
        organisation=organisation,
        text=text,
        language=language or active_language(),
    )
    record(actor, GroupAction.POSTED, post, {"group": group.pk, "parent": parent.pk if parent else None})
    return post


@transaction.atomic
def save_plan(actor: Any, group: WorkingGroup, plan: ActionPlan | None = None, **values: Any) -> ActionPlan:
    _require(actor, "workinggroups.manage_group", group)
    language = values.pop("text_language", None) or active_language()
    plan = plan or ActionPlan(group=group, original_language=language)
    for name in ("title", "summary"):
        if name in values and isinstance(values[name], str):
            values[name] = _text(values[name], language)
    for name, value in values.items():
        setattr(plan, name, value)
    if not str(plan.title):
        raise ValidationError(_("Give the plan a title."))
    plan.changed_since_adoption = True
    plan.save()
    record(actor, GroupAction.PLAN_SAVED, plan, {"group": group.pk})
    return plan


@transaction.atomic
def save_action(
    actor: Any,
    plan: ActionPlan,
    action: Action | None = None,
    *,
    recommendations: Any = (),
    owners: Any = (),
    countries: Any = (),
    **values: Any,
) -> Action:
    """Add or change an action of the plan's draft; its owners become its responsible actors."""
    _require(actor, "workinggroups.manage_group", plan.group)
    language = values.pop("text_language", None) or active_language()
    is_new = action is None
    if action is None:
        position = (plan.actions.aggregate(n=Max("position"))["n"] or 0) + 1
        action = Action(plan=plan, position=position, original_language=language)
    for name in ("title", "description"):
        if name in values and isinstance(values[name], str):
            values[name] = _text(values[name], language)
    for name, value in values.items():
        setattr(action, name, value)
    if not str(action.title):
        raise ValidationError(_("Give the action a title."))
    if action.starts_on and action.due_on and action.due_on < action.starts_on:
        raise ValidationError(_("The due date cannot be before the start."))
    if action.budget_amount is not None and not action.budget_currency:
        raise ValidationError(_("Give the currency of the budget estimate."))
    action.save()
    action.recommendations.set(recommendations)
    owner_list = list(owners)
    action.owners.set(owner_list)
    action.countries.set(countries)
    followup.sync_responsible_actors(actor, action, owner_list, deadline=action.due_on)
    ActionPlan.objects.filter(pk=plan.pk).update(changed_since_adoption=True)
    record(actor, GroupAction.ACTION_SAVED, action, {"plan": plan.pk, "new": is_new})
    return action


@transaction.atomic
def save_indicator(actor: Any, action: Action, indicator: Indicator | None = None, **values: Any) -> Indicator:
    """Add or change an indicator's definition (name, unit, baseline, target): a change to the plan's draft."""
    _require(actor, "workinggroups.manage_group", action.plan.group)
    language = values.pop("text_language", None) or active_language()
    indicator = indicator or Indicator(action=action, original_language=language)
    if isinstance(values.get("name"), str):
        values["name"] = _text(values["name"], language)
    for name, value in values.items():
        setattr(indicator, name, value)
    if not str(indicator.name):
        raise ValidationError(_("Name the indicator."))
    indicator.save()
    ActionPlan.objects.filter(pk=action.plan_id).update(changed_since_adoption=True)
    record(actor, GroupAction.INDICATOR_SAVED, indicator, {"action": action.pk})
    return indicator


@transaction.atomic
def record_indicator(
    actor: Any, indicator: Indicator, *, actual: Decimal, measured_on: dt.date | None = None
) -> Indicator:
    """An owner's representative, a convener or an editor records the indicator's actual value."""
    _require(actor, "workinggroups.record_indicator", indicator.action)
    measured_on = measured_on or timezone.localdate()
    if measured_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    indicator.actual, indicator.actual_on = actual, measured_on
    indicator.save(update_fields=["actual", "actual_on"])
    record(actor, GroupAction.INDICATOR_MEASURED, indicator, {"action": indicator.action_id})
    return indicator


def snapshot(plan: ActionPlan) -> dict[str, Any]:
    """The plan's text, actions and indicators as they are now, with names kept for the record."""
    actions = plan.actions.prefetch_related("recommendations__forum", "recommendations__session", "owners",
                                            "countries", "indicators")  # fmt: skip
    return {
        "title": dict(plan.title or {}),
        "summary": dict(plan.summary or {}),
        "original_language": plan.original_language,
        "actions": [
            {
                "id": a.pk,
                "position": a.position,
                "title": dict(a.title or {}),
                "description": dict(a.description or {}),
                "recommendations": [{"id": r.pk, "reference": r.reference} for r in a.recommendations.all()],
                "owners": [{"id": o.pk, "name": str(o)} for o in a.owners.all()],
                "countries": [c.code for c in a.countries.all()],
                "starts_on": a.starts_on.isoformat() if a.starts_on else None,
                "due_on": a.due_on.isoformat() if a.due_on else None,
                "budget_amount": _decimal(a.budget_amount),
                "budget_currency": a.budget_currency,
                "indicators": [
                    {
                        "id": i.pk,
                        "name": dict(i.name or {}),
                        "unit": i.unit,
                        "baseline": _decimal(i.baseline),
                        "target": _decimal(i.target),
                    }
                    for i in a.indicators.all()
                ],
            }
            for a in actions
        ],
    }


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


@transaction.atomic
def adopt_plan(actor: Any, plan: ActionPlan, adopted_on: dt.date | None = None) -> PlanVersion:
    """Freeze the draft as the next numbered version; its actions become public and followed up."""
    _require(actor, "workinggroups.manage_group", plan.group)
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.changed_since_adoption and plan.versions.exists():
        raise ValidationError(_("Nothing has changed since the last adopted version."))
    if not plan.actions.exists():
        raise ValidationError(_("A plan needs at least one action to be adopted."))
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = PlanVersion.objects.create(
        plan=plan,
        number=number,
        adopted_on=adopted_on or timezone.localdate(),
        adopted_by=actor,
        snapshot=snapshot(plan),
    )
    plan.actions.update(adopted_in=version)
    plan.changed_since_adoption = False
    plan.save(update_fields=["changed_since_adoption"])
    record(actor, GroupAction.PLAN_ADOPTED, version, {"plan": plan.pk, "number": number})
    emit("workinggroups.plan_adopted", version, actor=actor, topics=_topics(plan.group))
    return version
