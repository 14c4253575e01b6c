"""Factories and sample files for the library: publications, PDFs, interviews, MP3 recordings, projects."""

from __future__ import annotations

import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kurultai.core.models import Theme
from kurultai.library.models import Creator, Interview, Publication, ResearchProject, Transcript


def pdf_bytes(*pages: str) -> bytes:
    """A real PDF (fpdf2) with one page per text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages or ("A small test document.",):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def pdf_upload(*pages: str, name: str = "report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(*pages), content_type="application/pdf")


def mp3_bytes(seconds: float = 5.0, kbps: int = 64) -> bytes:
    """Constant bit rate MPEG-1 Layer III frames of silence (44.1 kHz, mono): a file players and mutagen read."""
    index = {32: 1, 40: 2, 48: 3, 56: 4, 64: 5, 80: 6, 96: 7, 112: 8, 128: 9, 160: 10, 192: 11, 256: 13, 320: 14}[kbps]
    header = bytes([0xFF, 0xFB, (index << 4) | 0x00, 0xC4])
    length = 144 * kbps * 1000 // 44100
    frame = header + b"\x00" * (length - 4)
    frames = int(seconds * 44100 / 1152) + 1
    out = io.BytesIO()
    for _ in range(frames):
        out.write(frame)
    return out.getvalue()


def mp3_upload(seconds: float = 5.0, kbps: int = 64, name: str = "talk.mp3") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, mp3_bytes(seconds, kbps), content_type="audio/mpeg")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResearchProject
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"study-{n}")
    title = factory.Sequence(lambda n: {"en": f"Study number {n} of regional cooperation"})
    aim = factory.LazyFunction(lambda: {"en": "To understand cooperation."})
    starts_on = dt.date(2020, 3, 1)
    ends_on = dt.date(2021, 3, 31)
    funder_name = "A foundation"
    original_language = "en"


class PublicationFactory(factory.django.DjangoModelFactory):
    """A published policy brief on water management, 2021, by one person."""

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    type = "policy_brief"
    status = "published"
    title = factory.Sequence(lambda n: {"en": f"Policy brief number {n} on basins {n * 7919}"})
    abstract = factory.LazyFunction(lambda: {"en": "What the basin councils need."})
    year = 2021
    languages = "en"
    publisher = "Regional Centre"
    licence = "CC-BY-4.0"
    original_language = "en"
    published_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.set(Theme.objects.filter(slug__in=extracted or ["water-management"]))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create:
            for i, name in enumerate(extracted or ["Karimova, Aigul"]):
                Creator.objects.create(publication=self, position=i, name=name)


class InterviewFactory(factory.django.DjangoModelFactory):
    """A published, anonymised interview with an expert from Kazakhstan, with an English transcript."""

    class Meta:
        model = Interview
        skip_postgeneration_save = True

    status = "published"
    interviewee_name = factory.Sequence(lambda n: f"Zhanarbekova Secretname{n}")
    anonymised = True
    interviewee_role = factory.LazyFunction(lambda: {"en": "expert, Kazakhstan"})
    topic = factory.Sequence(lambda n: {"en": f"EU engagement in the region, part {n}"})
    summary = factory.LazyFunction(lambda: {"en": "Views on cooperation."})
    interviewer = "Research team"
    interviewed_on = dt.date(2020, 6, 1)
    consent_on = dt.date(2020, 5, 28)
    consent_form = "written"
    consent_scope = "anonymised"
    original_language = "en"
    updated_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def transcript(self, create, extracted, **kwargs):
        if create:
            Transcript.objects.create(interview=self, language="en", text=extracted or "Cooperation grows slowly.")
