"""Follow-up pages: the panel on a recommendation, the forms that add to it, and the dashboard."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core import fragments
from kurultai.core.forms import SafeChoicesMixin
from kurultai.core.holes import personal, render_part
from kurultai.followup import kinds, recurrence, services
from kurultai.followup.forms import ActorForm, AssessmentForm, ResponseForm, UpdateForm
from kurultai.followup.models import ImplementationStatus, RecurrenceLink, Trackable, trackable_of
from kurultai.followup.rules import expects_a_response
from kurultai.followup.tracking import (
    LISTED,
    Tracking,
    dashboard_facts,
    track,
    trackables_with_tracking,
    trackings_for,
    trackings_of_kind,
)
from kurultai.forums.forms import RecommendationFilterForm
from kurultai.forums.models import Recommendation
from kurultai.notifications.registry import followable_for


def panel_context(request: HttpRequest, subject: Any) -> dict[str, Any]:
    """What ``followup/panel.html`` shows for any tracked subject: status, flags, actors, responses, timeline with
    evidence, assessments; the links to add to them that the person may use are a personal part (followup_links)."""
    from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects

    from kurultai.followup.models import Evidence

    evidence = Evidence.objects.filter(Q(update__trackable=OuterRef("pk")) | Q(assessment__trackable=OuterRef("pk")))
    trackable = (
        trackables_with_tracking(Trackable.objects.of(subject)).annotate(has_evidence=Exists(evidence)).first()
    )
    if trackable is not None:  # most timelines have no evidence attached: then it costs no query
        files = Evidence.objects.all() if trackable.has_evidence else Evidence.objects.none()
        prefetch_related_objects(
            [trackable],
            Prefetch("updates__evidence", queryset=files),
            Prefetch("assessments__evidence", queryset=files),
        )
    if trackable is None:
        subject._trackable_missing = True  # the personal links below ask again
        tracking = Tracking(recommendation=subject if isinstance(subject, Recommendation) else None, subject=subject)
        timeline, actors = [], []
    else:
        trackable.subject = subject
        subject._trackable_cache = trackable
        tracking = track(trackable)
        timeline, actors = list(trackable.updates.all()), list(trackable.responsible_actors.all())
    return {
        "subject": subject,
        "tracking": tracking,
        "timeline": timeline,
        "actors": actors,
        "follow_obj": subject if followable_for(subject) else None,
    }


@personal("followup_links")
def followup_links(request: HttpRequest, subject: Any) -> str:
    """The links to respond, report, assess or add an actor that this person may use (a personal part)."""
    user = request.user
    if not user.is_authenticated:
        return ""
    target = trackable_of(subject) or subject
    can = {
        # Superusers pass every rule; nobody may answer a subject that expects no answer.
        "respond": expects_a_response(user, target) and user.has_perm("followup.post_response", target),
        "update": user.has_perm("followup.post_update", target),
        "assess": user.has_perm("followup.post_assessment", target),
        "actor": user.has_perm("followup.manage_actors", target),
    }
    links = {name: add_url(subject, name) for name, allowed in can.items() if allowed}
    return render_part("followup/_links.html", {"links": links}, request) if links else ""


def add_url(subject: Any, kind: str) -> str:
    """The page that adds a response, update, assessment or actor to the subject."""
    if isinstance(subject, Recommendation):
        return reverse("followup:add", args=[subject.pk, kind])
    spec = kinds.for_model(type(subject))
    return reverse("followup:add_to", args=[spec.key, subject.pk, kind])


def panel(request: HttpRequest, recommendation: Recommendation) -> tuple[str, dict]:
    """The follow-up section of a recommendation page (registered with the forums app)."""
    context = panel_context(request, recommendation)
    # Without a confirmed recurrence (known from the page's own query) there is no history to look up.
    known = getattr(recommendation, "panel_has_recurrences", True)
    context["earlier"] = recurrence.history(recommendation) if known else []
    return "followup/panel.html", context


FORMS = {
    "respond": ("followup.post_response", gettext_lazy("Respond to the recommendation")),
    "update": ("followup.post_update", gettext_lazy("Report progress")),
    "assess": ("followup.post_assessment", gettext_lazy("Give your organisation's assessment")),
    "actor": ("followup.manage_actors", gettext_lazy("Add a responsible actor")),
}
OTHER_TITLES = {"respond": gettext_lazy("Respond")}


@login_required
def add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """One form page per kind of entry on a recommendation; nothing is saved unless everything is valid."""
    rec = get_object_or_404(Recommendation.objects.published().select_related("forum", "session"), pk=pk)
    return _add(request, rec, kind)


@login_required
def add_to(request: HttpRequest, kind_key: str, pk: int, kind: str) -> HttpResponse:
    """The same forms for a subject of any other registered kind (an action, a position …)."""
    try:
        spec = kinds.get(kind_key)
    except KeyError:
        raise Http404 from None
    if spec.key == "recommendation":
        return redirect("followup:add", pk=pk, kind=kind)
    subject = get_object_or_404(spec.public(), pk=pk)
    return _add(request, subject, kind)


def _add(request: HttpRequest, subject: Any, kind: str) -> HttpResponse:
    permission, title = FORMS[kind]
    if not isinstance(subject, Recommendation):
        title = OTHER_TITLES.get(kind, title)
    target = trackable_of(subject) or subject
    if not request.user.has_perm(permission, target):
        raise PermissionDenied
    if kind == "respond" and not expects_a_response(request.user, target):
        raise PermissionDenied
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form: django_forms.Form
    if kind == "respond":
        form = ResponseForm(target, data, user=request.user)
    elif kind == "update":
        form = UpdateForm(data, files, recommendation=target, user=request.user)
    elif kind == "actor":
        form = ActorForm(data)
    else:
        form = AssessmentForm(request.user, data, files)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            if kind == "respond":
                services.post_response(request.user, subject, **values)
            elif kind == "update":
                services.post_update(request.user, subject, **values)
            elif kind == "actor":
                services.set_responsible_actor(request.user, subject, **values)
            else:
                services.post_assessment(request.user, subject, **values)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if isinstance(subject, Recommendation):
                messages.success(request, _("Thank you. The follow-up of this recommendation is updated."))
            else:
                messages.success(request, _("Thank you. The follow-up is updated."))
            return redirect(subject.get_absolute_url())
    spec = kinds.for_model(type(subject))
    return render(
        request,
        "followup/form.html",
        {
            "form": form,
            "recommendation": subject if isinstance(subject, Recommendation) else None,
            "subject": subject,
            "subject_title": spec.title(subject),
            "title": title,
            "nav": "followup",
        },
    )


# The chart is drawn without a viewBox, so its text keeps the stylesheet's size on every screen; bars are
# percentages of the chart's width (the rest leaves room for the count).
BAR_PERCENT = 85
ROW_HEIGHT = 42


def _followables(request: HttpRequest, form: RecommendationFilterForm) -> list[dict]:
    """ "Follow this forum / theme / country" buttons for the filters in use."""
    if not request.user.is_authenticated or not hasattr(form, "cleaned_data"):
        return []
    items = []
    for field, label in (
        ("forum", _("Follow this forum")),
        ("theme", _("Follow this theme")),
        ("country", _("Follow this country")),
    ):
        value = form.cleaned_data.get(field)
        if value is not None and field not in form.errors:
            items.append({"obj": value, "label": f"{label}: {value}"})
    return items


def dashboard(request: HttpRequest) -> HttpResponse:
    """Where recommendations stand, by forum, theme, country and addressee."""
    kind = request.GET.get("kind", "")
    others = {spec.key: spec for spec in kinds.all_kinds() if spec.key != "recommendation"}
    if kind in others:
        form = RecommendationFilterForm(None)
        summary = _summary_of_kind(kind)
    else:
        kind = "recommendation"
        form = RecommendationFilterForm(request.GET or None)
        summary = _summary_of_recommendations(form.filter(Recommendation.objects.published()))
    counts = summary.pop("counts")
    peak = max(counts.values(), default=1)
    rows = [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "percent": round(BAR_PERCENT * counts.get(status, 0) / peak) if peak else 0,
        }
        for status, label in ImplementationStatus.choices
    ]
    total = summary["total"]
    context = {
        **summary,
        "form": form,
        "rows": rows,
        "chart_height": ROW_HEIGHT * len(rows),
        "row_height": ROW_HEIGHT,
        "response_rate": round(100 * summary["answered"] / total) if total else 0,
        "unanswered_count": total - summary["answered"],
        "followables": _followables(request, form) if kind == "recommendation" else [],
        "kind": kind,
        "kind_label": (others[kind].label if kind in others else _("Recommendations")),
        "kind_links": [("recommendation", _("Recommendations"))] + [(k, spec.label) for k, spec in others.items()],
        "nav": "followup",
    }
    return render(request, "followup/dashboard.html", context)


def _summary_of_recommendations(queryset) -> dict[str, Any]:
    """Counts from the facts kept on trackables, computed once per content version of the recommendations (and
    day); full trackings only for the few recommendations listed."""
    today = timezone.localdate()
    name = fragments.query_name(queryset)
    if name is None:  # a filter that matches nothing (words found nowhere)
        queryset = Recommendation.objects.none()
    facts = fragments.cached_value(
        f"dashboard\n{name}\n{today}", "recommendations", lambda: dashboard_facts(queryset, today)
    )
    wanted = list(dict.fromkeys(pk for chosen in facts.lists.values() for pk in chosen))
    by_pk = {t.recommendation.pk: t for t in trackings_for(wanted)}
    return {
        "total": facts.total,
        "counts": facts.counts,
        "answered": facts.answered,
        "median_days": facts.median_days,
        "stale_count": facts.stale,
        "overdue_count": facts.overdue,
        "due_soon_count": facts.due_soon,
        "disputed_count": facts.disputed,
        **{name: [by_pk[pk] for pk in chosen if pk in by_pk] for name, chosen in facts.lists.items()},
    }


def _summary_of_kind(kind: str) -> dict[str, Any]:
    """The same figures for another kind (positions, actions): few enough to track each one in full."""
    trackings = trackings_of_kind(kind)
    first_days = [t.first_response_days for t in trackings if t.answered and t.first_response_days is not None]
    chosen = {
        "oldest_unanswered": sorted(
            (t for t in trackings if not t.answered), key=lambda t: -(t.days_without_response or -1)
        )[:5],
        "overdue": [t for t in trackings if t.overdue],
        "due_soon": [t for t in trackings if t.due_soon],
        "stale": [t for t in trackings if t.stale],
        "disagreements": [t for t in trackings if t.disagreement],
    }
    return {
        "total": len(trackings),
        "counts": Counter(t.status for t in trackings),
        "answered": sum(1 for t in trackings if t.answered),
        "median_days": round(statistics.median(first_days)) if first_days else None,
        "stale_count": len(chosen["stale"]),
        "overdue_count": len(chosen["overdue"]),
        "due_soon_count": len(chosen["due_soon"]),
        "disputed_count": len(chosen["disagreements"]),
        **{name: items[: LISTED if name != "stale" else 10] for name, items in chosen.items()},
    }


class BulkForm(django_forms.Form):
    file = django_forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: recommendation (number or reference such as 2021-S2-R3), status, date (YYYY-MM-DD), text; "
            "optional: reporter, organisation (slug), evidence_url."
        ),
    )


@login_required
def bulk_updates(request: HttpRequest) -> HttpResponse:
    """Editors upload many status updates: every row is checked and previewed; confirming writes them all at once."""
    from kurultai.followup import bulk

    if not request.user.has_perm("followup.bulk_update"):
        raise PermissionDenied
    if request.method == "POST" and "payload" in request.POST:
        return _confirm_bulk(request)
    form = BulkForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    context: dict = {"form": form, "nav": "followup"}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read(5 * 1024 * 1024 + 1)[: 5 * 1024 * 1024]
        result = bulk.parse(data)
        if result.errors:
            errors = result.errors
        else:
            context |= {"rows": bulk.preview(result), "payload": bulk.sign(request.user, data)}
    return render(request, "followup/bulk.html", {**context, "errors": errors})


def _confirm_bulk(request: HttpRequest) -> HttpResponse:
    """Write the previewed file, checked again, in one transaction; a second confirmation writes nothing."""
    from django.core import signing
    from django.core.cache import cache

    from kurultai.followup import bulk

    try:
        data, token = bulk.unsign(request.user, request.POST["payload"])
    except signing.BadSignature:
        messages.error(request, _("The preview has expired or was altered. Upload the file again."))
        return redirect("followup:bulk")
    result = bulk.parse(data)
    if result.errors:
        return render(request, "followup/bulk.html", {"form": BulkForm(), "errors": result.errors, "nav": "followup"})
    if not cache.add(f"kurultai:bulk-confirmed:{token}", True, bulk.PREVIEW_MAX_AGE):
        messages.info(request, _("These updates were already saved."))
        return redirect("followup:dashboard")
    try:
        count = bulk.apply(request.user, result)
    except (ValidationError, PermissionDenied):
        cache.delete(f"kurultai:bulk-confirmed:{token}")
        raise
    messages.success(request, _("%(count)d updates were added.") % {"count": count})
    return redirect("followup:dashboard")


def open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    """All published recommendations with current status and full history: JSON or CSV, under CC BY 4.0."""
    import json

    from kurultai.api.common import add_license_link, license_meta
    from kurultai.followup import opendata

    items = [opendata.as_dict(rec) for rec in opendata.recommendations()]
    if fmt == "json":
        response = HttpResponse(
            json.dumps({**license_meta(), "recommendations": items}, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    elif fmt == "history.csv":
        response = HttpResponse(opendata.history_csv(items), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(opendata.recommendations_csv(items), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kurultai-recommendations.{fmt}"'
    return add_license_link(response)


class DecisionForm(SafeChoicesMixin, django_forms.Form):
    """An editor's decision on a suggested repeat."""

    link = django_forms.ModelChoiceField(RecurrenceLink.objects.all())
    decision = django_forms.ChoiceField(
        choices=[("confirm", gettext_lazy("Confirm")), ("reject", gettext_lazy("Reject"))]
    )


class LinkForm(django_forms.Form):
    recommendation = django_forms.CharField(label=_("Recommendation (number or reference)"), max_length=30)
    earlier = django_forms.CharField(label=_("Repeats the earlier recommendation"), max_length=30)

    def clean(self) -> dict:
        from kurultai.followup.bulk import _find

        data = super().clean()
        for name in ("recommendation", "earlier"):
            if data.get(name):
                found = _find(data[name].strip())
                if found is None:
                    self.add_error(name, _("No single published recommendation has this number or reference."))
                data[name] = found
        return data


@login_required
def recurrences(request: HttpRequest) -> HttpResponse:
    """Editors confirm or reject suggested repeats, or link two recommendations by hand."""
    from kurultai.followup.models import RecurrenceLink

    if not request.user.has_perm("followup.manage_recurrences"):
        raise PermissionDenied
    form = LinkForm(request.POST if "earlier" in request.POST else None)
    if request.method == "POST":
        if "decision" in request.POST:
            decision = DecisionForm(request.POST)
            if decision.is_valid():
                data = decision.cleaned_data
                recurrence.decide(request.user, data["link"], data["decision"] == "confirm")
            else:
                messages.error(request, _("This suggestion no longer exists. Nothing was changed."))
            return redirect("followup:recurrences")
        if request.POST.get("suggest"):
            count = recurrence.suggest(actor=request.user)
            messages.success(request, _("%(count)d new suggestions.") % {"count": count})
            return redirect("followup:recurrences")
        if form.is_valid():
            try:
                recurrence.link(request.user, form.cleaned_data["recommendation"], form.cleaned_data["earlier"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The recommendations are linked."))
                return redirect("followup:recurrences")
    suggestions = RecurrenceLink.objects.filter(status=RecurrenceLink.Status.SUGGESTED).select_related(
        "recommendation__forum", "recommendation__session", "earlier__forum", "earlier__session"
    )[:50]
    return render(request, "followup/recurrences.html", {"suggestions": suggestions, "form": form, "nav": "followup"})
