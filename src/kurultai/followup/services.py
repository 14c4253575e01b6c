"""State changes of the follow-up: responses, progress updates, assessments, responsible actors."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_noop

from kurultai.core.audit import record
from kurultai.followup.evidence import check_file
from kurultai.followup.models import (
    Assessment,
    Evidence,
    ImplementationStatus,
    ProgressUpdate,
    Response,
    ResponseStatus,
    ResponsibleActor,
)
from kurultai.followup.notifications import notify
from kurultai.forums.models import Recommendation
from kurultai.organisations.rules import is_representative

logger = logging.getLogger(__name__)


def _text(value: str) -> tuple[dict, str]:
    lang = (translation.get_language() or "en").split("-")[0]
    return ({lang: value.strip()} if value and value.strip() else {}), lang


def _attach(entry: dict[str, Any], url: str = "", upload: Any = None, title: str = "") -> None:
    if url:
        Evidence.objects.create(url=url, title=title or url, **entry)
    if upload is not None:
        content_type = check_file(upload)
        Evidence.objects.create(
            file=upload, title=title or upload.name, content_type=content_type, size=upload.size, **entry
        )


@transaction.atomic
def post_response(
    actor: Any,
    recommendation: Recommendation,
    *,
    addressee: Any,
    status: str,
    text: str = "",
    responded_on: Any = None,
    organisation: Any = None,
) -> Response:
    """Record an addressee's formal answer; earlier answers stay in the history."""
    if not actor.has_perm("followup.post_response", recommendation):
        raise PermissionDenied
    body, lang = _text(text)
    response = Response.objects.create(
        recommendation=recommendation,
        addressee=addressee,
        organisation=organisation,
        status=status,
        text=body,
        original_language=lang,
        author=actor,
        **({"responded_on": responded_on} if responded_on else {}),
    )
    record(actor, "followup.response", recommendation, {"addressee": addressee.code, "status": status})
    notify(
        recommendation,
        gettext_noop("%(reference)s: new response from %(addressee)s — %(status)s"),
        actor,
        addressee=addressee,
        status=ResponseStatus(status).label,
    )
    logger.info("Response %s posted on recommendation %s", response.pk, recommendation.pk)
    return response


@transaction.atomic
def post_update(
    actor: Any,
    recommendation: Recommendation,
    *,
    status: str,
    text: str,
    reporter: str,
    reported_on: Any = None,
    organisation: Any = None,
    evidence_url: str = "",
    evidence_file: Any = None,
    corrects: ProgressUpdate | None = None,
) -> ProgressUpdate:
    """Add a dated entry to the timeline (with evidence); the whole entry or nothing is saved."""
    if not actor.has_perm("followup.post_update", recommendation):
        raise PermissionDenied
    body, lang = _text(text)
    update = ProgressUpdate.objects.create(
        recommendation=recommendation,
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
    record(actor, "followup.update", recommendation, {"status": status})
    notify(
        recommendation,
        gettext_noop("%(reference)s: progress update — %(status)s"),
        actor,
        status=ImplementationStatus(status).label,
    )
    return update


@transaction.atomic
def post_assessment(
    actor: Any,
    recommendation: Recommendation,
    *,
    organisation: Any,
    status: str,
    text: str,
    assessed_on: Any = None,
    evidence_url: str = "",
    evidence_file: Any = None,
) -> Assessment:
    """A civil society organisation's own view; it never changes the official status."""
    if not actor.has_perm("followup.post_assessment", recommendation):
        raise PermissionDenied
    if not (actor.is_superuser or is_representative(actor, organisation)):
        raise PermissionDenied
    body, lang = _text(text)
    assessment = Assessment.objects.create(
        recommendation=recommendation,
        organisation=organisation,
        status=status,
        text=body,
        original_language=lang,
        author=actor,
        **({"assessed_on": assessed_on} if assessed_on else {}),
    )
    _attach({"assessment": assessment}, evidence_url, evidence_file)
    return assessment


@transaction.atomic
def set_responsible_actor(
    actor: Any, recommendation: Recommendation, organisation: Any, role: str, deadline: Any = None
) -> ResponsibleActor:
    if not actor.has_perm("followup.manage_actors", recommendation):
        raise PermissionDenied
    responsible, _created = ResponsibleActor.objects.update_or_create(
        recommendation=recommendation, organisation=organisation, defaults={"role": role, "deadline": deadline}
    )
    record(actor, "followup.actor", recommendation, {"organisation": organisation.pk, "role": role})
    return responsible
