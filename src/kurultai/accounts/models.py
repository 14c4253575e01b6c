"""People: accounts signed in by email, their consent to the terms, and exports of their data."""

from __future__ import annotations

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.multilingual import TranslatableModel, TranslatedField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account; signs in with an email address."""

    class Digest(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately, one email per event")
        DAILY = "daily", _("Once a day, in one digest")
        WEEKLY = "weekly", _("Once a week, in one digest")
        NEVER = "never", _("Never by email; only on the platform")

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("name shown to others"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    email_digest = models.CharField(
        _("email notifications"), max_length=12, choices=Digest.choices, default=Digest.DAILY
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """What other people see: never the email address; "former member" once erased."""
        if self.erased_at:
            return str(_("Former member"))
        return self.display_name or str(_("Member %(number)s") % {"number": self.pk})

    def get_full_name(self) -> str:
        return self.display_name

    def has_perm(self, perm: str, obj: object = None) -> bool:
        """Only each app's rules for accounts that are not staff.

        Django's model permissions are granted and used in the admin, which needs a staff account; asking the
        model backends for everyone else costs two queries on every request where a rule says no.
        """
        if self.is_active and not (self.is_staff or self.is_superuser):
            return rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def get_short_name(self) -> str:
        return self.display_name


class LegalDocument(TranslatableModel):
    """A version of the terms of use or the privacy notice; the newest published one is in force."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("Terms of use")
        PRIVACY = "privacy", _("Privacy notice")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    version = models.PositiveIntegerField(_("version"))
    title = TranslatedField(_("title"), max_length=200)
    body = TranslatedField(_("text"), multiline=True, help_text=_("Markdown."))
    published_at = models.DateTimeField(_("in force from"), default=timezone.now)

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="legal_document_version")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"


class Consent(models.Model):
    """A person's acceptance of one version of a legal document; kept as evidence, never edited."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    document = models.ForeignKey(LegalDocument, on_delete=models.PROTECT, related_name="consents")
    accepted_at = models.DateTimeField(_("accepted"), default=timezone.now)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [models.UniqueConstraint(fields=["user", "document"], name="consent_once_per_version")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.document}"


class DataExport(models.Model):
    """A "download my data" archive produced in the background for a large account."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    archive = models.FileField(upload_to="exports/", blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self) -> str:
        return f"{self.user_id} {self.requested_at:%Y-%m-%d}"
