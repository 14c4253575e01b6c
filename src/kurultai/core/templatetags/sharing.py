"""Feeds, calendars and share links in templates: ``{% load sharing %}``.

- ``{% alternate "atom" "followup:feed" title=_("…") keep="forum theme country" %}`` in ``{% block feeds %}``: a
  ``<link rel="alternate">`` to a feed (``"calendar"`` for iCalendar), carrying the page's filters named in ``keep``
  (or fixed ones: ``forum=forum.slug``).
- ``{% webcal "forums:programme_calendar" forum.slug %}``: the ``webcal://`` address calendar apps subscribe to.
- ``{% personal_calendar %}``: a signed-in person's secret calendar address (https and webcal) and the button
  that replaces it.
- ``{% share_links title path text=… editor=perms.forums.manage_outcome %}``: plain links to share a page on
  WhatsApp, Telegram, Facebook and by email (no scripts, nothing loaded from those sites) and, for editors, the
  text to paste into WhatsApp groups.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

from kurultai.core.calendars import personal_calendar_urls, webcal_url
from kurultai.core.text import absolute_url

register = template.Library()

TYPES = {"atom": "application/atom+xml", "calendar": "text/calendar"}


@register.simple_tag(takes_context=True)
def alternate(context: Any, kind: str, viewname: str, *args: Any, title: str = "", keep: str = "", **query: Any) -> str:
    """``<link rel="alternate">`` to a feed or calendar of this page (a same-site path, nothing to fetch).

    ``keep`` names the page's query parameters the feed takes over; other keyword arguments are fixed parameters.
    """
    href = reverse(viewname, args=args)
    request = context.get("request")
    params = [(k, str(v)) for k, v in query.items() if v]
    if keep and request is not None:
        params += [(k, request.GET[k]) for k in keep.split() if request.GET.get(k) and k not in query]
    if params:
        href += "?" + urlencode(params)
    return format_html('<link rel="alternate" type="{}" title="{}" href="{}">\n', TYPES[kind], title, href)


@register.simple_tag
def webcal(viewname: str, *args: Any) -> str:
    return webcal_url(reverse(viewname, args=args))


def share_urls(title: str, url: str, text: str = "") -> dict[str, str]:
    """Where each share link goes; every value is percent-encoded, ``url`` is absolute."""

    def q(value: str) -> str:
        return quote(value, safe="")

    message = f"{title}\n{url}"
    body = "\n\n".join(p for p in (text, url) if p)
    return {
        "whatsapp": f"https://wa.me/?text={q(message)}",
        "telegram": f"https://t.me/share/url?url={q(url)}&text={q(title)}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={q(url)}",
        "email": f"mailto:?subject={q(title)}&body={q(body)}",
    }


def whatsapp_text(title: str, url: str, text: str = "") -> str:
    """A message in WhatsApp's formatting: the title in bold, the summary in italics, the plain link."""

    def plain(value: str) -> str:
        # WhatsApp has no escaping: stray markers would turn the rest of a line bold or italic.
        return " ".join(str(value).replace("*", "").replace("_", " ").split())

    lines = [f"*{plain(title)}*"]
    if text:
        lines.append(f"_{plain(text)}_")
    lines.append(url)
    return "\n".join(lines)


@register.inclusion_tag("core/_share.html")
def share_links(title: Any, path: str, text: Any = "", editor: Any = False) -> dict[str, Any]:
    """Share links for a page and, when ``editor`` is true, its text ready to paste into WhatsApp."""
    url = absolute_url(path)
    title, text = str(title), str(text or "")
    return {
        "links": share_urls(title, url, text),
        "whatsapp_text": whatsapp_text(title, url, text) if editor else "",
    }


@register.inclusion_tag("core/_personal_calendar.html", takes_context=True)
def personal_calendar(context: Any) -> dict[str, Any]:
    """The person's calendar of what they follow, for their notifications page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"urls": None}
    return {"urls": personal_calendar_urls(user), "request": request, "csrf_token": context.get("csrf_token")}
