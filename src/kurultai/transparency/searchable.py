"""How donor projects appear in the search index: title, descriptions and publisher, in every language given."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.transparency.models import Activity, Area


def describe_activity(activity: Activity) -> Entry:
    body: dict[str, str] = {}
    for description in activity.descriptions:
        for code, text in description.get("text", {}).items():
            body[code] = f"{body.get(code, '')} {text[:2000]}".strip()
    publisher = " ".join(activity.reporting_org_name.values()) or activity.reporting_org_ref
    body = {code: f"{text} {publisher}".strip() for code, text in (body or {"en": ""}).items()}
    return Entry(
        title=dict(activity.title) or {"en": activity.iati_identifier},
        body=body,
        url=activity.get_absolute_url(),
        original_language=activity.default_language or "en",
        countries=[a.code for a in activity.areas.all() if a.kind == Area.Kind.COUNTRY and len(a.code) == 2],
        sdgs=[s.number for s in activity.sdgs.all()],
    )


def connect() -> None:
    register(
        "project",
        Activity,
        describe_activity,
        _("Donor project"),
        queryset=lambda: Activity.objects.prefetch_related("areas", "sdgs"),
        watch=[Activity.sdgs.through],
        weight=0.5,
    )
