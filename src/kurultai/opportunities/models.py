"""Funding and other opportunities, the donor feeds they are imported from, partner searches linked to them,
conversations between organisations, and the consortium workspaces that apply together."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import SDG, Country, Theme
from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.core.uploads import GeneratedName
from kurultai.organisations.models import Organisation, PartnerInterest, PartnerRequest


class Kind(models.TextChoices):
    CALL = "call", _("Call for proposals")
    TENDER = "tender", _("Tender or service contract")
    GRANT = "grant", _("Grant or sub-grant")
    FELLOWSHIP = "fellowship", _("Fellowship")
    AWARD = "award", _("Award")
    TRAINING = "training", _("Training")
    EVENT = "event", _("Event")


class ApplicantType(models.TextChoices):
    LOCAL_NGO = "local_ngo", _("Local NGO")
    CBO = "cbo", _("Community-based organisation")
    INTERNATIONAL_NGO = "international_ngo", _("International NGO")
    UNIVERSITY = "university", _("University")
    RESEARCH = "research", _("Research institute")
    GOVERNMENT = "government", _("Government body")
    COMPANY = "company", _("Private company")
    INDIVIDUAL = "individual", _("Individual")


class OpportunityQuerySet(models.QuerySet):
    def published(self) -> OpportunityQuerySet:
        """What visitors see: published items, open or expired (an expired page still answers)."""
        return self.filter(status=Opportunity.Status.PUBLISHED)

    def current(self) -> OpportunityQuerySet:
        """Published and not past their deadline: what the list shows by default."""
        return self.published().filter(expired_at__isnull=True)

    def for_listing(self) -> OpportunityQuerySet:
        return self.select_related("donor").prefetch_related("eligible_countries", "themes")


class Opportunity(TranslatableModel):
    """A call, tender, grant, fellowship, award, training or event with eligibility and a deadline."""

    class Stage(models.TextChoices):
        FORECAST = "forecast", _("Forecast")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        AWARDED = "awarded", _("Awarded")

    class DeadlineModel(models.TextChoices):
        SINGLE = "single", _("Single deadline")
        TWO_STAGE = "two_stage", _("Two stages (concept note, then full proposal)")
        ROLLING = "rolling", _("Rolling (applications any time)")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for an editor")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CALL, db_index=True)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.OPEN, db_index=True)
    status = models.CharField(
        _("editorial status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    donor = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("donor"),
    )
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    identifier = models.CharField(_("identifier"), max_length=100, blank=True, help_text=_("The donor's reference."))
    title = TranslatedField(_("title"), max_length=300)
    summary = TranslatedField(_("summary"), multiline=True, blank=True, help_text=_("Markdown."))
    is_global = models.BooleanField(_("open to every country"), default=False)
    eligible_countries = models.ManyToManyField(
        Country, blank=True, related_name="opportunities", verbose_name=_("eligible countries")
    )
    applicant_types = models.CharField(
        _("eligible organisation types"), max_length=200, blank=True, help_text="Space-separated codes."
    )
    eligibility_notes = TranslatedField(_("eligibility notes"), multiline=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="opportunities", verbose_name=_("themes"))
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="opportunities", verbose_name=_("SDGs"))
    amount_min = models.DecimalField(_("smallest amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    amount_max = models.DecimalField(_("largest amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    total_budget = models.DecimalField(_("total budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    cofinancing_percent = models.PositiveSmallIntegerField(_("co-financing (%)"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    opens_on = models.DateField(_("opening date"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True, db_index=True)
    time_zone = models.CharField(_("donor's time zone"), max_length=60, default="Europe/Brussels")
    deadline_model = models.CharField(
        _("deadline model"), max_length=10, choices=DeadlineModel.choices, default=DeadlineModel.SINGLE
    )
    languages = models.CharField(_("languages accepted"), max_length=100, blank=True, help_text="Space-separated.")
    partners_required = models.BooleanField(_("partners required"), default=False)
    how_to_apply = TranslatedField(_("how to apply"), multiline=True, blank=True, help_text=_("Markdown."))
    url = models.URLField(_("link"), max_length=500, blank=True)
    feed = models.ForeignKey(
        "DonorFeed", on_delete=models.SET_NULL, null=True, blank=True, related_name="items", verbose_name=_("feed")
    )
    source_id = models.CharField(_("source id"), max_length=300, blank=True, db_index=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rejection_reason = models.CharField(_("reason"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expired_at = models.DateTimeField(_("expired"), null=True, blank=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "source_id"], condition=~models.Q(source_id=""), name="one_item_per_feed_entry"
            )
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", kwargs={"pk": self.pk})

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.time_zone)
        except Exception:
            return ZoneInfo("UTC")

    @property
    def local_deadline(self) -> dt.datetime | None:
        """The deadline on the donor's clock."""
        return self.deadline.astimezone(self.zone) if self.deadline else None

    def deadline_in(self, zone_name: str) -> dt.datetime | None:
        return self.deadline.astimezone(ZoneInfo(zone_name)) if self.deadline else None

    @property
    def is_open(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.expired_at is None
            and self.stage in (self.Stage.OPEN, self.Stage.FORECAST)
            and (self.deadline is None or self.deadline > timezone.now())
        )

    @property
    def applicant_type_list(self) -> list[str]:
        return self.applicant_types.split()

    @property
    def applicant_type_labels(self) -> list[str]:
        labels = dict(ApplicantType.choices)
        return [str(labels[c]) for c in self.applicant_type_list if c in labels]

    @property
    def language_list(self) -> list[str]:
        return self.languages.split()


class SavedOpportunity(models.Model):
    """A bookmark: the person's own list of opportunities, whose deadlines also go to their calendar."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_opportunities")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="saved_by")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [models.UniqueConstraint(fields=["user", "opportunity"], name="save_opportunity_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.opportunity_id}"


class DonorFeed(models.Model):
    """An RSS or Atom feed of a funding source; its entries land in the editors' queue, never straight online."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("feed address"), max_length=500, unique=True)
    donor = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("donor")
    )
    kind = models.CharField(_("kind of its items"), max_length=20, choices=Kind.choices, default=Kind.CALL)
    time_zone = models.CharField(_("donor's time zone"), max_length=60, default="Europe/Brussels")
    is_active = models.BooleanField(_("read on schedule"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("donor feed")
        verbose_name_plural = _("donor feeds")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    LEAD = "lead", _("Lead applicant")
    CO_APPLICANT = "co_applicant", _("Co-applicant")
    AFFILIATED = "affiliated", _("Affiliated entity")
    ASSOCIATE = "associate", _("Associate")
    SUB_GRANTEE = "sub_grantee", _("Sub-grantee")


class PartnerSearch(models.Model):
    """A partner request tied to an opportunity, with the role offered or sought and the expertise wanted."""

    class Direction(models.TextChoices):
        OFFERED = "offered", _("We offer this role")
        SOUGHT = "sought", _("We look for an organisation in this role")

    request = models.OneToOneField(PartnerRequest, on_delete=models.CASCADE, related_name="opportunity_link")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="partner_searches")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CO_APPLICANT)
    direction = models.CharField(_("offered or sought"), max_length=10, choices=Direction.choices)
    expertise = models.CharField(_("expertise wanted"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("partner search for an opportunity")
        verbose_name_plural = _("partner searches for opportunities")

    def __str__(self) -> str:
        return f"{self.request} ({self.opportunity_id})"


class ConversationMessage(models.Model):
    """A message between the two organisations of an expression of interest; the platform relays it."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    interest = models.ForeignKey(PartnerInterest, on_delete=models.CASCADE, related_name="conversation")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="conversation_messages"
    )
    text = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("conversation message")
        verbose_name_plural = _("conversation messages")

    def __str__(self) -> str:
        return f"{self.organisation_id} in {self.interest_id}"


class Consortium(models.Model):
    """Organisations applying together for one opportunity; visible to its members only."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    opportunity = models.ForeignKey(Opportunity, on_delete=models.PROTECT, related_name="consortia")
    name = models.CharField(_("name"), max_length=200)
    lead = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("lead"))
    chat_url = models.URLField(
        _("group chat"), max_length=300, blank=True, help_text=_("A Telegram or WhatsApp group link.")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consortium")
        verbose_name_plural = _("consortia")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("opportunities:consortium", kwargs={"pk": self.pk})


class ConsortiumMember(models.Model):
    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        CONFIRMED = "confirmed", _("Confirmed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="consortium_memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.INVITED)
    invited_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["consortium", "organisation"], name="one_seat_per_org")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ChecklistItem(models.Model):
    """One step of the application, with the organisation that owns it and when it is due."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="checklist")
    title = models.CharField(_("step"), max_length=200)
    owner = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Section(models.TextChoices):
    CONCEPT_NOTE = "concept_note", _("Concept note")
    PROBLEM = "problem", _("Problem statement")
    THEORY_OF_CHANGE = "theory_of_change", _("Theory of change")
    LOGFRAME = "logframe", _("Logical framework")
    BUDGET = "budget", _("Budget summary")
    RISKS = "risks", _("Risks")


class SectionVersion(models.Model):
    """One saved state of a proposal section (Markdown); the latest is the current text."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="versions")
    section = models.CharField(max_length=20, choices=Section.choices)
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=60000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="proposal_versions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["section", "-number"]
        constraints = [models.UniqueConstraint(fields=["consortium", "section", "number"], name="one_version_number")]

    def __str__(self) -> str:
        return f"{self.section} v{self.number}"


class SectionComment(models.Model):
    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(max_length=20, choices=Section.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="proposal_comments"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.section}: {self.text[:40]}"


class ConsortiumFile(models.Model):
    """A budget spreadsheet, CVs …: served only to the consortium's members."""

    shown_on_public_pages = False  # private or editorial: cached public pages stay valid

    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=GeneratedName("consortia"))
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="consortium_files"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
