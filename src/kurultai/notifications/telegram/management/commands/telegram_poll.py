"""Receive the bot's updates by long polling, for servers that Telegram cannot reach over HTTPS."""

from __future__ import annotations

import contextlib
import logging
import time

from django.core.management.base import BaseCommand, CommandError

from kurultai.notifications.telegram.bot import allowed_updates, process_update
from kurultai.notifications.telegram.client import RetryLater, TelegramError, get_bot

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Fetch updates with getUpdates and handle them (the same code as the webhook); --once for one batch."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Handle one batch of updates and exit.")
        parser.add_argument("--timeout", type=int, default=30, help="Seconds Telegram holds a request open.")

    def handle(self, *args, **options):
        bot = get_bot()
        if bot is None:
            raise CommandError("Telegram is off: set KURULTAI_TELEGRAM_BOT_TOKEN first.")
        timeout = 0 if options["once"] else max(0, options["timeout"])
        offset = None
        handled = 0
        while True:
            try:
                updates = bot.call(
                    "getUpdates",
                    {"offset": offset, "timeout": timeout, "allowed_updates": allowed_updates()},
                    timeout=timeout + 10,
                )
            except RetryLater as exc:
                if options["once"]:
                    raise CommandError(f"Telegram is not reachable: {exc}") from None
                time.sleep(exc.retry_after or 5)
                continue
            except TelegramError as exc:
                raise CommandError(f"Telegram refused getUpdates: {exc}") from None
            for update in updates or []:
                try:
                    if process_update(update, bot):
                        handled += 1
                except Exception:  # one broken update must not stop the bot for everyone
                    logger.exception("Telegram update could not be handled")
                if isinstance(update, dict) and isinstance(update.get("update_id"), int):
                    offset = update["update_id"] + 1
            if options["once"]:
                if offset is not None:
                    # Telegram forgets updates below the offset only when asked with it once more.
                    with contextlib.suppress(TelegramError):
                        bot.call("getUpdates", {"offset": offset, "timeout": 0, "limit": 1})
                self.stdout.write(f"Handled {handled} update(s).")
                return
