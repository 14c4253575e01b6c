"""The CSO directory: organisations, networks, who may act for an organisation, partner search."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.core.moderation import Moderated
from kurultai.core.multilingual import TranslatableModel, TranslatedField


class Network(TranslatableModel):
    """A group of organisations, e.g. a regional CSO network on climate change or an alumni network."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = TranslatedField(_("name"), max_length=200)
    description = TranslatedField(_("description"), multiline=True, blank=True, help_text=_("Markdown."))
    themes = models.ManyToManyField(Theme, blank=True, related_name="networks", verbose_name=_("themes"))

    class Meta:
        ordering = ["slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return str(self.name) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("organisations:network", kwargs={"slug": self.slug})


class OrganisationQuerySet(models.QuerySet):
    def listed(self) -> OrganisationQuerySet:
        """Organisations shown in the directory: not proposals still waiting for an editor."""
        return self.filter(is_listed=True)

    def for_listing(self) -> OrganisationQuerySet:
        """What a directory row shows, in a constant number of queries."""
        return self.select_related("country").prefetch_related("themes")


class Organisation(TranslatableModel):
    """A CSO, government body, EU institution, donor, international, academic, business or media organisation."""

    class Type(models.TextChoices):
        CSO = "cso", _("Civil society organisation")
        GOVERNMENT = "government", _("Government body")
        EU = "eu", _("EU institution")
        DONOR = "donor", _("Donor")
        INTERNATIONAL = "international", _("International organisation")
        ACADEMIC = "academic", _("Academic institution")
        BUSINESS = "business", _("Business")
        MEDIA = "media", _("Media")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = TranslatedField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.CSO, db_index=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
    )
    city = TranslatedField(_("city"), max_length=100, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="organisations", verbose_name=_("themes"))
    networks = models.ManyToManyField(Network, blank=True, related_name="organisations", verbose_name=_("networks"))
    website = models.URLField(_("website"), blank=True)
    description = TranslatedField(_("description"), multiline=True, blank=True, help_text=_("Markdown."))
    founded = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    is_listed = models.BooleanField(
        _("listed in the directory"),
        default=True,
        db_index=True,
        help_text=_("Organisations proposed by members stay unlisted until an editor accepts them."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["country", "type"], name="org_country_type")]

    def __str__(self) -> str:
        return str(self.name) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Membership(models.Model):
    """A person who may act for an organisation, once its administrators (or an editor) approved them."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        ADMIN = "admin", _("Administrator of the organisation")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Declined")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REPRESENTATIVE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} ({self.get_status_display()})"


class PartnerRequest(Moderated, TranslatableModel):
    """An organisation looking for partners for a joint project or consortium."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partner_requests", verbose_name=_("organisation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="partner_requests"
    )
    title = TranslatedField(_("title"), max_length=200)
    purpose = TranslatedField(_("purpose"), multiline=True, help_text=_("Markdown."))
    themes = models.ManyToManyField(Theme, blank=True, related_name="partner_requests", verbose_name=_("themes"))
    countries = models.ManyToManyField(
        Country, blank=True, related_name="partner_requests", verbose_name=_("partners wanted in")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner request")
        verbose_name_plural = _("partner requests")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("organisations:partner_request", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and (self.deadline is None or self.deadline >= timezone.localdate())


class PartnerInterest(models.Model):
    """Another organisation's answer to a partner request, delivered through the platform."""

    request = models.ForeignKey(PartnerRequest, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="partner_interests")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="partner_interests"
    )
    message = models.TextField(_("message"), max_length=3000)
    language = models.CharField(_("language of the message"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [models.UniqueConstraint(fields=["request", "organisation"], name="one_interest_per_org")]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.request}"
