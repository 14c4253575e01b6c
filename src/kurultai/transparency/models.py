"""Donor projects as published in IATI, their links to recommendations, and what civil society observes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kurultai.core.moderation import Moderated
from kurultai.core.multilingual import TranslatableModel, TranslatedField, TranslatedText
from kurultai.transparency import codelists

MONEY = {"max_digits": 30, "decimal_places": 10}


class TransactionType(models.TextChoices):
    """IATI transaction types (codelist TransactionType); the ones people ask about first."""

    INCOMING_FUNDS = "1", _("Incoming funds")
    COMMITMENT = "2", _("Outgoing commitment")
    DISBURSEMENT = "3", _("Disbursement")
    EXPENDITURE = "4", _("Expenditure")
    INTEREST = "5", _("Interest payment")
    LOAN_REPAYMENT = "6", _("Loan repayment")
    REIMBURSEMENT = "7", _("Reimbursement")
    PURCHASE_OF_EQUITY = "8", _("Purchase of equity")
    SALE_OF_EQUITY = "9", _("Sale of equity")
    CREDIT_GUARANTEE = "10", _("Credit guarantee")
    INCOMING_COMMITMENT = "11", _("Incoming commitment")
    OUTGOING_PLEDGE = "12", _("Outgoing pledge")
    INCOMING_PLEDGE = "13", _("Incoming pledge")


class ActivityStatus(models.TextChoices):
    PIPELINE = "1", _("Pipeline/identification")
    IMPLEMENTATION = "2", _("Implementation")
    FINALISATION = "3", _("Finalisation")
    CLOSED = "4", _("Closed")
    CANCELLED = "5", _("Cancelled")
    SUSPENDED = "6", _("Suspended")


class OrgRole(models.TextChoices):
    FUNDING = "1", _("Funding")
    ACCOUNTABLE = "2", _("Accountable")
    EXTENDING = "3", _("Extending")
    IMPLEMENTING = "4", _("Implementing")


class ActivityQuerySet(models.QuerySet):
    def for_list(self) -> ActivityQuerySet:
        return self.prefetch_related("areas", "organisations")


class Activity(models.Model):
    """One IATI activity (a donor project), replaced field by field when a newer version is imported."""

    iati_identifier = models.CharField(_("IATI identifier"), max_length=250, unique=True)
    reporting_org_ref = models.CharField(_("reporting organisation identifier"), max_length=250, blank=True)
    reporting_org_name = models.JSONField(_("reporting organisation"), default=dict, blank=True)
    reporting_org_type = models.CharField(max_length=10, blank=True)
    title = models.JSONField(_("title"), default=dict, blank=True)
    descriptions = models.JSONField(_("descriptions"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=4, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    default_currency = models.CharField(max_length=3, blank=True)
    default_language = models.CharField(max_length=8, blank=True)
    hierarchy = models.PositiveSmallIntegerField(default=1)
    version = models.CharField(_("IATI version"), max_length=10, blank=True)
    contact = models.JSONField(_("contact"), default=dict, blank=True)
    policy_markers = models.JSONField(_("policy markers"), default=list, blank=True)
    budget_totals = models.JSONField(_("budget per currency"), default=dict, blank=True)
    last_updated = models.DateTimeField(_("last updated by the publisher"), null=True, blank=True)
    fingerprint = models.CharField(max_length=64)
    cso_implemented = models.BooleanField(_("implemented by civil society"), default=False, db_index=True)
    search_text = models.TextField(default="", blank=True)
    sdgs = models.ManyToManyField("core.SDG", blank=True, related_name="activities", verbose_name=_("SDGs"))
    source = models.CharField(_("source"), max_length=500, blank=True)
    imported_at = models.DateTimeField(_("imported"))
    is_demo = models.BooleanField(default=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-actual_start", "-planned_start", "iati_identifier"]
        verbose_name = _("donor project")
        verbose_name_plural = _("donor projects")

    def __str__(self) -> str:
        return str(self.title_text) or self.iati_identifier

    def get_absolute_url(self) -> str:
        return reverse("transparency:project", kwargs={"pk": self.pk})

    @property
    def title_text(self) -> TranslatedText:
        text = TranslatedText(self.title)
        text.original = self.default_language or "en"
        return text

    @property
    def reporting_org(self) -> TranslatedText:
        text = TranslatedText(self.reporting_org_name)
        text.original = self.default_language or "en"
        return text if text else TranslatedText({"en": self.reporting_org_ref})

    @property
    def status_label(self) -> str:
        return codelists.name("ActivityStatus", self.status)

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end


class Area(models.Model):
    """A recipient country or region with its share of the activity."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="areas")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COUNTRY)
    code = models.CharField(max_length=20, db_index=True)
    vocabulary = models.CharField(max_length=10, blank=True)
    name = models.JSONField(default=dict, blank=True)
    percentage = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["kind", "-percentage", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.percentage or ''}".strip()


class Organisation(models.Model):
    """A participating organisation with its role (funding, accountable, extending, implementing) and type."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="organisations")
    ref = models.CharField(max_length=250, blank=True, db_index=True)
    name = models.JSONField(default=dict, blank=True)
    role = models.CharField(max_length=4, choices=OrgRole.choices)
    type = models.CharField(max_length=10, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "position"]

    def __str__(self) -> str:
        return str(TranslatedText(self.name)) or self.ref

    @property
    def type_label(self) -> str:
        return codelists.name("OrganisationType", self.type)

    @property
    def is_cso(self) -> bool:
        return self.type in codelists.CSO_TYPES


class Sector(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sectors")
    vocabulary = models.CharField(max_length=10, default="1")
    code = models.CharField(max_length=50, db_index=True)
    name = models.JSONField(default=dict, blank=True)
    percentage = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["vocabulary", "-percentage", "code"]

    def __str__(self) -> str:
        return str(TranslatedText(self.name)) or codelists.sector_name(self.vocabulary, self.code) or self.code

    @property
    def vocabulary_label(self) -> str:
        return codelists.name("SectorVocabulary", self.vocabulary)


class Tag(models.Model):
    """A tag such as an SDG goal (vocabulary 2) or target (3)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="tags")
    vocabulary = models.CharField(max_length=10)
    code = models.CharField(max_length=100)
    name = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["vocabulary", "code"]

    def __str__(self) -> str:
        lists = {"2": "UNSDG-Goals", "3": "UNSDG-Targets"}
        given = str(TranslatedText(self.name))
        return given or (codelists.name(lists[self.vocabulary], self.code) if self.vocabulary in lists else self.code)


class PeriodAmount(models.Model):
    """An amount of money for a period, as IATI budgets and planned disbursements give it."""

    type = models.CharField(max_length=4, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    value = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)

    class Meta:
        abstract = True
        ordering = ["period_start", "pk"]

    def __str__(self) -> str:
        return f"{self.value} {self.currency}"


class Budget(PeriodAmount):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budgets")
    status = models.CharField(max_length=4, blank=True)

    class Meta(PeriodAmount.Meta):
        pass


class PlannedDisbursement(PeriodAmount):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="planned_disbursements")

    class Meta(PeriodAmount.Meta):
        pass


class Transaction(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="transactions")
    ref = models.CharField(max_length=250, blank=True)
    type = models.CharField(max_length=4, choices=TransactionType.choices, db_index=True)
    date = models.DateField(null=True, blank=True)
    value = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)
    value_date = models.DateField(null=True, blank=True)
    description = models.JSONField(default=dict, blank=True)
    provider_ref = models.CharField(max_length=250, blank=True)
    provider_name = models.JSONField(default=dict, blank=True)
    receiver_ref = models.CharField(max_length=250, blank=True)
    receiver_name = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.date} {self.value} {self.currency}"

    @property
    def provider(self) -> str:
        return str(TranslatedText(self.provider_name)) or self.provider_ref

    @property
    def receiver(self) -> str:
        return str(TranslatedText(self.receiver_name)) or self.receiver_ref


class Result(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="results")
    type = models.CharField(max_length=4, blank=True)
    title = models.JSONField(default=dict, blank=True)
    description = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return str(TranslatedText(self.title)) or self.type

    @property
    def type_label(self) -> str:
        return codelists.name("ResultType", self.type)


class Indicator(models.Model):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    measure = models.CharField(max_length=4, blank=True)
    ascending = models.BooleanField(default=True)
    title = models.JSONField(default=dict, blank=True)
    baseline_year = models.CharField(max_length=10, blank=True)
    baseline_value = models.CharField(max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return str(TranslatedText(self.title))


class IndicatorPeriod(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    target = models.TextField(blank=True)
    actual = models.TextField(blank=True)

    class Meta:
        ordering = ["period_start", "pk"]

    def __str__(self) -> str:
        return f"{self.period_start} – {self.period_end}"


class Document(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="documents")
    url = models.URLField(max_length=1000)
    format = models.CharField(max_length=150, blank=True)
    title = models.JSONField(default=dict, blank=True)
    categories = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=10, blank=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(TranslatedText(self.title)) or self.url


class RelatedActivity(models.Model):
    """A parent (type 1), child (2), sibling (3), co-funded (4) or third-party (5) activity, by identifier."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="related")
    ref = models.CharField(max_length=250, db_index=True)
    type = models.CharField(max_length=4)

    class Meta:
        ordering = ["type", "ref"]

    def __str__(self) -> str:
        return f"{self.type}: {self.ref}"

    @property
    def type_label(self) -> str:
        return codelists.name("RelatedActivityType", self.type)


class ImportRun(models.Model):
    """One import of one file or address: what it changed, or why it was refused."""

    shown_on_public_pages = False

    source = models.CharField(_("source"), max_length=1000)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    ok = models.BooleanField(default=False)
    summary = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("IATI import")
        verbose_name_plural = _("IATI imports")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"


class RecommendationLink(models.Model):
    """A donor project that answers a recommendation: suggested by the platform or linked by an editor."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    recommendation = models.ForeignKey(
        "forums.Recommendation",
        on_delete=models.CASCADE,
        related_name="project_links",
        verbose_name=_("recommendation"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="recommendation_links", verbose_name=_("donor project")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUGGESTED)
    score = models.PositiveSmallIntegerField(_("match score"), default=0)
    reasons = models.JSONField(_("why it matches"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("link to a recommendation")
        verbose_name_plural = _("links to recommendations")
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "activity"], name="transparency_link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} → {self.activity_id} ({self.status})"


class Rating(models.TextChoices):
    """How delivery looks on the ground."""

    ON_TRACK = "on_track", _("Delivered or on track")
    MINOR_ISSUES = "minor_issues", _("Minor problems")
    MAJOR_ISSUES = "major_issues", _("Serious problems")
    NOT_DELIVERED = "not_delivered", _("Not delivered")
    TOO_EARLY = "too_early", _("Too early to say")


class MonitoringNote(Moderated, TranslatableModel):
    """What a civil-society organisation observed about a donor project, with evidence."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="monitoring_notes", verbose_name=_("donor project")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="monitoring_notes",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    observed_on = models.DateField(_("observed on"))
    place = models.CharField(_("where"), max_length=200, blank=True)
    text = TranslatedField(_("what you observed"), multiline=True)
    rating = models.CharField(_("delivery"), max_length=20, choices=Rating.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-observed_on", "-pk"]
        verbose_name = _("monitoring note")
        verbose_name_plural = _("monitoring notes")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.get_rating_display()} ({self.observed_on})"

    def get_absolute_url(self) -> str:
        return self.activity.get_absolute_url() + f"#note-{self.pk}"


def _note_file_name(instance: NoteEvidence, filename: str) -> str:
    """A generated name with the extension of the checked type: nothing of the uploader's file name."""
    from kurultai.core.uploads import generated_name

    return generated_name("monitoring", instance.content_type)


class NoteEvidence(models.Model):
    """A link or a checked file (photo, PDF, office document) supporting a monitoring note."""

    note = models.ForeignKey(MonitoringNote, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=200, blank=True)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=_note_file_name, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title or self.url or self.file.name

    @property
    def is_image(self) -> bool:
        return self.content_type in ("image/png", "image/jpeg")
