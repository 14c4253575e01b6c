"""Audit actions of Telegram."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class TelegramAction(models.TextChoices):
    LINKED = "telegram.linked", _("Linked a Telegram chat")
    UNLINKED = "telegram.unlinked", _("Unlinked a Telegram chat")
    POST_APPROVED = "telegram.post_approved", _("Approved a Telegram channel post")
    POST_REJECTED = "telegram.post_rejected", _("Rejected a Telegram channel post")
