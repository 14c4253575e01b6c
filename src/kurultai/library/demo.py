"""Demo: a research project modelled on a real study of EU–Central Asia cooperation (2020–2021), with its twelve
anonymised expert interviews, its monograph (a small PDF generated here) and the forum where it was presented,
and two policy briefs by a regional environmental centre. Everything written here is demo content in our own
words; the project's aim, period, implementer and funder come from the seed documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from kurultai.core.models import Country, Theme
from kurultai.forums.models import Forum
from kurultai.library import services
from kurultai.library.models import Interview, ProjectEvent, Publication, ResearchProject, Status
from kurultai.organisations.models import Organisation

DATA = Path(__file__).parent / "demo"
PROJECT_SLUG = "eu-central-asia-cooperation-study"
MONOGRAPH_TITLE = "The European Union and Central Asia: opportunities and prospects for cooperation"

PROJECT = {
    "title": {
        "en": "Opportunities and prospects of EU cooperation with Central Asia under the new strategy",
        "ru": "Возможности и перспективы сотрудничества ЕС со странами Центральной Азии в свете новой стратегии",
    },
    "aim": {
        "en": "To gather well-founded expert assessments of what the European Union and the Central Asian countries "
        "can achieve together while the EU's 2019 strategy for the region is put into practice.",
        "ru": "Получить обоснованные экспертные оценки того, чего Европейский союз и страны Центральной Азии могут "
        "достичь вместе при реализации стратегии ЕС для региона 2019 года.",
    },
    "objectives": {
        "en": "1. Open a professional discussion of Central Asia's role in international relations.\n"
        "2. Encourage cooperation among the countries of the region and with the EU.\n"
        "3. Draw up practical recommendations.",
        "ru": "1. Развернуть профессиональное обсуждение роли Центральной Азии в международных отношениях.\n"
        "2. Содействовать сотрудничеству стран региона между собой и с ЕС.\n"
        "3. Подготовить практические рекомендации.",
    },
    "activities": {
        "en": "1. Twelve expert interviews with specialists from Kazakhstan and the other Central Asian countries.\n"
        "2. A monograph on the opportunities and prospects of cooperation.\n"
        "3. An international conference where the book is presented.",
        "ru": "1. Двенадцать экспертных интервью со специалистами из Казахстана и других стран Центральной Азии.\n"
        "2. Монография о возможностях и перспективах сотрудничества.\n"
        "3. Международная конференция с презентацией книги.",
    },
}

BRIEFS = [
    {
        "title": {
            "en": "Basin councils as a bridge between water users and authorities",
            "ru": "Бассейновые советы как мост между водопользователями и властями",
        },
        "abstract": {
            "en": "A demo policy brief: what makes basin councils work, and three steps governments can take.",
            "ru": "Демонстрационная аналитическая записка: что помогает бассейновым советам работать и три шага "
            "для правительств.",
        },
        "themes": ["water-management", "transboundary-water"],
        "year": 2022,
        "author": "Sultanova, Dilnoza",
        "text": "Basin councils bring farmers, utilities and local authorities to one table. "
        "This demo brief lists what helps them: a clear mandate, shared data on water flows and a small budget.",
    },
    {
        "title": {
            "en": "Local adaptation plans: lessons from mountain communities",
            "ru": "Местные планы адаптации: уроки горных сообществ",
        },
        "abstract": {
            "en": "A demo policy brief on climate adaptation planned with villages, not for them.",
            "ru": "Демонстрационная записка об адаптации к изменению климата, спланированной вместе с сёлами.",
        },
        "themes": ["climate-change", "disaster-risk-adaptation"],
        "year": 2023,
        "author": "Bekov, Azamat",
        "text": "Mountain villages face mudflows and shrinking glaciers. This demo brief describes how village "
        "committees mapped risks and chose measures, and what district authorities can do to support them.",
    },
]


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("helvetica", size=16)
    pdf.add_page()
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Demo publication generated for the Kurultai platform.")
    for paragraph in paragraphs:
        pdf.add_page()
        pdf.multi_cell(0, 6, paragraph)
    return bytes(pdf.output())


def _attach(publication: Publication, title: str, paragraphs: list[str]) -> None:
    if publication.files.exists():
        return
    upload = SimpleUploadedFile("demo.pdf", _pdf(title, paragraphs), content_type="application/pdf")
    item = services.add_file(None, publication, upload, language="en", label="Full text (demo)")
    services.read_pdf(item.pk)


def _themes(*slugs: str) -> list[Theme]:
    return list(Theme.objects.filter(slug__in=slugs))


def _project() -> ResearchProject:
    project, _created = ResearchProject.objects.get_or_create(
        slug=PROJECT_SLUG,
        defaults={
            **PROJECT,
            "starts_on": dt.date(2020, 3, 1),
            "ends_on": dt.date(2021, 3, 31),
            "funder_name": "Rosa Luxemburg Foundation, Central Asia office",
            "original_language": "en",
            "is_demo": True,
        },
    )
    project.implementers.set(Organisation.objects.filter(slug="alternativa"))
    project.themes.set(_themes("regional-cooperation"))
    project.countries.set(Country.objects.filter(region=Country.Region.CENTRAL_ASIA))
    forum = Forum.objects.filter(slug="2021-almaty").first()
    if forum is not None and not project.events.exists():
        ProjectEvent.objects.create(
            project=project,
            forum=forum,
            role={"en": "The monograph was presented (demo)", "ru": "Презентация монографии (демо)"},
        )
    return project


def _monograph(project: ResearchProject) -> Publication:
    publication = Publication.objects.filter(title__en=MONOGRAPH_TITLE, is_demo=True).first()
    if publication is None:
        alternativa = Organisation.objects.filter(slug="alternativa").first()
        creators = [{"organisation": alternativa}] if alternativa else [{"name": "Research team"}]
        publication = services.create_publication(
            None,
            creators=creators,
            type="monograph",
            title={"en": MONOGRAPH_TITLE, "ru": "Европейский союз и Центральная Азия: возможности и перспективы"},
            abstract={
                "en": "Demo abstract. Drawing on twelve expert interviews, the book looks at how the EU's 2019 "
                "strategy for Central Asia can serve resilience, prosperity and regional cooperation, and ends "
                "with practical recommendations.",
                "ru": "Демонстрационная аннотация. На основе двенадцати экспертных интервью книга рассматривает, как "
                "стратегия ЕС 2019 года может служить устойчивости, процветанию и региональному сотрудничеству.",
            },
            year=2021,
            languages="ru en",
            publisher="Center for Topical Research Alternativa",
            place="Almaty",
            keywords="EU strategy, Central Asia, regional cooperation",
            project=project,
            themes=_themes("regional-cooperation"),
            countries=list(Country.objects.filter(region=Country.Region.CENTRAL_ASIA)),
            original_language="en",
            is_demo=True,
        )
    _attach(
        publication,
        MONOGRAPH_TITLE,
        [
            "Chapter 1. The 2019 strategy: resilience, prosperity and working better together.",
            "Chapter 2. What twelve experts said: trade and connectivity, education, water and energy, "
            "the rule of law and the place of civil society.",
            "Chapter 3. Recommendations: regular dialogue with civil society, mobility for students from small "
            "towns, shared basin management and the interconnection of energy systems.",
        ],
    )
    if publication.status != Status.PUBLISHED:
        services.publish_publication(None, publication)
    return publication


def _interviews(project: ResearchProject, monograph: Publication) -> int:
    countries = {c.code: c for c in Country.objects.all()}
    theme = _themes("regional-cooperation")
    made = 0
    for item in json.loads((DATA / "interviews.json").read_text(encoding="utf-8")):
        if Interview.objects.filter(project=project, topic__en=item["topic"]["en"]).exists():
            continue
        day = dt.date.fromisoformat(item["day"])
        services.create_interview(
            None,
            transcripts=item["transcript"],
            themes=theme,
            status=Status.PUBLISHED,
            anonymised=True,
            interviewee_role=item["role"],
            country=countries.get(item["country"]),
            topic=item["topic"],
            summary={"en": "Demo interview written for the platform."},
            interviewer="Alternativa research team (demo)",
            interviewed_on=day,
            consent_on=day - dt.timedelta(days=3),
            consent_form="written",
            consent_scope="anonymised",
            project=project,
            publication=monograph,
            original_language="en",
            is_demo=True,
        )
        made += 1
    return made


def _briefs() -> int:
    carec = Organisation.objects.filter(slug="carec").first()
    made = 0
    for brief in BRIEFS:
        publication = Publication.objects.filter(title__en=brief["title"]["en"], is_demo=True).first()
        if publication is None:
            creators = [{"name": brief["author"]}] + ([{"organisation": carec}] if carec else [])
            publication = services.create_publication(
                None,
                creators=creators,
                type="policy_brief",
                title=brief["title"],
                abstract=brief["abstract"],
                year=brief["year"],
                languages="en ru",
                publisher="Regional Environmental Centre for Central Asia (demo)",
                place="Almaty",
                themes=_themes(*brief["themes"]),
                countries=list(Country.objects.filter(region=Country.Region.CENTRAL_ASIA)),
                original_language="en",
                is_demo=True,
            )
            made += 1
        _attach(publication, brief["title"]["en"], [brief["text"]])
        if publication.status != Status.PUBLISHED:
            services.publish_publication(None, publication)
    return made


def load() -> dict[str, int]:
    with transaction.atomic():
        project = _project()
        monograph = _monograph(project)
        interviews = _interviews(project, monograph)
        briefs = _briefs()
    return {
        "research projects": ResearchProject.objects.count(),
        "publications": Publication.objects.count(),
        "new expert interviews": interviews,
        "new policy briefs": briefs,
    }
