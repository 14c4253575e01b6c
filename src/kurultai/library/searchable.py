"""How the library appears in the search index: published publications (with the text of their PDFs), published
interviews (the role only when anonymised, never the name) and research projects."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.library.models import Interview, Publication, ResearchProject

PDF_TEXT_IN_INDEX = 200_000


def describe_publication(item: Publication) -> Entry:
    creators = " ".join(str(c) for c in item.creators.all())
    extra = " ".join(
        [item.get_type_display(), str(item.year), creators, item.publisher, item.keywords, item.isbn, item.doi]
    )
    pdf = " ".join(f.text for f in item.files.all() if f.text)[:PDF_TEXT_IN_INDEX]
    texts = item.abstract.texts() or {item.original_language: ""}
    body = {code: f"{text} {extra}".strip() for code, text in texts.items()}
    if pdf:
        language = next((f.language for f in item.files.all() if f.language), "") or item.original_language
        body[language] = f"{body.get(language, extra)} {pdf}".strip()
    return Entry(
        title=dict(item.title.texts()),
        body=body,
        url=item.get_absolute_url(),
        original_language=item.original_language,
        countries=[c.code for c in item.countries.all()],
        themes=[t.slug for t in item.themes.all()],
        public=item.is_public,
        languages=item.language_list or None,
        year=item.year,
    )


def describe_interview(item: Interview) -> Entry:
    name = item.public_name  # the role alone when anonymised
    title = {code: f"{name}: {topic}" for code, topic in (item.public_topic.texts() or {"en": ""}).items()}
    body = dict(item.public_summary.texts())
    for transcript in item.transcripts.all():
        body[transcript.language] = f"{body.get(transcript.language, '')} {transcript.text[:50000]}".strip()
    body = {code: item.scrub(text) for code, text in body.items()}
    return Entry(
        title=title,
        body=body or {item.original_language: ""},
        url=item.get_absolute_url(),
        original_language=item.original_language,
        countries=[item.country.code] if item.country_id else [],
        themes=[t.slug for t in item.themes.all()],
        public=item.is_public,
        languages=[t.language for t in item.transcripts.all()] or None,
        year=item.interviewed_on.year,
    )


def describe_project(item: ResearchProject) -> Entry:
    body = {
        code: " ".join([text, str(item.objectives.in_language(code)), item.funder_label]).strip()
        for code, text in (item.aim.texts() or {item.original_language: ""}).items()
    }
    return Entry(
        title=dict(item.title.texts()),
        body=body,
        url=item.get_absolute_url(),
        original_language=item.original_language,
        countries=[c.code for c in item.countries.all()],
        themes=[t.slug for t in item.themes.all()],
        public=item.is_published,
        year=item.starts_on.year if item.starts_on else None,
    )


def connect() -> None:
    register(
        "publication",
        Publication,
        describe_publication,
        _("Publication"),
        queryset=lambda: Publication.objects.prefetch_related("creators__organisation", "files", "themes", "countries"),
        watch=[Publication.themes.through, Publication.countries.through],
    )
    register(
        "interview",
        Interview,
        describe_interview,
        _("Expert interview"),
        queryset=lambda: Interview.objects.select_related("country").prefetch_related("transcripts", "themes"),
        watch=[Interview.themes.through],
        weight=0.5,
    )
    register(
        "research_project",
        ResearchProject,
        describe_project,
        _("Research project"),
        queryset=lambda: ResearchProject.objects.select_related("funder").prefetch_related("themes", "countries"),
        watch=[ResearchProject.themes.through, ResearchProject.countries.through],
    )
