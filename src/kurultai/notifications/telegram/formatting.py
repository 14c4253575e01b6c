"""Messages as Telegram HTML: user text escaped, only tags Telegram knows, never longer than one message.

Telegram refuses a message over 4,096 characters or with a tag it does not know. We count the HTML itself (tags and
entities included, in UTF-16 units as Telegram does), which is never less than what Telegram counts, and we cut whole
items or plain text before escaping, so a cut never falls inside a tag or an entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kurultai.notifications.registry import Message

MAX_LENGTH = 4096
ELLIPSIS = "…"


def length(html: str) -> int:
    """Length as Telegram counts it (UTF-16 code units), of the HTML including markup."""
    return len(html.encode("utf-16-le")) // 2


def fit(text: str, budget: int) -> str:
    """Escaped ``text``, shortened with an ellipsis so that it takes at most ``budget`` characters."""
    text = " ".join((text or "").split()) if "\n" not in (text or "") else (text or "").strip()
    escaped = escape(text)
    if length(escaped) <= budget:
        return escaped
    if budget <= 1:
        return ""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if length(escape(text[:middle].rstrip()) + ELLIPSIS) <= budget:
            low = middle
        else:
            high = middle - 1
    return escape(text[:low].rstrip()) + ELLIPSIS if low else ""


def link(url: str, label_html: str) -> str:
    """An ``<a href>`` with the URL escaped for the attribute; plain label when there is no URL."""
    if not url:
        return label_html
    return f'<a href="{escape(url, quote=True)}">{label_html}</a>'


def single(message: Message, *, limit: int = MAX_LENGTH) -> str:
    """One notification: bold title, the excerpt, and a link to read more on the site."""
    title = fit(message.title, 300)
    more = link(message.url, escape(_("Read on the site"))) if message.url else ""
    head = f"<b>{title}</b>"
    tail = f"\n\n{more}" if more else ""
    budget = limit - length(head) - length(tail) - 2
    body = fit(message.text, budget) if message.text else ""
    return head + (f"\n\n{body}" if body else "") + tail


def digest_title(digest: str, count: int) -> str:
    if digest == "weekly":
        return ngettext("Your weekly digest: %(count)d new item", "Your weekly digest: %(count)d new items", count) % {
            "count": count
        }
    return ngettext("Your daily digest: %(count)d new item", "Your daily digest: %(count)d new items", count) % {
        "count": count
    }


def digest_item(message: Message, *, excerpt: int = 280) -> str:
    title = fit(message.title, 300)
    line = "• " + (link(message.url, f"<b>{title}</b>") if message.url else f"<b>{title}</b>")
    text = fit(message.text, excerpt) if message.text else ""
    return line + (f"\n{text}" if text else "")


def digest(messages: Iterable[Message], kind: str, *, more_url: str = "", limit: int = MAX_LENGTH) -> str:
    """One message listing every item that fits; the rest are counted with a link to see them on the site."""
    messages = list(messages)
    head = f"<b>{escape(digest_title(kind, len(messages)))}</b>"
    parts = [head]
    used = length(head)
    for index, message in enumerate(messages):
        item = "\n\n" + digest_item(message)
        left = len(messages) - index - 1
        # Keep room for the "… and N more" line whenever items may still follow.
        reserve = length(_more_line(len(messages), more_url)) if left else 0
        if used + length(item) + reserve > limit:
            parts.append(_more_line(len(messages) - index, more_url))
            break
        parts.append(item)
        used += length(item)
    return "".join(parts)


def _more_line(count: int, url: str) -> str:
    text = escape(
        ngettext("… and %(count)d more item on the site", "… and %(count)d more items on the site", count)
        % {"count": count}
    )
    return "\n\n" + link(url, text)
