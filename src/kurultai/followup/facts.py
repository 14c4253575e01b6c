"""Where each tracked subject stands, kept on its :class:`~kurultai.followup.models.Trackable` row.

The dashboard counts tens of thousands of recommendations; reading the newest update, first official response,
earliest deadline and civil society views of each one costs a query per subject and grows with the data. These
columns hold the same facts :func:`kurultai.followup.tracking.track` derives, refreshed whenever a progress
update, response, responsible actor or assessment is saved or deleted, so the dashboard's counts are a few
aggregate queries whatever the volume.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

NO_INFORMATION = "no_information"
AWAITING_RESPONSE = "awaiting_response"


def refresh(trackable_ids: Iterable[int], apps=global_apps) -> None:
    """Bring the kept facts of these trackables up to date (``apps``: a migration's historical models).

    Side effects: updates ``status``, ``last_reported_on``, ``first_response_on``, ``actors_deadline`` and
    ``disputed`` of those rows.
    """
    ids = sorted({pk for pk in trackable_ids if pk is not None})
    if not ids:
        return
    model = apps.get_model

    def of_row(name: str):
        return model("followup", name).objects.filter(trackable=OuterRef("pk"))

    newest = of_row("ProgressUpdate").order_by("-reported_on", "-created_at", "-id")
    official = of_row("Response").filter(organisation__isnull=False).exclude(status=AWAITING_RESPONSE)
    deadlines = of_row("ResponsibleActor").filter(deadline__isnull=False)
    trackables = model("followup", "Trackable").objects.filter(pk__in=ids)
    trackables.update(
        status=Coalesce(Subquery(newest.values("status")[:1]), Value(NO_INFORMATION)),
        last_reported_on=Subquery(newest.values("reported_on")[:1]),
        first_response_on=Subquery(official.order_by("responded_on").values("responded_on")[:1]),
        actors_deadline=Subquery(deadlines.order_by("deadline").values("deadline")[:1]),
    )
    # Each organisation's newest view counts, as track() reads them; a real view that differs from a real
    # official status is a disagreement ("no information" is neither).
    views: dict[int, dict[int, str]] = {}
    assessments = model("followup", "Assessment").objects.filter(trackable_id__in=ids)
    for trackable_id, organisation_id, status in assessments.order_by("-assessed_on", "-created_at").values_list(
        "trackable_id", "organisation_id", "status"
    ):
        views.setdefault(trackable_id, {}).setdefault(organisation_id, status)
    disputed = [
        pk
        for pk, status in trackables.values_list("pk", "status")
        if status != NO_INFORMATION and any(v not in (status, NO_INFORMATION) for v in views.get(pk, {}).values())
    ]
    trackables.exclude(pk__in=disputed).filter(disputed=True).update(disputed=False)
    trackables.filter(pk__in=disputed, disputed=False).update(disputed=True)


def _on_delete(sender, instance, **kwargs) -> None:
    refresh([instance.trackable_id])


def connect() -> None:
    """Refresh the kept facts when a record goes (saving one refreshes them in ``TrackedRecord.save``)."""
    from django.db.models.signals import post_delete

    for name in ("ProgressUpdate", "Response", "ResponsibleActor", "Assessment"):
        post_delete.connect(
            _on_delete, sender=global_apps.get_model("followup", name), dispatch_uid=f"followup.facts.{name}"
        )
