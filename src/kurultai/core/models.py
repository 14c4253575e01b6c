"""Shared taxonomy: countries, thematic areas and the Sustainable Development Goals."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kurultai.core.multilingual import TranslatableModel, TranslatedField


class Country(TranslatableModel):
    """A country or a union of countries that forums, organisations and recommendations refer to."""

    class Region(models.TextChoices):
        CENTRAL_ASIA = "central_asia", _("Central Asia")
        NEIGHBOURS = "neighbours", _("Neighbouring countries")
        EU = "eu", _("European Union")
        EU_MEMBER = "eu_member", _("EU member states")
        OTHER = "other", _("Other")

    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("ISO 3166-1 alpha-2; EU for the Union."))
    name = TranslatedField(_("name"), max_length=100)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, default=Region.OTHER)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return str(self.name) or self.code


class Theme(TranslatableModel):
    """A thematic area (DESIGN §2): environmental areas and the forums' themes."""

    class Kind(models.TextChoices):
        ENVIRONMENT = "environment", _("Environment and sustainable development")
        FORUM = "forum", _("Forum themes")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = TranslatedField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FORUM)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        ordering = ["kind", "position", "slug"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")

    def __str__(self) -> str:
        return str(self.name) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("forums:recommendation_list") + f"?theme={self.slug}"


class SDG(TranslatableModel):
    """One of the 17 UN Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = TranslatedField(_("name"), max_length=120)

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self) -> str:
        return f"SDG {self.number}: {self.name}"


class SiteVersion(models.Model):
    """A counter bumped by every content change; public pages are cached per version."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("site version")
        verbose_name_plural = _("site version")

    def __str__(self) -> str:
        return str(self.number)
