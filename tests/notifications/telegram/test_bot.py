"""The bot through its webhook and long polling, as a person in Telegram and on the profile page sees it."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from kurultai.core.models import AuditEntry, Theme
from kurultai.notifications.models import Subscription
from kurultai.notifications.telegram.models import Link, LinkToken, ProcessedUpdate
from tests.factories import UserFactory
from tests.notifications.telegram.conftest import SECRET, callback_update, message_update, post_update
from tests.notifications.telegram.fake_bot_api import BOT_USERNAME, error

pytestmark = pytest.mark.django_db

CHAT = 4242


def deep_link_token(client, user) -> str:
    client.force_login(user)
    response = client.post("/en/account/telegram/link/")
    assert response.status_code == 200
    match = re.search(rf"https://t\.me/{BOT_USERNAME}\?start=([A-Za-z0-9_-]+)", response.content.decode())
    assert match, "the page shows the deep link"
    return match.group(1)


def test_deep_link_links_the_chat_once_and_only_with_the_secret(client, telegram):
    user = UserFactory()
    token = deep_link_token(client, user)
    update = message_update(CHAT, f"/start {token}", username="aigerim_cso")

    forged = post_update(client, update, secret="guess")
    missing = post_update(client, update, secret=None)
    assert forged.status_code == missing.status_code == 403
    assert not Link.objects.exists() and not ProcessedUpdate.objects.exists()
    assert telegram.sent_to(CHAT) == []

    assert post_update(client, update).status_code == 200
    link = Link.objects.get(user=user)
    assert link.active and link.chat_id == str(CHAT) and link.username == "aigerim_cso"
    assert "linked to your Kurultai account" in telegram.sent_to(CHAT)[-1]
    assert AuditEntry.objects.filter(action="telegram.linked", object_id=str(link.pk)).exists()

    # Telegram delivers the same update again (e.g. after a timeout): nothing happens twice.
    assert post_update(client, update).status_code == 200
    assert Link.objects.count() == 1 and len(telegram.sent_to(CHAT)) == 1

    from kurultai.notifications.registry import channels

    assert channels.get("telegram").address_for(user) == str(CHAT)
    page = client.get("/en/account/").content.decode()
    assert "Unlink Telegram" in page and "@aigerim_cso" in page


def test_a_used_or_expired_token_says_so(client, telegram):
    user = UserFactory()
    token = deep_link_token(client, user)
    post_update(client, message_update(CHAT, f"/start {token}"))
    post_update(client, message_update(CHAT + 1, f"/start {token}"))
    assert "already used" in telegram.sent_to(CHAT + 1)[-1]
    assert Link.objects.get(user=user).chat_id == str(CHAT)

    stale = deep_link_token(client, user)
    LinkToken.objects.filter(used_at__isnull=True).update(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    post_update(client, message_update(CHAT + 2, f"/start {stale}"))
    assert "expired" in telegram.sent_to(CHAT + 2)[-1]
    post_update(client, message_update(CHAT + 3, "/start not-a-real-token"))
    assert "expired" in telegram.sent_to(CHAT + 3)[-1]
    assert Link.objects.filter(active=True).count() == 1


def test_plain_start_greets_in_the_persons_telegram_language(client, telegram):
    post_update(client, message_update(CHAT, "/start", language_code="ru"))
    (greeting,) = telegram.sent_to(CHAT)
    assert re.search("[а-яё]{4}", greeting), "the greeting is written in Russian"
    with translation.override("ru"):
        from django.utils.translation import gettext

        assert gettext("Welcome to Kurultai!") in greeting
        button_labels = [b["text"] for row in telegram.calls_of("sendMessage")[0]["reply_markup"]["inline_keyboard"]
                         for b in row]  # fmt: skip
        assert gettext("Choose countries and themes") in button_labels
    # The chat keeps Russian: the settings name it in Russian.
    post_update(client, message_update(CHAT, "/settings", language_code="ru"))
    assert "Русский" in telegram.sent_to(CHAT)[-1]
    # Languages we do not have fall back to English.
    post_update(client, message_update(CHAT + 1, "/start", language_code="de"))
    assert "Welcome to Kurultai!" in telegram.sent_to(CHAT + 1)[0]


def test_anyone_subscribes_with_countries_and_themes_in_settings(client, telegram):
    theme = Theme.objects.get(slug="climate-change")
    post_update(client, message_update(CHAT, "/settings"))
    assert "Not subscribed yet" in telegram.sent_to(CHAT)[-1]

    post_update(client, callback_update(CHAT, "mc"))
    keyboard = telegram.calls_of("editMessageText")[-1]["reply_markup"]["inline_keyboard"]
    assert any(b["callback_data"] == "c:KZ" for row in keyboard for b in row)
    post_update(client, callback_update(CHAT, "c:KZ"))
    post_update(client, callback_update(CHAT, "c:TJ"))
    post_update(client, callback_update(CHAT, "c:TJ"))  # ticked twice: unticked
    keyboard = telegram.calls_of("editMessageText")[-1]["reply_markup"]["inline_keyboard"]
    labels = [b["text"] for row in keyboard for b in row]
    assert "✓ Kazakhstan" in labels and "Tajikistan" in labels
    post_update(client, callback_update(CHAT, "mt"))
    post_update(client, callback_update(CHAT, f"t:{theme.pk}"))
    post_update(client, callback_update(CHAT, "s"))

    subscription = Subscription.objects.get(user=None, address=str(CHAT))
    assert subscription.channels == ["telegram"]
    assert subscription.terms_dict == {"country": ["KZ"], "theme": ["climate-change"]}
    assert "Saved" in telegram.sent_to(CHAT)[-1]
    answers = telegram.calls_of("answerCallbackQuery")
    assert len(answers) == 7 and answers[-1]["text"] == "Subscribed."

    # Switching the language changes the subscription's language too.
    post_update(client, callback_update(CHAT, "l:uz"))
    subscription.refresh_from_db()
    assert subscription.language == "uz"


def test_saving_nothing_is_refused_with_a_notice(client, telegram):
    post_update(client, message_update(CHAT, "/settings"))
    post_update(client, callback_update(CHAT, "s"))
    answer = telegram.calls_of("answerCallbackQuery")[-1]
    assert answer["show_alert"] is True and "at least one" in answer["text"]
    assert not Subscription.objects.exists()


def test_stop_unlinks_and_removes_the_chats_subscriptions(client, telegram):
    from kurultai.notifications.services import subscribe

    user = UserFactory()
    token = deep_link_token(client, user)
    post_update(client, message_update(CHAT, f"/start {token}"))
    subscribe(user=None, address=str(CHAT), channels=["telegram"], terms={"country": ["KG"]})
    post_update(client, message_update(CHAT, "/stop"))
    assert not Link.objects.filter(active=True).exists()
    assert not Subscription.objects.filter(address=str(CHAT)).exists()
    assert "receive nothing more" in telegram.sent_to(CHAT)[-1]
    assert AuditEntry.objects.filter(action="telegram.unlinked").exists()
    assert "Link Telegram" in client.get("/en/account/").content.decode()


def test_webhook_refuses_bad_requests_without_changing_anything(client, telegram):
    assert client.get("/telegram/webhook/").status_code == 405
    bad = client.post(
        "/telegram/webhook/", data="{not json", content_type="application/json",
        HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN=SECRET,
    )  # fmt: skip
    assert bad.status_code == 400
    assert post_update(client, {"no": "update id"}).status_code == 400
    assert not ProcessedUpdate.objects.exists() and telegram.calls == []


def test_without_a_bot_token_the_webhook_does_not_exist(client, settings):
    settings.TELEGRAM_BOT_TOKEN = ""
    settings.TELEGRAM_WEBHOOK_SECRET = SECRET
    assert post_update(client, message_update(CHAT, "/start")).status_code == 404


def test_long_polling_handles_one_batch_and_confirms_it(telegram):
    telegram.queue_update(message_update(CHAT, "/start"))
    telegram.queue_update(message_update(CHAT + 1, "/help"))
    call_command("telegram_poll", "--once", verbosity=0)
    assert "Welcome to Kurultai!" in telegram.sent_to(CHAT)[0]
    assert "/settings" in telegram.sent_to(CHAT + 1)[0]
    assert telegram.updates == []  # confirmed with the next offset
    call_command("telegram_poll", "--once", verbosity=0)
    assert len(telegram.sent_to(CHAT)) == 1


def test_polling_a_replayed_update_handles_it_once(telegram):
    update = message_update(CHAT, "/start")
    telegram.queue_update(update)
    call_command("telegram_poll", "--once", verbosity=0)
    telegram.queue_update(update)
    call_command("telegram_poll", "--once", verbosity=0)
    assert len(telegram.sent_to(CHAT)) == 1


def test_webhook_command_registers_the_secret(telegram):
    from django.core.management.base import CommandError

    call_command("telegram_webhook", "--url", "https://kurultai.example.org/telegram/webhook/", verbosity=0)
    assert telegram.webhook["secret_token"] == SECRET
    assert telegram.webhook["url"] == "https://kurultai.example.org/telegram/webhook/"
    with pytest.raises(CommandError, match="https"):
        call_command("telegram_webhook", "--url", "http://kurultai.example.org/telegram/webhook/")
    call_command("telegram_webhook", "--delete", verbosity=0)
    assert telegram.webhook == {}


def test_commands_explain_when_telegram_is_off(settings):
    from django.core.management.base import CommandError

    settings.TELEGRAM_BOT_TOKEN = ""
    for command in (["telegram_poll", "--once"], ["telegram_webhook", "--info"]):
        with pytest.raises(CommandError, match="KURULTAI_TELEGRAM_BOT_TOKEN"):
            call_command(*command)


def test_a_reply_that_fails_keeps_the_change(client, telegram):
    user = UserFactory()
    token = deep_link_token(client, user)
    telegram.script("sendMessage", error(502, "Bad Gateway"))
    assert post_update(client, message_update(CHAT, f"/start {token}")).status_code == 200
    assert Link.objects.filter(user=user, active=True).exists()


def test_unknown_buttons_and_group_chats_are_harmless(client, telegram):
    assert post_update(client, callback_update(CHAT, "zz:nonsense")).status_code == 200
    assert telegram.calls_of("answerCallbackQuery")[0]["callback_query_id"].startswith("cb")
    group = message_update(-100123, "/start")
    group["message"]["chat"]["type"] = "supergroup"
    assert post_update(client, group).status_code == 200
    assert telegram.sent_to(-100123) == []


def test_bot_conversations_leave_cached_public_pages_alone(client, telegram):
    from kurultai.core.pagecache import current_version

    before = current_version()
    post_update(client, message_update(CHAT, "/start"))
    post_update(client, callback_update(CHAT, "c:KZ"))
    post_update(client, callback_update(CHAT, "s"))
    assert Subscription.objects.filter(address=str(CHAT)).exists()
    assert current_version() == before
