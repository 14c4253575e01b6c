"""The Telegram channel of the delivery system: notifications to linked chats and to chats without an account."""

from __future__ import annotations

import logging
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kurultai.notifications.channels import Channel, PermanentFailure, Recipient, TemporaryFailure
from kurultai.notifications.registry import Message
from kurultai.notifications.telegram import formatting
from kurultai.notifications.telegram.client import BadRequest, Forbidden, RetryLater, TelegramError, get_bot

logger = logging.getLogger(__name__)


class TelegramChannel(Channel):
    key = "telegram"
    label = _("Telegram")
    needs_setup = True

    def address_for(self, user: Any) -> str | None:
        """The chat of the person's active link; None without a link or when Telegram is off."""
        from kurultai.notifications.telegram.client import is_enabled
        from kurultai.notifications.telegram.models import Link

        if not is_enabled() or not getattr(user, "pk", None):
            return None
        return Link.objects.filter(user=user, active=True).values_list("chat_id", flat=True).first()

    def render(self, language: str, messages: list[Message], digest: str | None) -> list[str]:
        """The Telegram HTML texts to send: one per message, or one digest."""
        from kurultai.notifications.telegram.bot import notifications_url

        with translation.override(language):
            if digest is None:
                return [formatting.single(m) for m in messages]
            return [formatting.digest(messages, digest, more_url=notifications_url(language))]

    def send(
        self,
        address: str,
        language: str,
        messages: list[Message],
        digest: str | None = None,
        *,
        recipient: Recipient | None = None,
    ) -> None:
        """Send through the rate-limited client; Telegram's answers become the delivery system's failures."""
        bot = get_bot()
        if bot is None:
            raise TemporaryFailure("Telegram is not configured on this server.")
        for text in self.render(language, messages, digest):
            try:
                bot.send_message(address, text)
            except RetryLater as exc:
                raise TemporaryFailure(str(exc), retry_after=exc.retry_after) from None
            except Forbidden as exc:
                raise PermanentFailure(str(exc)) from None
            except BadRequest as exc:
                if exc.chat_gone:
                    raise PermanentFailure(str(exc)) from None
                raise TemporaryFailure(str(exc)) from None
            except TelegramError as exc:
                raise TemporaryFailure(str(exc)) from None

    def deactivate(self, address: str) -> None:
        """The person blocked the bot or the chat is gone: end its link and its subscriptions without an account."""
        from kurultai.notifications.telegram.services import forget_chat

        forget_chat(address, reason="blocked")
        logger.info("Telegram chat deactivated after a permanent failure")
