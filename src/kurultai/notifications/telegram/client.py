"""A small synchronous client for the Telegram Bot API: JSON over HTTPS, rate-limited, with Telegram's errors typed.

Every call goes to ``{TELEGRAM_API_URL}/bot{TELEGRAM_BOT_TOKEN}/{method}``. Messages pass the shared
:class:`RateLimiter`; a 429 waits ``retry_after`` and tries again a few times before giving up.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
from django.conf import settings

from kurultai.notifications.telegram.ratelimit import RateLimiter

logger = logging.getLogger(__name__)
# httpx logs every request URL at INFO, and the URL contains the bot token.
logging.getLogger("httpx").setLevel(logging.WARNING)

# Methods that post into a chat and therefore count against Telegram's per-chat limits.
LIMITED_METHODS = {"sendMessage", "editMessageText", "sendPhoto", "sendDocument"}


class TelegramError(Exception):
    """Telegram answered ``ok: false`` or could not be reached."""

    def __init__(self, description: str, code: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.description = description
        self.code = code
        self.retry_after = retry_after


class RetryLater(TelegramError):
    """Too many requests (429) even after waiting, or Telegram is unreachable or failing (network, 5xx)."""


class Forbidden(TelegramError):
    """403: the person blocked the bot, or the bot was removed from the chat or channel."""


class BadRequest(TelegramError):
    """400: the request is wrong for this chat (e.g. "chat not found", a message that can't be parsed)."""

    @property
    def chat_gone(self) -> bool:
        text = self.description.lower()
        return any(s in text for s in ("chat not found", "user is deactivated", "peer_id_invalid", "group chat was"))


class BotApi:
    """One bot: calls methods, waits for the rate limiter before messages and retries 429 a bounded number of times."""

    def __init__(
        self,
        token: str,
        api_url: str,
        limiter: RateLimiter,
        *,
        timeout: float = 15.0,
        max_attempts: int = 3,
        max_wait: float = 60.0,
    ) -> None:
        self.token = token
        self.api_url = api_url.rstrip("/")
        self.limiter = limiter
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self._http: httpx.Client | None = None

    @property
    def http(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(timeout=self.timeout, headers={"User-Agent": "Kurultai"})
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _post(self, method: str, params: dict[str, Any], timeout: float | None) -> Any:
        """One HTTP request; raises the typed error for ``ok: false``. Never puts the URL (with the token) in errors."""
        url = f"{self.api_url}/bot{self.token}/{method}"
        try:
            response = self.http.post(url, json=params, timeout=timeout or self.timeout)
        except httpx.HTTPError as exc:
            raise RetryLater(f"{method}: Telegram is not reachable ({type(exc).__name__})") from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            if response.status_code >= 500 or response.status_code == 429:
                raise RetryLater(f"{method}: HTTP {response.status_code}", response.status_code)
            raise TelegramError(f"{method}: unexpected answer (HTTP {response.status_code})", response.status_code)
        if body.get("ok"):
            return body.get("result")
        code = body.get("error_code") or response.status_code
        description = str(body.get("description") or f"HTTP {code}")
        retry_after = (body.get("parameters") or {}).get("retry_after")
        if code == 429:
            raise RetryLater(description, 429, float(retry_after) if retry_after is not None else 1.0)
        if code == 403:
            raise Forbidden(description, 403)
        if code == 400:
            raise BadRequest(description, 400)
        if code >= 500:
            raise RetryLater(description, code)
        raise TelegramError(description, code)

    def call(self, method: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> Any:
        """Call a Bot API method and return its ``result``; messages wait for the rate limiter first."""
        params = {k: v for k, v in (params or {}).items() if v is not None}
        attempt = 0
        while True:
            attempt += 1
            if method in LIMITED_METHODS and "chat_id" in params:
                self.limiter.acquire(params["chat_id"])
            try:
                return self._post(method, params, timeout)
            except RetryLater as exc:
                if exc.code != 429 or attempt >= self.max_attempts or (exc.retry_after or 0) > self.max_wait:
                    raise
                logger.info("Telegram asked to wait %s s before %s", exc.retry_after, method)
                self.limiter.sleep(exc.retry_after or 1.0)

    def send_message(self, chat_id: str | int, text: str, *, reply_markup: dict | None = None) -> dict:
        """Send Telegram HTML to a chat, without link previews (they cost bandwidth on slow connections)."""
        return self.call(
            "sendMessage",
            {
                "chat_id": chat_id,
                "text": text,
                "parse_mode": "HTML",
                "link_preview_options": {"is_disabled": True},
                "reply_markup": reply_markup,
            },
        )

    def edit_message(self, chat_id: str | int, message_id: int, text: str, *, reply_markup: dict | None = None) -> Any:
        """Replace a message's text and keyboard (the answer to a button press)."""
        return self.call(
            "editMessageText",
            {
                "chat_id": chat_id,
                "message_id": message_id,
                "text": text,
                "parse_mode": "HTML",
                "link_preview_options": {"is_disabled": True},
                "reply_markup": reply_markup,
            },
        )


LIMITER = RateLimiter()
_bots: dict[tuple[str, str, int], BotApi] = {}


def is_enabled() -> bool:
    """Telegram runs only when a bot token is configured."""
    return bool(settings.TELEGRAM_BOT_TOKEN)


def get_bot() -> BotApi | None:
    """The process's client for the configured bot, or None when Telegram is off."""
    token = settings.TELEGRAM_BOT_TOKEN
    if not token:
        return None
    key = (token, settings.TELEGRAM_API_URL, id(LIMITER))
    bot = _bots.get(key)
    if bot is None:
        bot = _bots[key] = BotApi(token, settings.TELEGRAM_API_URL, LIMITER)
    return bot
