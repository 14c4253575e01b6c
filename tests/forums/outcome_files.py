"""Build DOCX and PDF outcome documents for the tests, the way office software lays them out."""

import io

from docx import Document
from fpdf import FPDF
from pypdf import PdfWriter


def docx_bytes(paragraphs: list[tuple[str, str]]) -> bytes:
    """``paragraphs``: (style or 'bold', text) pairs, e.g. ("Heading 1", "Сессия 1")."""
    document = Document()
    for style, text in paragraphs:
        if style == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("helvetica", "I", 8)
        self.cell(0, 8, "EU-Central Asia Civil Society Forum - Outcome document", align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", "", 8)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def pdf_bytes(lines: list[str], *, lines_per_page: int = 30) -> bytes:
    """A text PDF with a running header and page numbers; each line is drawn as one line of text."""
    pdf = _Report(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=11)
    for index, line in enumerate(lines):
        if index % lines_per_page == 0:
            pdf.add_page()
            pdf.set_font("helvetica", size=11)
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def blank_pdf() -> bytes:
    """A PDF with a page but no text: what a scan without OCR looks like to a text extractor."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf(lines: list[str]) -> bytes:
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(lines))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


SIMPLE_LINES = [
    "Outcome of the forum",
    "Session 1: Clean air",
    "The session discussed air quality in cities.",
    "Main discussion points",
    "- Coal heating pollutes the air in winter.",
    "- Citizens measure air quality with low-cost sensors.",
    "Main recommendations",
    "- Publish air quality data in real time.",
    "- Support the switch to clean heating in",
]
SIMPLE_LINES_PAGE_2 = [
    "poor households.",
    "Session 2: Water",
    "Main recommendations",
    "- Repair irrigation canals.",
    "Conclusions",
    "The forum will review progress next year.",
]
