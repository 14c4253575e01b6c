"""A Bot-API-shaped HTTP server on 127.0.0.1 that answers as Telegram does, for tests.

It records every call, validates message HTML and length the way Telegram does, refuses chats that blocked the bot
with 403, plays scripted errors (e.g. 429 with ``retry_after``) and serves ``getUpdates`` batches.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "123456:TEST-token_for-the-fake-api"
BOT_USERNAME = "kurultai_test_bot"
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
    "blockquote", "tg-emoji",
}  # fmt: skip
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
MAX_LENGTH = 4096


@dataclass
class Call:
    method: str
    params: dict[str, Any]


def error(code: int, description: str, **parameters: Any) -> dict[str, Any]:
    """A Bot API error answer, e.g. ``error(429, "Too Many Requests: retry after 3", retry_after=3)``."""
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


TOO_MANY = error(429, "Too Many Requests: retry after 3", retry_after=3)
BLOCKED = error(403, "Forbidden: bot was blocked by the user")


class EntityParser(HTMLParser):
    """Parses message HTML as Telegram does: a few tags, balanced, and only its four named entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.problem = ""

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problem = self.problem or f'Unsupported start tag "{tag}"'
        if tag == "a" and not dict(attrs).get("href"):
            self.problem = self.problem or 'Can\'t find end tag corresponding to start tag "a"'
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problem = self.problem or f'Can\'t find end tag corresponding to start tag "{tag}"'
            return
        self.stack.pop()

    def handle_data(self, data):
        if "<" in data or ">" in data:
            self.problem = self.problem or "Unsupported start tag"
        self.text.append(data)

    def handle_entityref(self, name):
        if name not in NAMED_ENTITIES:
            self.problem = self.problem or f'Unsupported HTML entity "&{name};"'
        self.text.append(NAMED_ENTITIES.get(name, ""))

    def handle_charref(self, name):
        try:
            self.text.append(chr(int(name[1:], 16) if name[:1] in "xX" else int(name)))
        except ValueError:
            self.problem = self.problem or "Invalid numeric entity"

    def handle_comment(self, data):
        self.problem = self.problem or "Unsupported comment"


def parse_html(text: str) -> tuple[str, str]:
    """(plain text, problem); problem is empty when Telegram would accept the HTML."""
    if "&" in text:
        # An ampersand that starts no entity is refused by Telegram.
        import re

        for match in re.finditer(r"&([^;\s<>&]*)(;?)", text):
            if not match.group(2):
                return "", "Can't parse entities: unclosed entity"
    parser = EntityParser()
    parser.feed(text)
    parser.close()
    if parser.stack and not parser.problem:
        parser.problem = f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"'
    return "".join(parser.text), parser.problem


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeBotApi:
    """Start with ``with FakeBotApi() as api:``; ``api.url`` is the TELEGRAM_API_URL to configure."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.scripted: dict[str, deque[dict[str, Any]]] = defaultdict(deque)
        self.blocked: set[str] = set()
        self.updates: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.messages: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._ids = itertools.count(1000)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeBotApi:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what tests script and read -------------------------------------------------------------------------
    def script(self, method: str, *answers: dict[str, Any]) -> None:
        """The next calls of ``method`` get these answers, in order, before normal service resumes."""
        self.scripted[method].extend(answers)

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    def sent_to(self, chat_id: str | int) -> list[str]:
        """Texts of the messages the bot sent or edited in a chat, oldest first."""
        return [
            c.params["text"]
            for c in self.calls
            if c.method in ("sendMessage", "editMessageText") and str(c.params.get("chat_id")) == str(chat_id)
        ]

    def queue_update(self, update: dict[str, Any]) -> None:
        self.updates.append(update)

    # --- the API --------------------------------------------------------------------------------------------
    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.calls.append(Call(method, params))
            if self.scripted[method]:
                return self.scripted[method].popleft()
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return error(404, "Not Found: method not found")
        return handler(params)

    def _message_checks(self, params: dict[str, Any]) -> dict[str, Any] | tuple[str, str]:
        chat_id = str(params.get("chat_id", ""))
        if not chat_id:
            return error(400, "Bad Request: chat_id is empty")
        if chat_id in self.blocked:
            return BLOCKED
        text = params.get("text", "")
        if params.get("parse_mode") == "HTML":
            plain, problem = parse_html(text)
            if problem:
                return error(400, f"Bad Request: can't parse entities: {problem}")
        else:
            plain = text
        if not plain.strip():
            return error(400, "Bad Request: message text is empty")
        if utf16_length(plain) > MAX_LENGTH:
            return error(400, "Bad Request: message is too long")
        return chat_id, plain

    def api_sendMessage(self, params):
        checked = self._message_checks(params)
        if isinstance(checked, dict):
            return checked
        chat_id, plain = checked
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": int(chat_id) if chat_id.lstrip("-").isdigit() else -100, "type": "private"},
            "text": plain,
        }
        self.messages[chat_id].append(message)
        return {"ok": True, "result": message}

    def api_editMessageText(self, params):
        checked = self._message_checks(params)
        if isinstance(checked, dict):
            return checked
        chat_id, plain = checked
        return {"ok": True, "result": {"message_id": params.get("message_id"), "chat": {"id": chat_id}, "text": plain}}

    def api_answerCallbackQuery(self, params):
        if not params.get("callback_query_id"):
            return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        return {"ok": True, "result": True}

    def api_getMe(self, params):
        return {
            "ok": True,
            "result": {"id": 123456, "is_bot": True, "first_name": "Kurultai", "username": BOT_USERNAME},
        }

    def api_setWebhook(self, params):
        url = params.get("url", "")
        if url and not url.startswith("https://"):
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = dict(params) if url else {}
        return {"ok": True, "result": True, "description": "Webhook was set" if url else "Webhook was deleted"}

    def api_deleteWebhook(self, params):
        self.webhook = {}
        return {"ok": True, "result": True, "description": "Webhook was deleted"}

    def api_getWebhookInfo(self, params):
        return {"ok": True, "result": {"url": self.webhook.get("url", ""), "pending_update_count": len(self.updates)}}

    def api_getUpdates(self, params):
        if self.webhook:
            return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook")
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        with self._lock:
            # Like Telegram: asking with an offset confirms (forgets) every earlier update.
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            batch = self.updates[:limit]
        return {"ok": True, "result": batch}

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                prefix = f"/bot{api.token}/"
                if not self.path.startswith(prefix):
                    return self._send(401, error(401, "Unauthorized"))
                method = self.path[len(prefix) :]
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    params = json.loads(raw or b"{}")
                except ValueError:
                    return self._send(400, error(400, "Bad Request: invalid JSON"))
                body = api.answer(method, params)
                self._send(200 if body.get("ok") else body["error_code"], body)

            def _send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler


class FakeClock:
    """Time that only moves when someone sleeps: rate limits are tested without waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)
