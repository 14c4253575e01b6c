"""Telegram switched on against the local fake Bot API, with the rate limiter on a fake clock."""

from __future__ import annotations

import itertools
import json

import pytest
from django.test import override_settings

from kurultai.notifications.telegram import client as telegram_client
from kurultai.notifications.telegram.ratelimit import RateLimiter
from tests.notifications.telegram.fake_bot_api import TOKEN, FakeBotApi, FakeClock

SECRET = "webhook-secret_for-tests"
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
_update_ids = itertools.count(5000)


@pytest.fixture
def api():
    with FakeBotApi() as server:
        yield server


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(telegram_client, "LIMITER", RateLimiter(clock=fake, sleep=fake.sleep))
    return fake


@pytest.fixture
def telegram(api, clock):
    """Telegram on: token, API address of the fake server, webhook secret, one public channel per language."""
    with override_settings(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.url,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        TELEGRAM_CHANNELS={"en": "@kurultai_en", "ru": "@kurultai_ru"},
        TASKS=IMMEDIATE_TASKS,
    ):
        yield api


def message_update(chat_id: int, text: str, *, language_code: str = "en", username: str = "aigerim", update_id=None):
    return {
        "update_id": update_id if update_id is not None else next(_update_ids),
        "message": {
            "message_id": 1,
            "date": 1700000000,
            "chat": {"id": chat_id, "type": "private", "first_name": "Aigerim"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Aigerim", "username": username,
                     "language_code": language_code},
            "text": text,
        },
    }  # fmt: skip


def callback_update(chat_id: int, data: str, *, message_id: int = 77, language_code: str = "en"):
    update_id = next(_update_ids)
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cb{update_id}",
            "from": {"id": chat_id, "is_bot": False, "first_name": "Aigerim", "language_code": language_code},
            "message": {"message_id": message_id, "date": 1700000000, "chat": {"id": chat_id, "type": "private"}},
            "chat_instance": "1",
            "data": data,
        },
    }


def post_update(client, update, *, secret: str | None = SECRET):
    headers = {"HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN": secret} if secret is not None else {}
    return client.post("/telegram/webhook/", data=json.dumps(update), content_type="application/json", **headers)
