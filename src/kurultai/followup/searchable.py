"""How responses, progress updates and assessments appear in the search index."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.followup.models import Assessment, ProgressUpdate, Response
from kurultai.forums.models import Recommendation


def _about(recommendation: Recommendation, texts: dict, who: str) -> dict:
    return {code: f"{who} · {recommendation.reference}" for code in texts or {"en": ""}}


def _entry(item: Response | ProgressUpdate | Assessment, who: str, status: str) -> Entry:
    rec = item.recommendation
    if rec is None:
        return _other_entry(item, who, status)
    return Entry(
        title=_about(rec, item.text.texts(), who),
        body={code: f"{status}. {text}" for code, text in item.text.texts().items()} or {"en": status},
        url=f"{rec.get_absolute_url()}#follow-up",
        original_language=item.original_language,
        countries=[c.code for c in rec.countries.all()],
        themes=[t.slug for t in rec.themes.all()],
        public=rec.forum.is_published,
    )


def _other_entry(item: Response | ProgressUpdate | Assessment, who: str, status: str) -> Entry:
    """Follow-up of any other kind of trackable: public when its subject is."""
    trackable = item.trackable
    spec = trackable.kind_spec
    subject = trackable.subject
    public = subject is not None and spec.visible(spec.model._default_manager.filter(pk=subject.pk)).exists()
    countries = getattr(subject, "countries", None)
    return Entry(
        title={code: f"{who} · {trackable.title}" for code in item.text.texts() or {"en": ""}},
        body={code: f"{status}. {text}" for code, text in item.text.texts().items()} or {"en": status},
        url=f"{trackable.get_absolute_url()}#follow-up" if subject is not None else "",
        original_language=item.original_language,
        countries=[c.code for c in countries.all()] if countries is not None else [],
        themes=[],
        public=public,
    )


def describe_response(response: Response) -> Entry:
    who = str(response.organisation.name) if response.organisation_id else str(response.addressee.name)
    return _entry(response, who, str(response.get_status_display()))


def describe_update(update: ProgressUpdate) -> Entry:
    who = str(update.organisation.name) if update.organisation_id else str(update.get_reporter_display())
    return _entry(update, who, str(update.get_status_display()))


def describe_assessment(assessment: Assessment) -> Entry:
    return _entry(assessment, str(assessment.organisation.name), str(assessment.get_status_display()))


RELATED = ("recommendation__forum", "recommendation__session")
TAGS = ("recommendation__countries", "recommendation__themes")


def connect() -> None:
    register(
        "response",
        Response,
        describe_response,
        _("Response"),
        queryset=lambda: Response.objects.select_related(*RELATED, "organisation", "addressee").prefetch_related(*TAGS),
        weight=0.5,
    )
    register(
        "progress_update",
        ProgressUpdate,
        describe_update,
        _("Progress update"),
        queryset=lambda: ProgressUpdate.objects.select_related(*RELATED, "organisation").prefetch_related(*TAGS),
        weight=0.5,
    )
    register(
        "assessment",
        Assessment,
        describe_assessment,
        _("Assessment"),
        queryset=lambda: Assessment.objects.select_related(*RELATED, "organisation").prefetch_related(*TAGS),
        weight=0.5,
    )
