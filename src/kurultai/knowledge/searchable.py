"""How the hub appears in site search: published practices (their published version) and published sites only."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.multilingual import MACHINE_KEY
from kurultai.core.search import Entry, register
from kurultai.knowledge.models import DemoSite, Practice


def _joined(*values) -> dict[str, str]:
    body: dict[str, list[str]] = {}
    for value in values:
        for code, text in (value.texts() if value else {}).items():
            body.setdefault(code, []).append(text)
    return {code: "\n".join(parts) for code, parts in body.items()} or {"en": ""}


def _languages(*values) -> list[str]:
    """The languages a reader can read the record in: those written by people, not machine translations."""
    found: set[str] = set()
    for value in values:
        if value:
            found |= {code for code, text in value.texts().items() if code not in value.get(MACHINE_KEY, ())}
    return sorted(found)


def describe_practice(item: Practice) -> Entry:
    version = item.current
    if version is None:
        return Entry(title={"en": ""}, body={"en": ""}, url=item.get_absolute_url(), public=False)
    blocks = [b.title for b in version.building_blocks.all()]
    return Entry(
        title=dict(version.title),
        body=_joined(version.summary, version.challenge, version.solution, version.impact, version.lessons, *blocks),
        url=item.get_absolute_url(),
        original_language=version.original_language,
        countries=[version.country.code] if version.country_id else [],
        themes=[t.slug for t in version.themes.all()],
        sdgs=[s.number for s in version.sdgs.all()],
        public=True,
        languages=_languages(version.title, version.summary, version.challenge, version.solution),
        year=(version.published_at or version.created_at).year,
    )


def describe_site(item: DemoSite) -> Entry:
    return Entry(
        title=dict(item.name),
        body=_joined(item.what_to_see, item.directions),
        url=item.get_absolute_url(),
        original_language=item.original_language,
        countries=[item.country.code] if item.country_id else [],
        themes=[t.slug for t in item.themes.all()],
        public=item.status == DemoSite.Status.PUBLISHED,
        languages=_languages(item.name, item.what_to_see),
        year=(item.published_at or item.created_at).year,
    )


def connect() -> None:
    register(
        "practice",
        Practice,
        describe_practice,
        _("Good practice"),
        queryset=lambda: Practice.objects.select_related("current", "current__country").prefetch_related(
            "current__themes", "current__sdgs", "current__building_blocks"
        ),
    )
    register(
        "demonstration_site",
        DemoSite,
        describe_site,
        _("Demonstration site"),
        queryset=lambda: DemoSite.objects.select_related("country").prefetch_related("themes"),
        watch=[DemoSite.themes.through],
    )
