"""Point Telegram's updates at this site's webhook (or remove the webhook to use long polling)."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kurultai.notifications.telegram.bot import allowed_updates
from kurultai.notifications.telegram.client import TelegramError, get_bot

SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class Command(BaseCommand):
    help = "Register the bot's webhook with Telegram (setWebhook with the secret token), show it, or delete it."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--url", help="Public HTTPS address of /telegram/webhook/ on this site.")
        action.add_argument("--delete", action="store_true", help="Remove the webhook (to use telegram_poll).")
        action.add_argument("--info", action="store_true", help="Show the webhook Telegram has now.")
        parser.add_argument("--drop-pending", action="store_true", help="Forget updates Telegram still holds.")

    def handle(self, *args, **options):
        bot = get_bot()
        if bot is None:
            raise CommandError("Telegram is off: set KURULTAI_TELEGRAM_BOT_TOKEN first.")
        try:
            if options["info"]:
                info = bot.call("getWebhookInfo") or {}
                self.stdout.write(f"url: {info.get('url') or '(none: long polling)'}")
                self.stdout.write(f"pending updates: {info.get('pending_update_count', 0)}")
                if info.get("last_error_message"):
                    self.stdout.write(f"last error: {info['last_error_message']}")
                return
            if options["delete"]:
                bot.call("deleteWebhook", {"drop_pending_updates": options["drop_pending"] or None})
                self.stdout.write(
                    self.style.SUCCESS("Webhook removed; run `kurultai telegram_poll` to receive updates.")
                )
                return
            url = options["url"]
            if not url.startswith("https://"):
                raise CommandError("Telegram only sends updates to an https:// address.")
            secret = settings.TELEGRAM_WEBHOOK_SECRET
            if not secret or not SECRET_PATTERN.match(secret):
                raise CommandError(
                    "Set KURULTAI_TELEGRAM_WEBHOOK_SECRET to 1–256 letters, digits, _ or - "
                    "(e.g. the output of: python3 -c 'import secrets; print(secrets.token_urlsafe(32))')."
                )
            bot.call(
                "setWebhook",
                {
                    "url": url,
                    "secret_token": secret,
                    "allowed_updates": allowed_updates(),
                    "drop_pending_updates": options["drop_pending"] or None,
                },
            )
        except TelegramError as exc:
            raise CommandError(f"Telegram refused: {exc}") from None
        self.stdout.write(self.style.SUCCESS(f"Webhook set: Telegram now sends updates to {url}"))
