"""The email channel: one mail per event or one digest, plain text plus light HTML, one-click unsubscribe."""

from __future__ import annotations

import smtplib
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kurultai.core.text import absolute_url
from kurultai.notifications.channels import Channel, Recipient, TemporaryFailure
from kurultai.notifications.registry import Message


class EmailChannel(Channel):
    """Email through Django's mail framework (SMTP in production)."""

    key = "email"
    label = gettext_lazy("Email")

    def address_for(self, user: Any) -> str | None:
        if user is None or not user.is_active or user.erased_at or not user.email:
            return None
        return user.email

    def send(
        self,
        address: str,
        language: str,
        messages: list[Message],
        digest: str | None = None,
        *,
        recipient: Recipient | None = None,
    ) -> None:
        with translation.override(language):
            mail = build_mail(address, messages, digest, recipient.unsubscribe_url if recipient else "")
        try:
            mail.send()
        except (smtplib.SMTPException, OSError) as exc:
            raise TemporaryFailure(str(exc)) from exc


def build_mail(address: str, messages: list[Message], digest: str | None, unsubscribe: str) -> EmailMultiAlternatives:
    """The mail in the active language; RFC 8058 headers when an unsubscribe link is given."""
    site = settings.SITE_NAME
    if digest:
        subject = ngettext(
            "%(site)s: %(count)d news on what you follow",
            "%(site)s: %(count)d news on what you follow",
            len(messages),
        ) % {"site": site, "count": len(messages)}
    else:
        subject = f"{site}: {messages[0].title}"
    context = {
        "messages": messages,
        "digest": digest,
        "site_name": site,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url(_following_path()),
    }
    text = render_to_string("notifications/email/message.txt", context)
    html = render_to_string("notifications/email/message.html", context)
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe:
        mailbox = settings.UNSUBSCRIBE_EMAIL
        mailto = f"mailto:{mailbox}?subject={quote('unsubscribe ' + unsubscribe.rsplit('/', 2)[-2])}"
        headers["List-Unsubscribe"] = f"<{unsubscribe}>, <{mailto}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail = EmailMultiAlternatives(subject.replace("\n", " ")[:200], text, None, [address], headers=headers)
    mail.attach_alternative(html, "text/html")
    for message in messages:
        for name, content, mimetype in message.attachments:
            mail.attach(name, content, mimetype)
    return mail


def _following_path() -> str:
    from django.urls import reverse

    return reverse("notifications:following")


def digest_heading(digest: str | None) -> str:
    return {"daily": _("Your daily digest"), "weekly": _("Your weekly digest")}.get(digest or "", "")
