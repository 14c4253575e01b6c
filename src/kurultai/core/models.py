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
        return _("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.name}


class SiteVersion(models.Model):
    """A counter bumped by every content change; public pages are cached per version."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("site version")
        verbose_name_plural = _("site version")

    def __str__(self) -> str:
        return str(self.number)


class AuditEntry(models.Model):
    """Who changed what, and when: written by services and by the admin, read by administrators."""

    shown_on_public_pages = False  # an entry changes no public page

    actor = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who")
    )
    action = models.CharField(_("action"), max_length=80)
    object_type = models.CharField(_("object type"), max_length=80)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"


class SearchDocument(models.Model):
    """One searchable record, folded for cross-script search; kept up to date by ``core.search``."""

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveBigIntegerField()
    url = models.CharField(max_length=300)
    title = models.JSONField(default=dict)
    body = models.JSONField(default=dict)
    original_language = models.CharField(max_length=8, default="en")
    folded = models.TextField(default="")
    countries = models.CharField(max_length=300, blank=True, help_text="Space-separated country codes.")
    themes = models.CharField(max_length=600, blank=True, help_text="Space-separated theme slugs.")
    languages = models.CharField(max_length=120, blank=True, help_text="Space-separated content languages.")
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The year facet (published, held…).")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search index")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        indexes = [models.Index(fields=["kind"], name="search_kind"), models.Index(fields=["year"], name="search_year")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class ContentStamp(models.Model):
    """When a record's syndicated form (feed entry, calendar event) last changed and how often it has.

    Records without their own "updated" field still give feeds a true ``updated`` and calendars a growing
    ``SEQUENCE``: see ``kurultai.core.stamps``.
    """

    key = models.CharField(max_length=200, unique=True)
    fingerprint = models.CharField(max_length=64)
    sequence = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("content stamp")
        verbose_name_plural = _("content stamps")

    def __str__(self) -> str:
        return f"{self.key} #{self.sequence}"


class CalendarKey(models.Model):
    """The generation of a person's secret calendar link; raising it revokes every earlier link."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="+")
    generation = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self) -> str:
        return f"{self.user_id} #{self.generation}"


class CacheEntry(models.Model):
    """A row of the shared cache (Django's database cache) when no Redis is configured.

    Declared as a model so that ``migrate`` creates the table on every installation and database; the
    cache backend reads and writes it with its own SQL, so the columns match ``createcachetable``.
    """

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "kurultai_cache"
        verbose_name = _("cache entry")
        verbose_name_plural = _("cache entries")

    def __str__(self) -> str:
        return self.cache_key


# Moderation reports live in their own module beside the moderation mechanism; loaded with core's models.
from kurultai.core.moderation_models import ModerationReport  # noqa: E402, F401
