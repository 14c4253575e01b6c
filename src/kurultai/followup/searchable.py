"""How responses, progress updates and assessments appear in the search index."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.followup.models import Assessment, ProgressUpdate, Response
from kurultai.forums.models import Recommendation


def _about(recommendation: Recommendation, texts: dict, who: str) -> dict:
    return {code: f"{who} · {recommendation.reference}" for code in texts or {"en": ""}}


def _entry(item: Response | ProgressUpdate | Assessment, who: str, status: str) -> Entry:
    rec = item.recommendation
    return Entry(
        title=_about(rec, item.text.texts(), who),
        body={code: f"{status}. {text}" for code, text in item.text.texts().items()} or {"en": status},
        url=f"{rec.get_absolute_url()}#follow-up",
        original_language=item.original_language,
        countries=[c.code for c in rec.countries.all()],
        themes=[t.slug for t in rec.themes.all()],
        public=rec.forum.is_published,
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
    )
    register(
        "progress_update",
        ProgressUpdate,
        describe_update,
        _("Progress update"),
        queryset=lambda: ProgressUpdate.objects.select_related(*RELATED, "organisation").prefetch_related(*TAGS),
    )
    register(
        "assessment",
        Assessment,
        describe_assessment,
        _("Assessment"),
        queryset=lambda: Assessment.objects.select_related(*RELATED, "organisation").prefetch_related(*TAGS),
    )
