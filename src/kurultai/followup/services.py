"""State changes of the follow-up: responses, progress updates, assessments, responsible actors.

Every service takes the tracked subject (a recommendation, an action, a position …) or its :class:`Trackable`;
the subject's kind (``followup.kinds``) says whose response is official and what followers hear of.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kurultai.accounts.roles import is_editor
from kurultai.core.audit import record
from kurultai.followup.audit import FollowupAction
from kurultai.followup.evidence import check_file
from kurultai.followup.models import (
    Assessment,
    Evidence,
    ProgressUpdate,
    Response,
    ResponseStatus,
    ResponsibleActor,
    Trackable,
    trackable_of,
)
from kurultai.followup.notifications import topics_of
from kurultai.forums.models import Addressee, Recommendation
from kurultai.notifications.services import emit
from kurultai.organisations.models import Membership, Organisation

logger = logging.getLogger(__name__)


def _text(value: str, language: str | None = None) -> tuple[dict, str]:
    """The text keyed by the language it was written in (the writer's choice; else the page's language)."""
    from kurultai.core.multilingual import active_language, language_codes

    lang = language if language in language_codes() else active_language()
    return ({lang: value.strip()} if value and value.strip() else {}), lang


def _attach(entry: dict[str, Any], url: str = "", upload: Any = None, title: str = "") -> None:
    if url:
        Evidence.objects.create(url=url, title=title or url, **entry)
    if upload is not None:
        content_type = check_file(upload)
        Evidence.objects.create(
            file=upload, title=title or upload.name, content_type=content_type, size=upload.size, **entry
        )


def addressees_of(target: Any) -> QuerySet[Addressee]:
    """Whose official response a subject expects (a recommendation's own addressees, else its trackable's)."""
    if isinstance(target, Recommendation):
        return target.addressees.all()
    trackable = trackable_of(target)
    if trackable is None:
        return Addressee.objects.none()
    spec = trackable.kind_spec
    if spec.addressees is not None:
        return spec.addressees(trackable.subject, trackable)
    return trackable.addressees.all()


def responding_organisations(actor: Any, target: Any) -> QuerySet[Organisation]:
    """Organisations whose answer to this subject is official and that the actor may speak for."""
    addressees = addressees_of(target)
    if not isinstance(target, Recommendation) and not addressees.exists():
        return Organisation.objects.none()
    queryset = Organisation.objects.filter(
        addressee_roles__in=addressees if addressees.exists() else Addressee.objects.all()
    ).distinct()
    if not is_editor(actor):
        queryset = queryset.filter(memberships__user=actor, memberships__status=Membership.Status.APPROVED)
    return queryset.order_by("slug")


def reporting_organisations(actor: Any, target: Any) -> QuerySet[Organisation]:
    """Responsible organisations on whose behalf the actor may report progress."""
    trackable = trackable_of(target)
    if trackable is None:
        return Organisation.objects.none()
    queryset = Organisation.objects.filter(responsibilities__trackable=trackable)
    if not is_editor(actor):
        queryset = queryset.filter(memberships__user=actor, memberships__status=Membership.Status.APPROVED)
    return queryset.distinct().order_by("slug")


def _check_response(actor: Any, recommendation: Any, addressee: Addressee, organisation: Any) -> None:
    """A response is official only from an organisation linked to the addressee, by its people or an editor."""
    if organisation is None:
        raise ValidationError(_("Choose the organisation that gives this response."), code="organisation")
    if not actor.has_perm("followup.respond_for_organisation", organisation):
        raise PermissionDenied
    if not addressee.organisations.filter(pk=organisation.pk).exists():
        raise ValidationError(
            _("%(organisation)s does not answer for %(addressee)s.")
            % {"organisation": organisation, "addressee": addressee},
            code="addressee",
        )
    addressees = addressees_of(recommendation)
    if addressees.exists() and not addressees.filter(pk=addressee.pk).exists():
        raise ValidationError(_("The recommendation is not addressed to %(addressee)s.") % {"addressee": addressee})
    if not responding_organisations(actor, recommendation).filter(pk=organisation.pk).exists():
        raise PermissionDenied


@transaction.atomic
def post_response(
    actor: Any,
    recommendation: Recommendation,
    *,
    addressee: Addressee,
    organisation: Organisation | None,
    status: str,
    text: str = "",
    text_language: str | None = None,
    responded_on: Any = None,
) -> Response:
    """Record an addressee's official answer, given by an organisation acting for it; earlier answers stay.

    Side effects: an audit entry, notifications to followers after commit.
    """
    trackable = trackable_of(recommendation, create=True)
    if not actor.has_perm("followup.post_response", trackable):
        raise PermissionDenied
    _check_response(actor, recommendation, addressee, organisation)
    if status not in ResponseStatus.values:
        raise ValidationError(_("Unknown response."))
    body, lang = _text(text, text_language)
    response = Response.objects.create(
        trackable=trackable,
        addressee=addressee,
        organisation=organisation,
        status=status,
        text=body,
        original_language=lang,
        author=actor,
        **({"responded_on": responded_on} if responded_on else {}),
    )
    record(
        actor,
        FollowupAction.RESPONSE_POSTED,
        response,
        {**_about(trackable), "addressee": addressee.pk, "organisation": organisation.pk},
    )
    emit("followup.response", response, actor=actor, topics=topics_of(trackable))
    logger.info("Response %s posted on %s %s", response.pk, trackable.kind, trackable.object_id)
    return response


@transaction.atomic
def post_update(
    actor: Any,
    recommendation: Recommendation,
    *,
    status: str,
    text: str,
    reporter: str,
    text_language: str | None = None,
    reported_on: Any = None,
    organisation: Any = None,
    evidence_url: str = "",
    evidence_file: Any = None,
    corrects: ProgressUpdate | None = None,
) -> ProgressUpdate:
    """Add a dated entry to the timeline (with evidence); the whole entry or nothing is saved.

    Responsible actors report for their organisation; editors may report for the secretariat without one.
    Side effects: an audit entry, notifications to followers after commit.
    """
    trackable = trackable_of(recommendation, create=True)
    if not actor.has_perm("followup.post_update", trackable):
        raise PermissionDenied
    if organisation is not None and not actor.has_perm("followup.report_for_organisation", organisation):
        raise PermissionDenied
    if organisation is None and (reporter == ProgressUpdate.Reporter.ACTOR or not is_editor(actor)):
        raise ValidationError(_("Choose the responsible organisation you report for."), code="organisation")
    if (reporter == ProgressUpdate.Reporter.ACTOR or not is_editor(actor)) and not reporting_organisations(
        actor, trackable
    ).filter(pk=organisation.pk).exists():
        raise ValidationError(
            _("%(organisation)s is not responsible for this.") % {"organisation": organisation},
            code="organisation",
        )
    body, lang = _text(text, text_language)
    update = ProgressUpdate.objects.create(
        trackable=trackable,
        status=status,
        text=body,
        original_language=lang,
        reporter=reporter,
        organisation=organisation,
        author=actor,
        corrects=corrects,
        **({"reported_on": reported_on} if reported_on else {}),
    )
    _attach({"update": update}, evidence_url, evidence_file)
    record(
        actor,
        FollowupAction.UPDATE_POSTED,
        update,
        {**_about(trackable), "organisation": organisation.pk if organisation else None},
    )
    emit("followup.update", update, actor=actor, topics=topics_of(trackable))
    return update


@transaction.atomic
def post_assessment(
    actor: Any,
    recommendation: Recommendation,
    *,
    organisation: Any,
    status: str,
    text: str,
    text_language: str | None = None,
    assessed_on: Any = None,
    evidence_url: str = "",
    evidence_file: Any = None,
) -> Assessment:
    """A civil society organisation's own view; it never changes the official status.

    Side effects: an audit entry, notifications to followers after commit.
    """
    trackable = trackable_of(recommendation, create=True)
    if not actor.has_perm("followup.post_assessment", trackable):
        raise PermissionDenied
    if not actor.has_perm("followup.assess_for_organisation", organisation):
        raise PermissionDenied
    body, lang = _text(text, text_language)
    assessment = Assessment.objects.create(
        trackable=trackable,
        organisation=organisation,
        status=status,
        text=body,
        original_language=lang,
        author=actor,
        **({"assessed_on": assessed_on} if assessed_on else {}),
    )
    _attach({"assessment": assessment}, evidence_url, evidence_file)
    record(
        actor,
        FollowupAction.ASSESSMENT_POSTED,
        assessment,
        {**_about(trackable), "organisation": organisation.pk},
    )
    emit("followup.assessment", assessment, actor=actor, topics=topics_of(trackable))
    return assessment


@transaction.atomic
def set_responsible_actor(
    actor: Any, recommendation: Recommendation, organisation: Any, role: str, deadline: Any = None
) -> ResponsibleActor:
    """Make an organisation lead or contributor; setting it again updates role and deadline.

    Side effects: an audit entry.
    """
    trackable = trackable_of(recommendation, create=True)
    if not actor.has_perm("followup.manage_actors", trackable):
        raise PermissionDenied
    return _set_actor(actor, trackable, organisation, role, deadline)


def _set_actor(actor: Any, trackable: Trackable, organisation: Any, role: str, deadline: Any) -> ResponsibleActor:
    responsible, _created = ResponsibleActor.objects.update_or_create(
        trackable=trackable, organisation=organisation, defaults={"role": role, "deadline": deadline}
    )
    record(
        actor,
        FollowupAction.ACTOR_SET,
        responsible,
        {**_about(trackable), "organisation": organisation.pk, "role": role},
    )
    return responsible


def sync_responsible_actors(
    actor: Any, subject: Any, organisations: list[Organisation], *, deadline: Any = None
) -> Trackable:
    """Make exactly these organisations the subject's responsible actors (the first leads).

    For owning apps whose own service has already checked that ``actor`` may change the subject (an action's
    owners are its responsible actors). Side effects: an audit entry per actor set, none for unchanged ones.
    """
    trackable = trackable_of(subject, create=True)
    wanted = {org.pk: org for org in organisations}
    current = {a.organisation_id: a for a in trackable.responsible_actors.all()}
    for pk in set(current) - set(wanted):
        record(actor, FollowupAction.ACTOR_REMOVED, current[pk], {**_about(trackable), "organisation": pk})
        current[pk].delete()
    for index, org in enumerate(organisations):
        role = ResponsibleActor.Role.LEAD if index == 0 else ResponsibleActor.Role.CONTRIBUTING
        existing = current.get(org.pk)
        if existing is None or existing.role != role or existing.deadline != deadline:
            _set_actor(actor, trackable, org, role, deadline)
    if trackable.deadline != deadline:
        trackable.deadline = deadline
        trackable.save(update_fields=["deadline"])
    return trackable


def _about(trackable: Trackable) -> dict[str, Any]:
    """Audit details naming the tracked subject (recommendations keep their historic key)."""
    if trackable.kind == "recommendation":
        return {"recommendation": trackable.object_id}
    return {"trackable": trackable.pk, "kind": trackable.kind, "object": trackable.object_id}
