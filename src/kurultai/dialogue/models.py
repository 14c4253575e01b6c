"""Consultations with contributions and comments, and positions co-signed by organisations, version by version."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.moderation import Moderated
from kurultai.core.multilingual import TranslatableModel, TranslatedField

MAX_CONTRIBUTION = 5000
MAX_POSITION = 50_000


class ConsultationQuerySet(models.QuerySet):
    def public(self) -> ConsultationQuerySet:
        """Consultations anyone may read: every phase once announced."""
        return self.all()


class Consultation(TranslatableModel):
    """A question or a document opened for input, with phases and a deadline."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        DOCUMENT = "document", _("Document")

    class Phase(models.TextChoices):
        ANNOUNCED = "announced", _("Announced")
        OPEN = "open", _("Open for contributions")
        CLOSED = "closed", _("Closed")
        REPORTED = "reported", _("Report published")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = TranslatedField(_("title"), max_length=300)
    question = TranslatedField(_("question or introduction"), multiline=True, help_text=_("Markdown."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.QUESTION)
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, default=Phase.ANNOUNCED, db_index=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    time_zone = models.CharField(_("time zone of the deadline"), max_length=60, default="Asia/Almaty")
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, help_text=_("Language codes, comma-separated, e.g. en,ru.")
    )
    organiser = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("organising organisation"),
    )
    working_group = models.ForeignKey(
        "workinggroups.WorkingGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("working group"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hold_first = models.PositiveSmallIntegerField(
        _("first contributions held for review"),
        default=0,
        help_text=_("A person's first contributions wait for a moderator before they show; 0 holds none."),
    )
    report = TranslatedField(_("report"), multiline=True, blank=True, help_text=_("Markdown."))
    report_file = models.FileField(_("report file"), upload_to="consultations/reports/", blank=True)
    report_published_at = models.DateTimeField(_("report published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    is_demo = models.BooleanField(default=False)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return str(self.title) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("dialogue:consultation", kwargs={"slug": self.slug})

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    @property
    def accepts_contributions(self) -> bool:
        if self.phase != self.Phase.OPEN:
            return False
        return self.deadline is None or self.deadline > timezone.now()


class ConsultationDocument(models.Model):
    """A file attached to a consultation (the draft, background papers), checked by content and size."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="consultations/documents/")
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("consultation document")
        verbose_name_plural = _("consultation documents")

    def __str__(self) -> str:
        return self.title


class Paragraph(TranslatableModel):
    """One numbered paragraph of a consultation's document; people comment on it by its anchor ``#p-N``."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveSmallIntegerField(_("number"))
    text = TranslatedField(_("text"), multiline=True)

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="one_consultation_paragraph_number")
        ]

    def __str__(self) -> str:
        return f"§{self.number}"

    @property
    def anchor(self) -> str:
        return f"p-{self.number}"


class Contribution(Moderated):
    """What a member (or an organisation, through its representative) says in a consultation, or a reply to it."""

    moderation_held_field = "held_for_review"

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="contributions")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, null=True, blank=True, related_name="contributions"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("reply to")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("on behalf of"),
    )
    text = models.TextField(_("your contribution"), max_length=MAX_CONTRIBUTION)
    language = models.CharField(_("language"), max_length=8)
    held_for_review = models.BooleanField(default=False, db_index=True)
    token = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.UniqueConstraint(
                fields=["author", "token"], condition=~models.Q(token=""), name="one_contribution_per_submission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id}/{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("dialogue:consultation", kwargs={"slug": self.consultation.slug}) + f"#c-{self.pk}"


class Endorsement(models.Model):
    """An organisation standing behind a contribution; one per organisation."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="endorsements"
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "organisation"], name="one_endorsement_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.contribution_id}"


class Position(Moderated):
    """A consolidated text drafted by an organisation, co-signed by others version by version, then submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNING = "signing", _("Open for co-signature")
        SUBMITTED = "submitted", _("Submitted")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="positions", verbose_name=_("drafted by")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    addressees = models.ManyToManyField(
        "forums.Addressee", blank=True, related_name="positions", verbose_name=_("addressed to")
    )
    consultation = models.ForeignKey(
        Consultation, on_delete=models.SET_NULL, null=True, blank=True, related_name="positions"
    )
    current = models.ForeignKey("PositionVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    opened_at = models.DateTimeField(_("opened for co-signature"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return self.current.title if self.current_id and self.current else self.slug

    def get_absolute_url(self) -> str:
        return reverse("dialogue:position", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT and not self.is_hidden


class PositionVersion(models.Model):
    """One text of a position; a new one is made for every edit after the first signature."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), max_length=MAX_POSITION, help_text=_("Markdown."))
    language = models.CharField(_("language"), max_length=8)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "number"]
        verbose_name = _("position version")
        verbose_name_plural = _("position versions")
        constraints = [models.UniqueConstraint(fields=["position", "number"], name="one_position_version_number")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class Signature(models.Model):
    """An organisation's co-signature of one version, given by one of its representatives."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="signatures")
    version = models.ForeignKey(PositionVersion, on_delete=models.CASCADE, related_name="signatures")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="position_signatures"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="one_position_signature_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} signed v{self.version_id}"
