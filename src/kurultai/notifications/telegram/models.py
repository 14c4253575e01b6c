"""Telegram: chats the bot talks to, links between chats and accounts, one-time link tokens, channel posts."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    """Tokens are stored hashed: a leaked table links no chat to anyone."""
    return hashlib.sha256(token.encode()).hexdigest()


class Chat(models.Model):
    """A private chat with the bot: its language and the filters being chosen in /settings."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    chat_id = models.CharField(_("chat id"), max_length=40, unique=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    # Countries and themes ticked in /settings before they are saved as a subscription.
    draft = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Telegram chat")
        verbose_name_plural = _("Telegram chats")

    def __str__(self) -> str:
        return f"Telegram chat {self.pk}"


class Link(models.Model):
    """A Telegram chat that receives an account's notifications; ``active`` until unlinked or blocked."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telegram_links")
    chat_id = models.CharField(_("chat id"), max_length=40)
    username = models.CharField(_("Telegram username"), max_length=64, blank=True)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)
    active = models.BooleanField(_("active"), default=True)
    ended_at = models.DateTimeField(_("unlinked"), null=True, blank=True)

    class Meta:
        ordering = ["-linked_at"]
        verbose_name = _("Telegram link")
        verbose_name_plural = _("Telegram links")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(active=True), name="telegram_one_active_link_per_user"
            ),
            models.UniqueConstraint(
                fields=["chat_id"], condition=Q(active=True), name="telegram_one_active_link_per_chat"
            ),
        ]

    def __str__(self) -> str:
        return f"Telegram link {self.pk}"


class LinkToken(models.Model):
    """A one-time, short-lived token in a t.me deep link that proves which account a chat belongs to."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telegram_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Telegram link token")
        verbose_name_plural = _("Telegram link tokens")

    def __str__(self) -> str:
        return f"Telegram link token {self.pk}"

    @property
    def usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class ProcessedUpdate(models.Model):
    """Update ids already handled: Telegram may deliver an update twice (webhook retries, polling restarts)."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    update_id = models.BigIntegerField(unique=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("processed Telegram update")
        verbose_name_plural = _("processed Telegram updates")

    def __str__(self) -> str:
        return str(self.update_id)


class ChannelPost(models.Model):
    """A public event rendered for one language's public channel; an editor approves it before it is posted."""

    shown_on_public_pages = False  # writes here leave cached public pages as they are

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved, being posted")
        SENT = "sent", _("Posted")
        REJECTED = "rejected", _("Rejected")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey("notifications.Event", on_delete=models.CASCADE, related_name="telegram_posts")
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=100)
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    sent_at = models.DateTimeField(_("posted"), null=True, blank=True)
    message_id = models.BigIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Telegram channel post")
        verbose_name_plural = _("Telegram channel posts")
        constraints = [models.UniqueConstraint(fields=["event", "language"], name="telegram_post_once_per_language")]

    def __str__(self) -> str:
        return f"Telegram channel post {self.pk}"
