"""Subscriptions, and the outbox: an event → one notification per person → one delivery per person × channel."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Once a day, in one digest")
    WEEKLY = "weekly", _("Once a week, in one digest")


class Subscription(models.Model):
    """What a person follows: one object ("forum 2021-almaty") or a filtered stream, with channels and frequency.

    A person is an account (``user``) or, for channels that allow it, an address without an account
    (``address``: a Telegram chat id).
    """

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    address = models.CharField(_("address"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    # Canonical text of the terms ("country=KG|stream=followup"): one subscription per person and terms.
    signature = models.CharField(max_length=500)
    dims = models.PositiveSmallIntegerField(default=1, help_text="Number of dimensions the terms name.")
    channels = models.JSONField(_("channels"), default=list, blank=True)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "signature"], condition=Q(user__isnull=False), name="subscription_once_per_user"
            ),
            models.UniqueConstraint(
                fields=["address", "signature"], condition=Q(user__isnull=True), name="subscription_once_per_address"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(address=""), name="subscription_has_a_recipient"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id or self.address}: {self.signature}"

    @property
    def terms_dict(self) -> dict[str, list[str]]:
        terms: dict[str, list[str]] = {}
        for term in self.terms.all():
            terms.setdefault(term.dimension, []).append(term.value)
        return terms


class SubscriptionTerm(models.Model):
    """One condition of a subscription: the event must have ``value`` among its ``dimension`` topics."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="terms")
    dimension = models.CharField(max_length=30)
    value = models.CharField(max_length=100)

    class Meta:
        ordering = ["dimension", "value"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "dimension", "value"], name="subscription_term_once")
        ]
        indexes = [models.Index(fields=["dimension", "value"], name="subscription_term_lookup")]

    def __str__(self) -> str:
        return f"{self.dimension}={self.value}"


class Event(models.Model):
    """Something that happened on the platform, kept so every notification can be rendered in any language."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    code = models.CharField(max_length=60)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    topics = models.JSONField(default=dict)
    params = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.code} {self.object_type}:{self.object_id}"

    @property
    def type(self):
        from kurultai.notifications.registry import events

        return events.get(self.code)

    @property
    def target(self) -> models.Model | None:
        """The object the event is about, or None once it is gone."""
        from django.apps import apps

        if not self.object_type:
            return None
        if not hasattr(self, "_target"):
            model = apps.get_model(self.object_type)
            self._target = model._default_manager.filter(pk=self.object_id).first()
        return self._target

    def render(self, language: str):
        """The event as ``language`` readers see it."""
        from django.utils import translation

        from kurultai.notifications.registry import Message

        event_type = self.type
        with translation.override(language):
            if event_type is None:
                return Message(title=self.code)
            return event_type.render(self)


class Notification(models.Model):
    """An event as one member sees it on the platform ("Notifications"), in their language."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications")
    title = models.CharField(max_length=300)
    text = models.CharField(max_length=500, blank=True)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [models.UniqueConstraint(fields=["user", "event"], name="notification_once_per_event")]

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    """One message to one person on one channel; the uniqueness constraints make a second send impossible."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sendable")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    address = models.CharField(max_length=100, blank=True, help_text="Recipient without an account (chat id).")
    channel = models.CharField(max_length=20)
    language = models.CharField(max_length=8, default="en")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    subscription_ids = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    due_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    claim = models.CharField(max_length=40, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "channel"], condition=Q(user__isnull=False), name="delivery_once_per_user"
            ),
            models.UniqueConstraint(
                fields=["event", "address", "channel"], condition=Q(user__isnull=True), name="delivery_once_per_address"
            ),
        ]
        indexes = [models.Index(fields=["status", "due_at", "next_attempt_at"], name="delivery_due")]

    def __str__(self) -> str:
        return f"{self.channel} → {self.user_id or self.address}: {self.event_id} ({self.status})"


class ScheduledRun(models.Model):
    """One run of a scheduled job in one time slot; the unique row makes it happen once on any number of servers."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    job = models.CharField(max_length=60)
    slot = models.CharField(max_length=40)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once")]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
