"""Export a forum's outcome document as Markdown or DOCX, in a layout the importer reads back."""

from __future__ import annotations

import io

from django.utils import translation

from kurultai.core.templatetags.kurultai import date_range
from kurultai.forums.models import Forum
from kurultai.forums.outcome.document import OutcomeDocument, ParsedSession

# Structural headings the importer recognises; other languages use the English ones.
HEADINGS = {
    "en": {
        "session": "Session {number}",
        "discussion_points": "Main discussion points",
        "recommendations": "Main recommendations",
        "conclusions": "Conclusions",
        "subtitle": "Main discussion points and recommendations",
    },
    "ru": {
        "session": "Сессия {number}",
        "discussion_points": "Основные тезисы обсуждения",
        "recommendations": "Основные рекомендации",
        "conclusions": "Выводы",
        "subtitle": "Основные тезисы обсуждения и рекомендации",
    },
}


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def document_from_forum(forum: Forum, lang: str) -> OutcomeDocument:
    """The forum's outcome in one language (with the usual fallback), as a parser-shaped document."""
    with translation.override(lang):
        sessions = []
        for session in forum.sessions.prefetch_related("discussion_points", "recommendations").order_by("number"):
            sessions.append(
                ParsedSession(
                    number=session.number,
                    title=_one_line(session.title),
                    purpose=_one_line(session.purpose),
                    discussion_points=[_one_line(p.text) for p in session.discussion_points.all()],
                    recommendations=[
                        _one_line(r.text) for r in sorted(session.recommendations.all(), key=lambda r: r.position)
                    ],
                )
            )
        conclusions = [_one_line(c.text) for c in forum.conclusions.all()]
    return OutcomeDocument(sessions=sessions, conclusions=conclusions)


def _headings(lang: str) -> dict[str, str]:
    return HEADINGS.get(lang, HEADINGS["en"])


def _facts(forum: Forum, lang: str) -> str:
    with translation.override(lang):
        parts = [date_range(forum.start_date, forum.end_date) if forum.date_precision == "day" else str(forum.year)]
        if forum.city:
            parts.append(str(forum.city))
        if forum.country:
            parts.append(str(forum.country))
        return ", ".join(parts)


def to_markdown(forum: Forum, lang: str) -> str:
    """A Markdown outcome document: sessions as level-2 headings, lists as ``-`` bullets."""
    doc = document_from_forum(forum, lang)
    words = _headings(lang)
    with translation.override(lang):
        title, theme = _one_line(forum.title), _one_line(forum.theme)
    out = [f"# {title}", ""]
    if theme:
        out += [f"*{theme}*", ""]
    out += [_facts(forum, lang), "", words["subtitle"], ""]
    for session in doc.sessions:
        out += [f"## {words['session'].format(number=session.number)}: {session.title}", ""]
        if session.purpose:
            out += [session.purpose, ""]
        for key in ("discussion_points", "recommendations"):
            items = getattr(session, key)
            if items:
                out += [f"### {words[key]}", ""] + [f"- {item}" for item in items] + [""]
    if doc.conclusions:
        out += [f"## {words['conclusions']}", ""] + [f"- {item}" for item in doc.conclusions] + [""]
    return "\n".join(out)


def to_docx(forum: Forum, lang: str) -> bytes:
    """A Word document that reads like a report: title page block, headings, bullet lists, page numbers."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = document_from_forum(forum, lang)
    words = _headings(lang)
    with translation.override(lang):
        title, theme = _one_line(forum.title), _one_line(forum.theme)

    document = Document()
    document.core_properties.title = title
    document.core_properties.subject = words["subtitle"]
    document.core_properties.language = lang
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = RGBColor(0x06, 0x3E, 0x5E)

    document.add_paragraph(title, style="Title")
    if theme:
        document.add_paragraph(theme, style="Subtitle")
    document.add_paragraph(_facts(forum, lang))
    document.add_paragraph(words["subtitle"])
    for session in doc.sessions:
        document.add_heading(f"{words['session'].format(number=session.number)}: {session.title}", level=1)
        if session.purpose:
            purpose = document.add_paragraph()
            purpose.add_run(session.purpose).italic = True
        for key in ("discussion_points", "recommendations"):
            items = getattr(session, key)
            if items:
                document.add_heading(words[key], level=2)
                for item in items:
                    document.add_paragraph(item, style="List Bullet")
    if doc.conclusions:
        document.add_heading(words["conclusions"], level=1)
        for item in doc.conclusions:
            document.add_paragraph(item, style="List Bullet")

    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{title} · ")
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
