"""The knowledge hub's own records: hub roles (reviewer, publisher), good practices with their versions, building
blocks and photos, review comments, demonstration sites, and the messages people send through the platform.

A good practice is an identity (:class:`Practice`) with numbered versions (:class:`PracticeVersion`): each version
goes draft → submitted → reviewed → published (or back to the contributor as returned); publishing a version keeps
the earlier published ones as superseded, and a new draft can be written while the published version stays visible.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import SDG, Country, Theme
from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.core.uploads import GeneratedName
from kurultai.organisations.models import Organisation

PRACTICES_HUB = "practices"


class Located(models.Model):
    """Optional coordinates of a place (a practice's location, a demonstration site): text first, map never needed."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True


class HubRole(models.Model):
    """A reviewer or publisher of one hub (contributors are every member and need no row)."""

    shown_on_public_pages = False

    class Role(models.TextChoices):
        REVIEWER = "reviewer", _("Reviewer")
        PUBLISHER = "publisher", _("Publisher")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_roles")
    hub = models.CharField(_("hub"), max_length=30, default=PRACTICES_HUB)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["hub", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "hub", "role"], name="one_hub_role_per_person")]

    def __str__(self) -> str:
        return f"{self.hub}:{self.role}:{self.user_id}"


class BuildingBlock(TranslatableModel):
    """A reusable part of a solution with the factors that enable it; several practices may share one."""

    title = TranslatedField(_("title"), max_length=200)
    description = TranslatedField(_("description"), multiline=True, blank=True, max_length=5000)
    enabling_factors = TranslatedField(_("enabling factors"), multiline=True, blank=True, max_length=3000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("knowledge:block", kwargs={"pk": self.pk})


class PracticeQuerySet(models.QuerySet):
    def published(self) -> PracticeQuerySet:
        return self.filter(current__isnull=False)

    def for_listing(self) -> PracticeQuerySet:
        return self.select_related("current", "current__country").prefetch_related("current__themes")


class Practice(models.Model):
    """A good practice as one identity across its versions: who contributed it, who answers messages about it,
    the published version shown to everybody and its links to other practices."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_practices",
        verbose_name=_("contributor"),
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
    )
    contact_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact organisation"),
    )
    current = models.OneToOneField(
        "PracticeVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published version"),
    )
    inspired_by = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="replicated_in", verbose_name=_("inspired by")
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        version = self.current or self.versions.order_by("-number").first()
        return str(version.title) if version else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice", kwargs={"pk": self.pk})

    @property
    def working(self) -> PracticeVersion | None:
        """The version being written or reviewed, if any (at most one)."""
        return self.versions.filter(status__in=PracticeVersion.OPEN).order_by("-number").first()


class PracticeVersion(Located, TranslatableModel):
    """One version of a good practice; published versions are kept after a newer one is published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for a reviewer")
        RETURNED = "returned", _("Returned to the contributor")
        REVIEWED = "reviewed", _("Waiting for a publisher")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Earlier published version")

    OPEN = ("draft", "submitted", "returned", "reviewed")
    EDITABLE = ("draft", "returned")
    PUBLIC = ("published", "superseded")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), multiline=True, blank=True, max_length=1000)
    challenge = TranslatedField(_("challenge"), multiline=True, blank=True, max_length=10000)
    solution = TranslatedField(_("solution"), multiline=True, blank=True, max_length=10000)
    impact = TranslatedField(_("impact"), multiline=True, blank=True, max_length=10000)
    lessons = TranslatedField(_("lessons learned"), multiline=True, blank=True, max_length=10000)
    cost_amount = models.DecimalField(
        _("cost"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    cost_currency = models.CharField(_("currency"), max_length=3, blank=True)
    cost_text = TranslatedField(_("about the cost"), multiline=True, blank=True, max_length=2000)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country")
    )
    region = models.CharField(_("region or place"), max_length=200, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="+", verbose_name=_("SDGs"))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="knowledge_practices", verbose_name=_("organisations behind it")
    )
    building_blocks = models.ManyToManyField(
        BuildingBlock, blank=True, related_name="versions", verbose_name=_("building blocks")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["practice", "-number"]
        verbose_name = _("version of a good practice")
        verbose_name_plural = _("versions of good practices")
        constraints = [
            models.UniqueConstraint(fields=["practice", "number"], name="one_practice_version_number"),
            models.UniqueConstraint(
                fields=["practice"],
                condition=models.Q(status__in=("draft", "submitted", "returned", "reviewed")),
                name="one_working_version_per_practice",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        if self.status in self.PUBLIC:
            return reverse("knowledge:practice_version", kwargs={"pk": self.practice_id, "number": self.number})
        return reverse("knowledge:practice_draft", kwargs={"pk": self.practice_id})

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ReviewComment(models.Model):
    """What a reviewer or publisher tells the contributor (shown to them), or a contributor's answer."""

    shown_on_public_pages = False

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        RETURNED = "returned", _("Returned")
        PASSED = "passed", _("Passed to a publisher")
        PUBLISHED = "published", _("Published")
        SUBMITTED = "submitted", _("Submitted")

    version = models.ForeignKey(PracticeVersion, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    text = models.TextField(_("comment"), blank=True, max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.version_id}"


class Photo(models.Model):
    """A photo of a practice version or of a demonstration site, resized, with a required description."""

    version = models.ForeignKey(PracticeVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="photos")
    site = models.ForeignKey("DemoSite", on_delete=models.CASCADE, null=True, blank=True, related_name="photos")
    image = models.FileField(upload_to=GeneratedName("knowledge/photos"), max_length=200)
    content_type = models.CharField(max_length=40)
    alt = models.CharField(_("description of the photo (alt text)"), max_length=300)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.alt

    def get_absolute_url(self) -> str:
        return reverse("knowledge:photo", kwargs={"pk": self.pk})


class DemoSiteQuerySet(models.QuerySet):
    def published(self) -> DemoSiteQuerySet:
        return self.filter(status=DemoSite.Status.PUBLISHED)


class DemoSite(Located, TranslatableModel):
    """A place where visitors can see a practice at work, hosted by an organisation.

    Publishers add sites directly; representatives of an organisation propose one for it, and it stays private
    (proposed) until a publisher publishes it or declines it with a reason."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PROPOSED = "proposed", _("Proposed, waiting for a publisher")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Not accepted")

    name = TranslatedField(_("name"), max_length=200)
    host = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="demonstration_sites", verbose_name=_("host organisation")
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    region = models.CharField(_("region"), max_length=200, blank=True)
    directions = TranslatedField(_("how to get there"), multiline=True, blank=True, max_length=3000)
    what_to_see = TranslatedField(_("what can be seen"), multiline=True, blank=True, max_length=5000)
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    practice = models.ForeignKey(
        Practice,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sites",
        verbose_name=_("practice it demonstrates"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField(_("reason"), blank=True, max_length=3000)

    objects = DemoSiteQuerySet.as_manager()

    class Meta:
        ordering = ["country__code", "region", "pk"]
        verbose_name = _("demonstration site")
        verbose_name_plural = _("demonstration sites")

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("knowledge:site", kwargs={"pk": self.pk})


class ContactMessage(models.Model):
    """A message to the people behind a practice, delivered by notification (their addresses stay hidden)."""

    shown_on_public_pages = False

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"message:{self.practice_id}"


class VisitRequest(models.Model):
    """A request to visit a demonstration site, delivered to the host organisation's administrators."""

    shown_on_public_pages = False

    site = models.ForeignKey(DemoSite, on_delete=models.CASCADE, related_name="visit_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    when = models.CharField(_("when would you like to come"), max_length=200)
    group_size = models.PositiveSmallIntegerField(
        _("number of visitors"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    message = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"visit:{self.site_id}"
