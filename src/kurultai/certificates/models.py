"""Certificates: documents with a public code that prove attendance at a forum or completion of a course."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_PATTERN = r"[A-Za-z0-9-]{4,32}"


def new_code() -> str:
    """A random public code such as ``K7QD-M2XP-9TRA`` (about 59 bits)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(code: str) -> str:
    return (code or "").strip().upper()


class CertificateQuerySet(models.QuerySet):
    def current(self) -> CertificateQuerySet:
        """Not revoked (it may still have expired)."""
        return self.filter(revoked_at__isnull=True)

    def for_source(self, obj: models.Model) -> CertificateQuerySet:
        return self.filter(source_type=obj._meta.label_lower, source_id=str(obj.pk))


class Certificate(models.Model):
    """A certificate as printed: the name, what it certifies, who issued it and when, and whether it still holds."""

    class Kind(models.TextChoices):
        ATTENDANCE = "attendance", _("Certificate of attendance")
        COURSE = "course", _("Certificate of completion")

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    code = models.CharField(_("code"), max_length=32, unique=True, default=new_code, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    holder_name = models.CharField(
        _("name as printed"), max_length=200, help_text=_("Written as the holder wishes, in Cyrillic or Latin letters.")
    )
    title = models.CharField(_("what it certifies"), max_length=300)
    issuer = models.CharField(_("issued by"), max_length=300)
    issued_on = models.DateField(_("date of issue"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    # The record it proves, by app label and key: "participation.registration" + "12", "learning.enrolment" + "7".
    source_type = models.CharField(_("source"), max_length=100, blank=True)
    source_id = models.CharField(_("source id"), max_length=40, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "holder"],
                condition=models.Q(revoked_at__isnull=True) & ~models.Q(source_type=""),
                name="certificate_once_per_source_and_holder",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.holder_name} — {self.title}"

    def get_absolute_url(self) -> str:
        """The public verification page (the QR code's target)."""
        return reverse("certificates:verify", kwargs={"code": self.code})

    def pdf_url(self) -> str:
        return reverse("certificates:pdf", kwargs={"code": self.code})

    @property
    def status(self) -> str:
        if self.revoked_at:
            return self.Status.REVOKED
        if self.valid_until and self.valid_until < timezone.localdate():
            return self.Status.EXPIRED
        return self.Status.VALID

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID
