"""User-written text: Markdown rendered to HTML through an allow-list sanitiser."""

import html as html_lib
import re

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


def render_markdown(text: str) -> str:
    """Markdown → safe HTML: raw HTML and scripts are stripped, links get ``rel=nofollow``."""
    html = md.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    return clean_html(html)


def clean_html(html: str) -> str:
    """Any HTML → the allow-listed subset: no scripts, event handlers, styles or ``javascript:`` links."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


def markdown_to_text(text: str) -> str:
    """Markdown → plain text (for calendars and other places that show no markup)."""
    html = re.sub(r"(</(?:p|li|h[2-4]|blockquote|tr)>|<br>)", r"\1\n", render_markdown(text))
    plain = html_lib.unescape(nh3.clean(html, tags=set()))
    lines = [line.strip() for line in plain.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def absolute_url(path: str) -> str:
    """A link that works outside the site (emails, Telegram, feeds, calendars): the configured site URL + path."""
    from django.conf import settings

    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + (path if path.startswith("/") else "/" + path)


def plain_excerpt(markdown_text: str, limit: int = 280) -> str:
    """A short one-line plain-text excerpt (emails, Telegram, notifications), cut at a word boundary."""
    text = " ".join(markdown_to_text(markdown_text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def word_diff(old: str, new: str) -> tuple[str, str]:
    """Before and after as safe HTML: words only in the old text in ``<del>``, words only in the new in ``<ins>``."""
    import difflib

    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    a, b = old.split(), new.split()
    before: list[str] = []
    after: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        removed, added = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            before.append(removed)
            after.append(added)
            continue
        if removed:
            before.append(f"<del>{removed}</del>")
        if added:
            after.append(f"<ins>{added}</ins>")
    return mark_safe(" ".join(before)), mark_safe(" ".join(after))  # every piece is escaped
