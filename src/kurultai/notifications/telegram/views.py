"""Telegram pages: the bot's webhook, linking a chat from the profile, and the editors' channel-post review."""

from __future__ import annotations

import hmac
import json
import logging
from html import escape

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kurultai.notifications.telegram import bot as conversation
from kurultai.notifications.telegram import services
from kurultai.notifications.telegram.client import TelegramError, get_bot, is_enabled
from kurultai.notifications.telegram.models import ChannelPost

logger = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name


@csrf_exempt
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    """Updates pushed by Telegram; only requests carrying our secret token are read."""
    secret = settings.TELEGRAM_WEBHOOK_SECRET
    if not is_enabled() or not secret:
        raise Http404
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return HttpResponseForbidden("Wrong secret token.")
    try:
        update = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponseBadRequest("Invalid JSON.")
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        return HttpResponseBadRequest("Not a Telegram update.")
    try:
        conversation.process_update(update, get_bot())
    except Exception:  # an answer other than 200 makes Telegram resend the update again and again
        logger.exception("Telegram update %s could not be handled", update.get("update_id"))
    return JsonResponse({"ok": True})


def bot_username() -> str | None:
    """The bot's @username from getMe, remembered for a day; None when Telegram does not answer."""
    key = f"telegram:username:{settings.TELEGRAM_BOT_TOKEN.split(':')[0]}"
    username = cache.get(key)
    if username:
        return username
    bot = get_bot()
    if bot is None:
        return None
    try:
        username = (bot.call("getMe") or {}).get("username")
    except TelegramError as exc:
        logger.warning("Telegram getMe failed: %s", exc)
        return None
    if username:
        cache.set(key, username, 24 * 3600)
    return username


def qr_svg(url: str) -> str:
    """The deep link as an inline SVG QR code (no script, no image request), for linking from a phone."""
    import segno

    label = escape(_("QR code of the Telegram link"), quote=True)
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


@login_required
@require_POST
def link(request: HttpRequest) -> HttpResponse:
    """Create a one-time token and show the t.me link that opens the bot with it."""
    if not is_enabled():
        raise Http404
    username = bot_username()
    if not username:
        messages.error(request, _("Telegram cannot be reached right now. Please try again in a few minutes."))
        return redirect("accounts:profile")
    token = services.create_link_token(request.user)
    url = f"https://t.me/{username}?start={token}"
    return render(
        request,
        "telegram/link.html",
        {
            "deep_link": url,
            "bot_username": username,
            "qr": qr_svg(url),
            "minutes": int(services.TOKEN_LIFETIME.total_seconds() // 60),
            "nav": "account",
        },
    )


@login_required
@require_POST
def unlink(request: HttpRequest) -> HttpResponse:
    """Stop sending the account's notifications to its Telegram chat."""
    current = services.active_link(request.user)
    if current is not None:
        services.unlink(current, actor=request.user)
        messages.success(request, _("Telegram is no longer linked to your account."))
    return redirect("accounts:profile")


def _require_reviewer(request: HttpRequest) -> None:
    if not request.user.has_perm("telegram.review_channel_posts"):
        raise PermissionDenied


@login_required
def channel_posts(request: HttpRequest) -> HttpResponse:
    """Posts for the public channels waiting for approval, with exactly what each channel will show."""
    _require_reviewer(request)
    pending = ChannelPost.objects.filter(status=ChannelPost.Status.PENDING).select_related("event")[:100]
    recent = (
        ChannelPost.objects.exclude(status=ChannelPost.Status.PENDING)
        .select_related("approved_by")
        .order_by("-approved_at", "-id")[:20]
    )
    return render(
        request,
        "telegram/channel_posts.html",
        {"pending": pending, "recent": recent, "enabled": is_enabled(), "nav": "account"},
    )


@login_required
@require_POST
def decide_post(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """Approve (post it) or reject one pending channel post."""
    _require_reviewer(request)
    post = get_object_or_404(ChannelPost, pk=pk)
    try:
        if decision == "approve":
            services.approve_post(post, request.user)
            messages.success(request, _("Approved: the post is on its way to %(channel)s.") % {"channel": post.channel})
        else:
            services.reject_post(post, request.user)
            messages.success(request, _("Rejected: the post will not be published."))
    except services.PostError:
        messages.info(request, _("This post was already decided."))
    return redirect("telegram:channel_posts")
