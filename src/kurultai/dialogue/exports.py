"""A position with its signatories as DOCX (python-docx) and PDF (fpdf2 with the embedded DejaVu Sans)."""

from __future__ import annotations

import io
import re
from typing import Any

from django.http import HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kurultai.core.text import markdown_to_text
from kurultai.dialogue.models import Position

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _filename(position: Position, ext: str) -> str:
    return f"{re.sub(r'[^a-z0-9-]', '', position.slug)[:80] or 'position'}-v{position.current.number}.{ext}"


def _lines(position: Position, rows: list[dict[str, Any]]) -> list[str]:
    """The signatories as lines: organisation, versions signed, whether it signed the current version."""
    out = []
    for row in rows:
        versions = ", ".join(f"v{n}" for n in row["versions"])
        state = _("signed the current version") if row["current"] else _("not yet confirmed the current version")
        out.append(f"{row['organisation'].name} — {versions} ({state})")
    return out


def _heading(position: Position) -> tuple[str, str]:
    version = position.current
    meta = _("Drafted by %(organisation)s · version %(number)s of %(date)s") % {
        "organisation": position.organisation.name,
        "number": version.number,
        "date": date_format(version.created_at, "DATE_FORMAT"),
    }
    return version.title, meta


def docx_response(position: Position, rows: list[dict[str, Any]]) -> HttpResponse:
    import docx

    title, meta = _heading(position)
    document = docx.Document()
    document.core_properties.title = title[:250]
    document.add_heading(title, level=1)
    document.add_paragraph(meta)
    for block in re.split(r"\n\s*\n", markdown_to_text(position.current.text)):
        if block.strip():
            document.add_paragraph(block.strip())
    document.add_heading(_("Signatories"), level=2)
    document.add_paragraph(str(position.organisation.name) + " — " + _("drafting organisation"))
    for line in _lines(position, rows):
        document.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(position, "docx")}"'
    return response


def pdf_bytes(position: Position, rows: list[dict[str, Any]]) -> bytes:
    from kurultai.certificates.pdf import FONT, Document

    title, meta = _heading(position)
    pdf = Document()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(title[:250])
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.multi_cell(0, 5, meta, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT, size=11)
    for block in re.split(r"\n\s*\n", markdown_to_text(position.current.text)):
        if block.strip():
            pdf.multi_cell(0, 6, block.strip(), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.ln(4)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 7, _("Signatories"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=11)
    pdf.multi_cell(0, 6, f"{position.organisation.name} — {_('drafting organisation')}", new_x="LMARGIN", new_y="NEXT")
    for line in _lines(position, rows):
        pdf.multi_cell(0, 6, "• " + line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_response(position: Position, rows: list[dict[str, Any]]) -> HttpResponse:
    from kurultai.certificates.pdf import pdf_response as respond

    return respond(pdf_bytes(position, rows), _filename(position, "pdf"), inline=False)
