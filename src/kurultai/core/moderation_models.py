"""Reports of content that people think breaks the rules, for any model registered with ``core.moderation``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportReason(models.TextChoices):
    PERSONAL_ATTACK = "personal_attack", _("Personal attack")
    HATE = "hate", _("Hate speech or discrimination")
    SPAM = "spam", _("Spam or advertising")
    OFF_TOPIC = "off_topic", _("Off topic")
    PRIVATE_DATA = "private_data", _("Someone's private data")
    ILLEGAL = "illegal", _("Illegal content")
    OTHER = "other", _("Something else")


class ModerationReport(models.Model):
    """One person's report of one record; at most one open report per person and record."""

    shown_on_public_pages = False  # a report changes no public page

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Content hidden")
        DISMISSED = "dismissed", _("Dismissed")

    label = models.CharField(_("kind of content"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("record"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        app_label = "core"
        ordering = ["created_at", "pk"]
        verbose_name = _("moderation report")
        verbose_name_plural = _("moderation reports")
        indexes = [models.Index(fields=["label", "object_id"], name="moderation_report_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["label", "object_id", "reporter"],
                condition=models.Q(status="open"),
                name="one_open_report_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}/{self.object_id}: {self.get_reason_display()}"
