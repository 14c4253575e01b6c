"""The knowledge hub's library: publications described in Dublin Core terms, their files, expert interviews with
their consent, audio and transcripts, and the research projects they come from."""

from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.core.multilingual import TranslatableModel, TranslatedField, TranslatedText, coerce
from kurultai.core.uploads import GeneratedName
from kurultai.organisations.models import Organisation

AUDIO_EXTENSIONS = {"audio/mpeg": ".mp3", "audio/ogg": ".ogg", "audio/mp4": ".m4a"}


@deconstructible
class AudioName:
    """``library/audio/<random>.<extension of the checked audio type>``, never the uploader's name."""

    def __call__(self, instance: models.Model, filename: str) -> str:
        return f"library/audio/{uuid.uuid4().hex}{AUDIO_EXTENSIONS.get(getattr(instance, 'content_type', ''), '.bin')}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AudioName)

    def __hash__(self) -> int:
        return hash("library/audio")


class PublicationType(models.TextChoices):
    MONOGRAPH = "monograph", _("Monograph")
    RESEARCH_REPORT = "research_report", _("Research report")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    ARTICLE = "article", _("Article")
    TRAINING_MATERIAL = "training_material", _("Training material")
    EXPERT_INTERVIEW = "expert_interview", _("Expert interview")
    DATASET = "dataset", _("Dataset")


class Licence(models.TextChoices):
    """SPDX identifiers of the licences a publication may carry."""

    CC_BY_4 = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA_4 = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC_4 = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_ND_4 = "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublicationQuerySet(models.QuerySet):
    def published(self) -> PublicationQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def for_listing(self) -> PublicationQuerySet:
        return self.prefetch_related("creators__organisation", "themes", "files")


class ResearchProject(TranslatableModel):
    """A study with its aim, objectives, activities, period, funder, implementers and outputs."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = TranslatedField(_("title"), max_length=300)
    aim = TranslatedField(_("aim"), multiline=True, blank=True)
    objectives = TranslatedField(_("objectives"), multiline=True, blank=True, help_text=_("Markdown."))
    activities = TranslatedField(_("activities"), multiline=True, blank=True, help_text=_("Markdown."))
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    funder = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("funder")
    )
    funder_name = models.CharField(_("funder (not in the directory)"), max_length=300, blank=True)
    implementers = models.ManyToManyField(
        Organisation, blank=True, related_name="research_projects", verbose_name=_("implementers")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="research_projects", verbose_name=_("themes"))
    countries = models.ManyToManyField(
        Country, blank=True, related_name="research_projects", verbose_name=_("countries")
    )
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-starts_on", "slug"]
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")

    def __str__(self) -> str:
        return str(self.title) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("library:project", kwargs={"slug": self.slug})

    @property
    def funder_label(self) -> str:
        return str(self.funder) if self.funder_id else self.funder_name


class OutputStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ProjectEvent(models.Model):
    """An event of the forums module where the project worked or presented its results."""

    project = models.ForeignKey(ResearchProject, on_delete=models.CASCADE, related_name="events")
    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="+", verbose_name=_("forum"))
    session = models.ForeignKey(
        "forums.Session", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("session")
    )
    role = TranslatedField(_("what happened there"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=OutputStatus.choices, default=OutputStatus.DONE)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("project event")
        verbose_name_plural = _("project events")

    def __str__(self) -> str:
        return f"{self.project_id} @ {self.forum_id}"


class Publication(TranslatableModel):
    """A repository record: Dublin Core's fifteen elements, as far as they apply."""

    type = models.CharField(_("type"), max_length=20, choices=PublicationType.choices, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    title = TranslatedField(_("title"), max_length=500)
    abstract = TranslatedField(_("abstract"), multiline=True, blank=True, max_length=20000)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    date = models.DateField(_("full date"), null=True, blank=True, help_text=_("When known; the year is enough."))
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, help_text="Space-separated ISO 639-1 codes of the text."
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="publications", verbose_name=_("themes"))
    countries = models.ManyToManyField(Country, blank=True, related_name="publications", verbose_name=_("countries"))
    keywords = models.CharField(_("keywords"), max_length=500, blank=True, help_text=_("Separated by commas."))
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    place = models.CharField(_("place of publication"), max_length=200, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY_4)
    rights = models.CharField(_("rights holder"), max_length=300, blank=True)
    project = models.ForeignKey(
        ResearchProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("research project"),
    )
    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("forum")
    )
    session = models.ForeignKey(
        "forums.Session", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("session")
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("library:publication", kwargs={"pk": self.pk})

    @property
    def language_list(self) -> list[str]:
        return self.languages.split()

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def issued(self) -> str:
        """The date as precisely as it is known: ``2021`` or ``2021-03-10``."""
        return self.date.isoformat() if self.date else str(self.year)

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED


class Creator(models.Model):
    """One author, in order: a person's name or an organisation of the directory."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="creators")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=300, blank=True, help_text=_("Family name, given names."))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.organisation) if self.organisation_id else self.name

    @property
    def is_organisation(self) -> bool:
        return self.organisation_id is not None


class PublicationFile(models.Model):
    """A PDF of a publication, with what a reader wants to know before downloading it."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=GeneratedName("library/files"), max_length=200)
    content_type = models.CharField(max_length=100, default="application/pdf")
    size = models.PositiveBigIntegerField(_("size"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    language = models.CharField(_("language"), max_length=8, blank=True)
    label = models.CharField(_("label"), max_length=200, blank=True)
    thumbnail = models.FileField(upload_to=GeneratedName("library/thumbnails"), max_length=200, blank=True)
    text = models.TextField(blank=True, help_text="Text extracted for search.")
    text_extracted_at = models.DateTimeField(null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("publication file")
        verbose_name_plural = _("publication files")

    def __str__(self) -> str:
        return self.label or f"PDF {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("library:file", kwargs={"pk": self.pk})


class ConsentScope(models.TextChoices):
    PUBLISH_NAMED = "named", _("Publish with the interviewee's name")
    PUBLISH_ANONYMISED = "anonymised", _("Publish without the name (anonymised)")
    RESEARCH_ONLY = "research_only", _("Use for the research only, do not publish")


class ConsentForm(models.TextChoices):
    WRITTEN = "written", _("Signed form")
    ORAL = "oral", _("Oral, recorded")
    ONLINE = "online", _("Online form")


class InterviewQuerySet(models.QuerySet):
    def published(self) -> InterviewQuerySet:
        return self.filter(status=Status.PUBLISHED).exclude(consent_scope=ConsentScope.RESEARCH_ONLY)


class Interview(TranslatableModel):
    """An expert interview: who (or which role, when anonymised), consent, audio and transcripts."""

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    interviewee_name = models.CharField(
        _("interviewee's name"),
        max_length=300,
        blank=True,
        help_text=_("Never shown when the interview is anonymised."),
    )
    anonymised = models.BooleanField(_("anonymised"), default=False)
    interviewee_role = TranslatedField(
        _("interviewee's role"), max_length=300, help_text=_("For example “expert, Kazakhstan”.")
    )
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("country")
    )
    topic = TranslatedField(_("topic"), max_length=300)
    summary = TranslatedField(_("summary"), multiline=True, blank=True)
    interviewer = models.CharField(_("interviewer"), max_length=300, blank=True)
    interviewed_on = models.DateField(_("date of the interview"))
    consent_on = models.DateField(_("consent given on"))
    consent_form = models.CharField(_("form of consent"), max_length=10, choices=ConsentForm.choices)
    consent_scope = models.CharField(_("scope of consent"), max_length=15, choices=ConsentScope.choices)
    audio = models.FileField(_("audio"), upload_to=AudioName(), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    audio_seconds = models.PositiveIntegerField(_("duration (seconds)"), default=0)
    audio_bitrate = models.PositiveIntegerField(_("bit rate (kbit/s)"), default=0)
    audio_size = models.PositiveBigIntegerField(_("audio size"), default=0)
    themes = models.ManyToManyField(Theme, blank=True, related_name="interviews", verbose_name=_("themes"))
    project = models.ForeignKey(
        ResearchProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interviews",
        verbose_name=_("research project"),
    )
    publication = models.ForeignKey(
        Publication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interviews",
        verbose_name=_("publication it informs"),
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["-interviewed_on", "-pk"]
        verbose_name = _("expert interview")
        verbose_name_plural = _("expert interviews")

    def __str__(self) -> str:
        return f"{self.public_name}: {self.public_topic}"

    def get_absolute_url(self) -> str:
        return reverse("library:interview", kwargs={"pk": self.pk})

    @property
    def public_name(self) -> str:
        """What every public place shows: the role when anonymised, otherwise the name (and role)."""
        role = str(self.interviewee_role)
        if self.anonymised or not self.interviewee_name or self.consent_scope != ConsentScope.PUBLISH_NAMED:
            return role
        return f"{self.interviewee_name} ({role})" if role else self.interviewee_name

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.consent_scope != ConsentScope.RESEARCH_ONLY

    @property
    def hides_name(self) -> bool:
        return self.public_name == str(self.interviewee_role)

    def _scrubbed(self, value: TranslatedText) -> TranslatedText:
        texts = coerce({code: self.scrub(text) for code, text in value.texts().items()})
        texts.original = self.original_language
        return texts

    @property
    def public_topic(self) -> TranslatedText:
        return self._scrubbed(self.topic)

    @property
    def public_summary(self) -> TranslatedText:
        return self._scrubbed(self.summary)

    def scrub(self, text: str) -> str:
        """Text with the interviewee's name taken out when the interview is anonymised."""
        name = self.interviewee_name.strip()
        if not self.hides_name or not name:
            return text
        for part in {name, *[p for p in name.split() if len(p) > 2]}:
            text = re.sub(re.escape(part), "…", text, flags=re.IGNORECASE)
        return text


class Transcript(models.Model):
    """What was said, in one language."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="transcripts")
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("transcript"), max_length=200000)
    machine = models.BooleanField(_("machine translation"), default=False)

    class Meta:
        ordering = ["language"]
        constraints = [models.UniqueConstraint(fields=["interview", "language"], name="one_transcript_per_language")]

    def __str__(self) -> str:
        return f"{self.interview_id} ({self.language})"

    @property
    def public_text(self) -> str:
        return self.interview.scrub(self.text)
