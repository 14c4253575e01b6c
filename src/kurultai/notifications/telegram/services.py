"""Every Telegram state change: link tokens, linking and unlinking chats, chat settings, channel posts."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kurultai.core.audit import record
from kurultai.notifications.telegram.audit import TelegramAction
from kurultai.notifications.telegram.models import ChannelPost, Chat, Link, LinkToken, hash_token

TOKEN_LIFETIME = dt.timedelta(minutes=15)
LANGUAGE_CODES = ("en", "ru", "kk", "ky", "tg", "tk", "uz")


class LinkError(Exception):
    """A deep-link token that cannot link: ``reason`` is "unknown", "expired" or "used"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PostError(Exception):
    """A channel post that is no longer waiting for a decision."""


def language_from_telegram(code: str | None) -> str:
    """Telegram's ``language_code`` ("ru", "uz-Latn", "en-GB") → one of our languages, else English."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGE_CODES else "en"


def create_link_token(user: Any) -> str:
    """A fresh one-time token for a t.me deep link.

    Side effects: earlier unused tokens of the person stop working; the token's hash is stored, valid 15 minutes.
    """
    token = secrets.token_urlsafe(24)
    now = timezone.now()
    with transaction.atomic():
        LinkToken.objects.filter(user=user, used_at__isnull=True).delete()
        LinkToken.objects.create(
            user=user, token_hash=hash_token(token), created_at=now, expires_at=now + TOKEN_LIFETIME
        )
    return token


def active_link(user: Any) -> Link | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Link.objects.filter(user=user, active=True).first()


def link_chat(token: str, chat_id: str, *, username: str = "") -> Link:
    """Link the chat that sent a deep-link token to the token's account.

    Side effects: the token is used up; earlier active links of the account and of the chat end; audit entry
    "telegram.linked". Raises :class:`LinkError` for an unknown, expired or used token.
    """
    chat_id = str(chat_id)
    now = timezone.now()
    with transaction.atomic():
        token_row = (
            LinkToken.objects.select_for_update().select_related("user").filter(token_hash=hash_token(token)).first()
        )
        if token_row is None:
            raise LinkError("unknown")
        if token_row.used_at is not None:
            raise LinkError("used")
        if token_row.expires_at <= now or not token_row.user.is_active:
            raise LinkError("expired")
        token_row.used_at = now
        token_row.save(update_fields=["used_at"])
        user = token_row.user
        Link.objects.filter(Q(user=user) | Q(chat_id=chat_id), active=True).update(active=False, ended_at=now)
        link = Link.objects.create(user=user, chat_id=chat_id, username=username[:64], linked_at=now)
        record(user, TelegramAction.LINKED, link, {"link": link.pk})
    return link


def unlink(link: Link, *, actor: Any = None, reason: str = "unlinked") -> None:
    """End a link: the chat gets no more of the account's notifications. Side effects: audit "telegram.unlinked"."""
    with transaction.atomic():
        updated = Link.objects.filter(pk=link.pk, active=True).update(active=False, ended_at=timezone.now())
        if updated:
            record(actor, TelegramAction.UNLINKED, link, {"link": link.pk, "reason": reason})


def forget_chat(chat_id: str, *, reason: str) -> None:
    """The chat said /stop or blocked the bot: end its link and remove its subscriptions without an account.

    Side effects: links ended (audit "telegram.unlinked" each), anonymous subscriptions of the chat deleted.
    """
    from kurultai.notifications.models import Subscription
    from kurultai.notifications.services import unsubscribe

    chat_id = str(chat_id)
    with transaction.atomic():
        for link in Link.objects.filter(chat_id=chat_id, active=True):
            unlink(link, reason=reason)
        for subscription in Subscription.objects.filter(user=None, address=chat_id):
            unsubscribe(subscription)
        Chat.objects.filter(chat_id=chat_id).update(draft={})


def chat_for(chat_id: str, *, language_code: str | None = None) -> Chat:
    """The chat's settings; a new chat starts in the language of the person's Telegram app."""
    chat, _created = Chat.objects.get_or_create(
        chat_id=str(chat_id), defaults={"language": language_from_telegram(language_code)}
    )
    return chat


def set_chat_language(chat: Chat, language: str) -> None:
    """Switch the bot's language in a chat. Side effects: the chat's subscriptions deliver in that language too."""
    from kurultai.notifications.models import Subscription

    if language not in LANGUAGE_CODES:
        raise ValueError(language)
    with transaction.atomic():
        chat.language = language
        chat.save(update_fields=["language", "updated_at"])
        Subscription.objects.filter(user=None, address=chat.chat_id).update(language=language)


def chat_subscriptions(chat: Chat) -> list[Any]:
    """Subscriptions this chat made in the bot (without an account)."""
    from kurultai.notifications.models import Subscription

    return list(Subscription.objects.filter(user=None, address=chat.chat_id).prefetch_related("terms"))


def save_chat_subscription(chat: Chat, terms: dict[str, list[str]]) -> Any:
    """Replace the chat's bot subscription with one for these countries and themes.

    Side effects: the chat's earlier subscriptions without an account are removed; a new one is written.
    """
    from kurultai.notifications.services import subscribe, unsubscribe

    terms = {k: sorted(set(v)) for k, v in terms.items() if v}
    if not terms:
        raise ValueError("no terms")
    with transaction.atomic():
        subscription = subscribe(
            user=None, address=chat.chat_id, channels=["telegram"], terms=terms, language=chat.language
        )
        for other in chat_subscriptions(chat):
            if other.pk != subscription.pk:
                unsubscribe(other)
    return subscription


# --- channel posts ------------------------------------------------------------------------------------------------


def create_channel_posts(event: Any) -> list[ChannelPost]:
    """Render a public event for every configured language channel, waiting for an editor's approval."""
    from kurultai.notifications.telegram import formatting
    from kurultai.notifications.telegram.client import is_enabled

    event_type = event.type
    if not is_enabled() or event_type is None or not event_type.public:
        return []
    posts = []
    for language, channel in settings.TELEGRAM_CHANNELS.items():
        message = event.render(language)
        from django.utils import translation

        with translation.override(language):
            text = formatting.single(message)
        post, _created = ChannelPost.objects.get_or_create(
            event=event, language=language, defaults={"channel": channel, "text": text}
        )
        posts.append(post)
    return posts


def approve_post(post: ChannelPost, actor: Any) -> ChannelPost:
    """Approve a pending post for its channel.

    Side effects: status "approved", audit "telegram.post_approved", the post is sent by a background task after
    commit. Raises :class:`PostError` when the post was already decided.
    """
    from kurultai.notifications.telegram.tasks import send_channel_post

    with transaction.atomic():
        post = ChannelPost.objects.select_for_update().get(pk=post.pk)
        if post.status != ChannelPost.Status.PENDING:
            raise PostError(post.status)
        post.status = ChannelPost.Status.APPROVED
        post.approved_by = actor
        post.approved_at = timezone.now()
        post.save(update_fields=["status", "approved_by", "approved_at"])
        record(actor, TelegramAction.POST_APPROVED, post, {"post": post.pk, "event": post.event_id})
        transaction.on_commit(lambda: send_channel_post.enqueue(post.pk))
    return post


def reject_post(post: ChannelPost, actor: Any) -> ChannelPost:
    """Reject a pending post: it is never sent. Side effects: audit "telegram.post_rejected"."""
    with transaction.atomic():
        post = ChannelPost.objects.select_for_update().get(pk=post.pk)
        if post.status != ChannelPost.Status.PENDING:
            raise PostError(post.status)
        post.status = ChannelPost.Status.REJECTED
        post.approved_by = actor
        post.approved_at = timezone.now()
        post.save(update_fields=["status", "approved_by", "approved_at"])
        record(actor, TelegramAction.POST_REJECTED, post, {"post": post.pk, "event": post.event_id})
    return post


MAX_POST_ATTEMPTS = 5


def deliver_channel_post(post_id: int) -> float | None:
    """Post an approved post to its channel through the rate-limited client.

    Side effects: status "sent" with the message id, or "failed" after a refusal or too many attempts. Returns the
    seconds to wait before trying again when Telegram is busy or unreachable, else None.
    """
    from kurultai.notifications.telegram.client import BadRequest, Forbidden, RetryLater, TelegramError, get_bot

    post = ChannelPost.objects.filter(pk=post_id, status=ChannelPost.Status.APPROVED).first()
    if post is None:
        return None
    bot = get_bot()
    if bot is None:
        return None
    ChannelPost.objects.filter(pk=post.pk).update(attempts=post.attempts + 1)
    try:
        message = bot.send_message(post.channel, post.text)
    except RetryLater as exc:
        if post.attempts + 1 >= MAX_POST_ATTEMPTS:
            _post_failed(post, exc)
            return None
        ChannelPost.objects.filter(pk=post.pk).update(last_error=str(exc)[:500])
        return exc.retry_after or 60.0
    except (Forbidden, BadRequest, TelegramError) as exc:
        _post_failed(post, exc)
        return None
    ChannelPost.objects.filter(pk=post.pk).update(
        status=ChannelPost.Status.SENT,
        sent_at=timezone.now(),
        message_id=(message or {}).get("message_id"),
        last_error="",
    )
    return None


def _post_failed(post: ChannelPost, exc: Exception) -> None:
    ChannelPost.objects.filter(pk=post.pk).update(status=ChannelPost.Status.FAILED, last_error=str(exc)[:500])
