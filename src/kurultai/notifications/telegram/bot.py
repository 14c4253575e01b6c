"""The bot's conversation: commands and button presses, the same for webhook and long polling.

:func:`process_update` handles each update id once: it records the id and changes state in one transaction, and
only then sends the replies, so a reply that fails never undoes or repeats a change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kurultai.core.text import absolute_url
from kurultai.notifications.telegram import services
from kurultai.notifications.telegram.client import BotApi, TelegramError
from kurultai.notifications.telegram.models import Chat, Link, ProcessedUpdate

logger = logging.getLogger(__name__)

LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Русский",
    "kk": "Қазақша",
    "ky": "Кыргызча",
    "tg": "Тоҷикӣ",
    "tk": "Türkmençe",
    "uz": "Oʻzbekcha",
}
CHECK = "✓ "


@dataclass
class Replies:
    """Bot API calls to make once the update's changes are committed."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def send(self, chat_id: str, text: str, keyboard: list[list[dict]] | None = None) -> None:
        self.calls.append(("sendMessage", _message(chat_id, text, keyboard)))

    def edit(self, chat_id: str, message_id: int, text: str, keyboard: list[list[dict]] | None = None) -> None:
        params = _message(chat_id, text, keyboard)
        params["message_id"] = message_id
        self.calls.append(("editMessageText", params))

    def answer(self, query_id: str, text: str = "", alert: bool = False) -> None:
        """Answered first: Telegram shows a spinner on the button until then."""
        self.calls.insert(
            0,
            ("answerCallbackQuery", {"callback_query_id": query_id, "text": text or None, "show_alert": alert or None}),
        )


def _message(chat_id: str, text: str, keyboard: list[list[dict]] | None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "chat_id": chat_id,
        "text": text,
        "parse_mode": "HTML",
        "link_preview_options": {"is_disabled": True},
    }
    if keyboard is not None:
        params["reply_markup"] = {"inline_keyboard": keyboard}
    return params


def button(text: str, data: str) -> dict[str, str]:
    return {"text": text, "callback_data": data[:64]}


# --- entry points -------------------------------------------------------------------------------------------------


def process_update(update: Any, bot: BotApi | None) -> bool:
    """Handle one update unless its id was handled before; returns whether it was new.

    Side effects: state changes of the command (links, subscriptions, chat settings), then the bot's replies.
    """
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        return False
    with transaction.atomic():
        _row, created = ProcessedUpdate.objects.get_or_create(update_id=update["update_id"])
        if not created:
            return False
        replies = handle(update)
    if bot is not None:
        for method, params in replies.calls:
            try:
                bot.call(method, params)
            except TelegramError as exc:
                logger.warning("Telegram reply %s failed: %s", method, exc)
    return True


# Update kinds handled by modules above this one (e.g. "poll_answer" by learning): kind → handler(payload, replies).
UPDATE_HANDLERS: dict[str, Callable[[dict[str, Any], Replies], None]] = {}


def register_update_handler(kind: str, handler: Callable[[dict[str, Any], Replies], None]) -> None:
    """Let a module answer one kind of Telegram update; the kind is then also requested from Telegram."""
    UPDATE_HANDLERS[kind] = handler


def allowed_updates() -> list[str]:
    """The update kinds the bot asks Telegram for (getUpdates and setWebhook)."""
    return ["message", "callback_query", *sorted(UPDATE_HANDLERS)]


def handle(update: dict[str, Any]) -> Replies:
    """The replies to one update (a private message, a button press, or a kind a module registered)."""
    replies = Replies()
    message = update.get("message")
    query = update.get("callback_query")
    if isinstance(message, dict) and (message.get("chat") or {}).get("type") == "private":
        on_message(message, replies)
    elif isinstance(query, dict) and isinstance(query.get("message"), dict):
        on_callback(query, replies)
    else:
        for kind, handler in UPDATE_HANDLERS.items():
            if isinstance(update.get(kind), dict):
                handler(update[kind], replies)
                break
    return replies


# --- commands -----------------------------------------------------------------------------------------------------


def on_message(message: dict[str, Any], replies: Replies) -> None:
    chat_id = str(message["chat"].get("id"))
    sender = message.get("from") or {}
    chat = services.chat_for(chat_id, language_code=sender.get("language_code"))
    text = (message.get("text") or "").strip()
    command, _sep, argument = text.partition(" ")
    command = command.split("@")[0].lower()
    with translation.override(chat.language):
        if command == "/start" and argument.strip():
            start_with_token(chat, argument.strip(), sender, replies)
        elif command == "/start":
            replies.send(chat_id, greeting(chat), start_keyboard())
        elif command == "/stop":
            services.forget_chat(chat_id, reason="stop")
            replies.send(
                chat_id,
                escape(_("Done: this chat will receive nothing more, and it is no longer linked to an account."))
                + "\n"
                + escape(_("Send /start to begin again.")),
            )
        elif command == "/language":
            replies.send(chat_id, escape(_("Choose the bot's language:")), language_keyboard(chat))
        elif command == "/settings":
            chat.draft = current_terms(chat)
            chat.save(update_fields=["draft", "updated_at"])
            replies.send(chat_id, settings_text(chat), settings_keyboard())
        else:
            replies.send(chat_id, help_text())


def start_with_token(chat: Chat, token: str, sender: dict[str, Any], replies: Replies) -> None:
    try:
        services.link_chat(token, chat.chat_id, username=str(sender.get("username") or ""))
    except services.LinkError as exc:
        if exc.reason == "used":
            text = _(
                "This link was already used. To link this chat, open your profile on the site and create a new one."
            )
        else:
            text = _("This link has expired. Open your profile on the site and choose “Link Telegram” again.")
        replies.send(chat.chat_id, escape(text))
        return
    replies.send(
        chat.chat_id,
        escape(_("This chat is now linked to your Kurultai account. Your notifications will arrive here."))
        + "\n\n"
        + escape(_("Choose what you follow on the site:"))
        + " "
        + _link(notifications_url(chat.language)),
    )


def greeting(chat: Chat) -> str:
    return "\n\n".join(
        [
            "<b>" + escape(_("Welcome to Kurultai!")) + "</b>",
            escape(
                _(
                    "Kurultai follows the recommendations of the EU–Central Asia Civil Society Forum: "
                    "responses, progress and news."
                )
            ),
            escape(_("Subscribe here, without an account: choose the countries and themes you care about.")),
            escape(_("Commands: /settings what you receive, /language the bot's language, /stop stop everything.")),
        ]
    )


def help_text() -> str:
    return escape(_("Commands: /settings what you receive, /language the bot's language, /stop stop everything."))


def start_keyboard() -> list[list[dict]]:
    return [[button(_("Choose countries and themes"), "m")], [button(_("Language"), "ml")]]


# --- button presses -----------------------------------------------------------------------------------------------


def on_callback(query: dict[str, Any], replies: Replies) -> None:
    message = query["message"]
    chat_id = str((message.get("chat") or {}).get("id"))
    message_id = message.get("message_id")
    data = str(query.get("data") or "")
    chat = services.chat_for(chat_id, language_code=(query.get("from") or {}).get("language_code"))
    with translation.override(chat.language):
        notice = ""
        alert = False
        if data.startswith("l:") and data[2:] in LANGUAGE_NAMES:
            services.set_chat_language(chat, data[2:])
            translation.activate(chat.language)
            notice = _("Language changed.")
            replies.edit(chat_id, message_id, settings_text(chat), settings_keyboard())
        elif data == "ml":
            replies.edit(chat_id, message_id, escape(_("Choose the bot's language:")), language_keyboard(chat))
        elif data == "m":
            if not chat.draft:
                chat.draft = current_terms(chat)
                chat.save(update_fields=["draft", "updated_at"])
            replies.edit(chat_id, message_id, settings_text(chat), settings_keyboard())
        elif data == "mc" or data.startswith("c:"):
            if data.startswith("c:"):
                toggle(chat, "country", data[2:], valid=country_choices())
            replies.edit(chat_id, message_id, settings_text(chat), choice_keyboard(chat, "country"))
        elif data == "mt" or data.startswith("t:"):
            if data.startswith("t:"):
                themes = dict(theme_keys())
                slug = themes.get(data[2:])
                if slug:
                    toggle(chat, "theme", slug, valid=[slug])
            replies.edit(chat_id, message_id, settings_text(chat), choice_keyboard(chat, "theme"))
        elif data == "s":
            terms = {k: v for k, v in (chat.draft or {}).items() if v}
            if not terms:
                notice, alert = _("Choose at least one country or theme first."), True
            else:
                services.save_chat_subscription(chat, terms)
                notice = _("Subscribed.")
                replies.edit(chat_id, message_id, settings_text(chat, saved=True), settings_keyboard())
        elif data == "x":
            for subscription in services.chat_subscriptions(chat):
                from kurultai.notifications.services import unsubscribe

                unsubscribe(subscription)
            chat.draft = {}
            chat.save(update_fields=["draft", "updated_at"])
            notice = _("Unsubscribed.")
            replies.edit(chat_id, message_id, settings_text(chat), settings_keyboard())
        replies.answer(str(query.get("id") or ""), notice, alert)


def toggle(chat: Chat, dimension: str, value: str, *, valid: list[str]) -> None:
    if value not in valid:
        return
    draft = dict(chat.draft or {})
    values = set(draft.get(dimension, []))
    values ^= {value}
    draft[dimension] = sorted(values)
    chat.draft = draft
    chat.save(update_fields=["draft", "updated_at"])


def current_terms(chat: Chat) -> dict[str, list[str]]:
    """Countries and themes of the chat's subscription, as a starting point for /settings."""
    for subscription in services.chat_subscriptions(chat):
        terms = subscription.terms_dict
        return {"country": terms.get("country", []), "theme": terms.get("theme", [])}
    return {}


def country_choices() -> list[str]:
    from kurultai.core.models import Country

    return list(
        Country.objects.filter(region__in=[Country.Region.CENTRAL_ASIA, Country.Region.NEIGHBOURS]).values_list(
            "code", flat=True
        )
    )


def theme_keys() -> list[tuple[str, str]]:
    """(short key for buttons, slug): slugs can be longer than Telegram's 64-byte button data."""
    from kurultai.core.models import Theme

    return [(str(pk), slug) for pk, slug in Theme.objects.values_list("pk", "slug")]


def settings_text(chat: Chat, *, saved: bool = False) -> str:
    from kurultai.core.models import Country, Theme

    draft = chat.draft or {}
    countries = [str(c) for c in Country.objects.filter(code__in=draft.get("country", []))]
    themes = [str(t) for t in Theme.objects.filter(slug__in=draft.get("theme", []))]
    lines = ["<b>" + escape(_("What this chat receives")) + "</b>"]
    lines.append(
        escape(_("News about recommendations, filtered by country and theme. Tick what you care about, then save."))
    )
    lines.append("")
    lines.append(escape(_("Countries:")) + " " + escape(", ".join(countries) if countries else _("any")))
    lines.append(escape(_("Themes:")) + " " + escape(", ".join(themes) if themes else _("any")))
    lines.append(escape(_("Language:")) + " " + escape(LANGUAGE_NAMES.get(chat.language, chat.language)))
    subscribed = bool(services.chat_subscriptions(chat))
    lines.append("")
    if saved:
        lines.append("<b>" + escape(_("Saved: news will arrive in this chat.")) + "</b>")
    elif subscribed:
        lines.append(escape(_("You are subscribed in this chat.")))
    else:
        lines.append(escape(_("Not subscribed yet.")))
    if Link.objects.filter(chat_id=chat.chat_id, active=True).exists():
        lines.append(
            escape(_("This chat is linked to your account; what your account follows is chosen on the site:"))
            + " "
            + _link(notifications_url(chat.language))
        )
    return "\n".join(lines)


def settings_keyboard() -> list[list[dict]]:
    return [
        [button(_("Countries"), "mc"), button(_("Themes"), "mt")],
        [button(_("Save"), "s")],
        [button(_("Language"), "ml"), button(_("Unsubscribe"), "x")],
    ]


def choice_keyboard(chat: Chat, dimension: str) -> list[list[dict]]:
    from kurultai.core.models import Country, Theme

    chosen = set((chat.draft or {}).get(dimension, []))
    if dimension == "country":
        options = [
            (("✓ " if c.code in chosen else "") + str(c), f"c:{c.code}")
            for c in Country.objects.filter(region__in=[Country.Region.CENTRAL_ASIA, Country.Region.NEIGHBOURS])
        ]
        per_row = 2
    else:
        options = [((CHECK if t.slug in chosen else "") + str(t), f"t:{t.pk}") for t in Theme.objects.all()]
        per_row = 1
    rows = [[button(text, data) for text, data in options[i : i + per_row]] for i in range(0, len(options), per_row)]
    rows.append([button("« " + _("Back"), "m"), button(_("Save"), "s")])
    return rows


def language_keyboard(chat: Chat) -> list[list[dict]]:
    options = [
        button((CHECK if code == chat.language else "") + name, f"l:{code}") for code, name in LANGUAGE_NAMES.items()
    ]
    rows = [options[i : i + 2] for i in range(0, len(options), 2)]
    rows.append([button("« " + _("Back"), "m")])
    return rows


def notifications_url(language: str) -> str:
    """The site's page of what a member follows, in the chat's language."""
    with translation.override(language):
        for name in ("notifications:following", "followup:notifications"):
            try:
                return absolute_url(reverse(name))
            except NoReverseMatch:
                continue
    return absolute_url("/")


def _link(url: str) -> str:
    return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
