"""How opportunities appear in the search index: published ones only."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.opportunities.models import Opportunity


def describe_opportunity(item: Opportunity) -> Entry:
    donor = str(item.donor.name) if item.donor_id else ""
    body = {
        code: f"{text} {item.programme} {donor}".strip() for code, text in (item.summary.texts() or {"en": ""}).items()
    }
    return Entry(
        title=dict(item.title),
        body=body,
        url=item.get_absolute_url(),
        original_language=item.original_language,
        countries=[c.code for c in item.eligible_countries.all()],
        themes=[t.slug for t in item.themes.all()],
        sdgs=[s.number for s in item.sdgs.all()],
        public=item.status == Opportunity.Status.PUBLISHED,
    )


def connect() -> None:
    register(
        "opportunity",
        Opportunity,
        describe_opportunity,
        _("Opportunity"),
        queryset=lambda: Opportunity.objects.select_related("donor").prefetch_related(
            "eligible_countries", "themes", "sdgs"
        ),
        watch=[Opportunity.eligible_countries.through, Opportunity.themes.through, Opportunity.sdgs.through],
    )
