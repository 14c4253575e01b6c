"""How organisations and partner requests appear in the search index."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.organisations.models import Organisation, PartnerRequest


def describe_organisation(org: Organisation) -> Entry:
    title = dict(org.name)
    if org.short_name:
        title = {code: f"{text} ({org.short_name})" for code, text in title.items()} or {"en": org.short_name}
    body = {
        code: f"{org.description.get(code, '')} {org.city.get(code, '')}".strip()
        for code in set(org.description.texts()) | set(org.city.texts())
    }
    return Entry(
        title=title,
        body=body,
        url=org.get_absolute_url(),
        original_language=org.original_language,
        countries=[org.country.code] if org.country_id else [],
        themes=[t.slug for t in org.themes.all()],
        public=org.is_listed,
    )


def describe_partner_request(request: PartnerRequest) -> Entry:
    return Entry(
        title=dict(request.title),
        body=dict(request.purpose),
        url=request.get_absolute_url(),
        original_language=request.original_language,
        countries=[c.code for c in request.countries.all()],
        themes=[t.slug for t in request.themes.all()],
        public=request.status == PartnerRequest.Status.OPEN and not request.is_hidden,
    )


def connect() -> None:
    register(
        "organisation",
        Organisation,
        describe_organisation,
        _("Organisation"),
        queryset=lambda: Organisation.objects.select_related("country").prefetch_related("themes"),
        watch=[Organisation.themes.through],
    )
    register(
        "partner_request",
        PartnerRequest,
        describe_partner_request,
        _("Partner request"),
        queryset=lambda: PartnerRequest.objects.prefetch_related("themes", "countries"),
        watch=[PartnerRequest.themes.through, PartnerRequest.countries.through],
    )
