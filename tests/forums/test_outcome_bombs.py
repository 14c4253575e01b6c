"""Crafted outcome files are refused with a reason before they can take a worker's memory or time."""

import io
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from kurultai.forums.outcome.document import OutcomeError
from kurultai.forums.outcome.readers import parse_document, read_document
from tests.forums.outcome_files import SIMPLE_LINES, _Report, docx_bytes, pdf_bytes

TOO_BIG = "expands to far more content"


def _replace_parts(docx: bytes, parts: dict[str, bytes]) -> bytes:
    """The same DOCX package with some parts replaced or added, compressed as Word does."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info.filename))
        for name, data in parts.items():
            target.writestr(name, data)
    return buffer.getvalue()


def _document_xml(body: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + b"</w:body></w:document>"
    )


def test_a_docx_that_expands_to_tens_of_megabytes_of_xml_is_refused():
    paragraph = b"<w:p><w:r><w:t>Water is life.</w:t></w:r></w:p>"
    bomb = _replace_parts(docx_bytes([("Normal", "x")]), {"word/document.xml": _document_xml(paragraph * 900_000)})
    assert len(bomb) < 1024 * 1024  # small on the wire
    with pytest.raises(OutcomeError, match=TOO_BIG):
        read_document("report.docx", bomb)


def test_a_docx_part_made_to_expand_is_refused():
    bomb = _replace_parts(docx_bytes([("Normal", "x")]), {"word/media/image1.png": b"\0" * (30 * 1024 * 1024)})
    with pytest.raises(OutcomeError, match=TOO_BIG):
        read_document("report.docx", bomb)


def test_malformed_xml_inside_a_docx_is_refused_with_a_reason():
    broken = _replace_parts(docx_bytes([("Normal", "x")]), {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(OutcomeError, match="damaged"):
        read_document("report.docx", broken)


def _pdf_with_page_contents(contents: list[bytes]) -> bytes:
    """A text PDF whose pages draw ``contents`` (raw PDF drawing instructions), Flate-compressed."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(SIMPLE_LINES))))
    template = writer.pages[0]
    for index, raw in enumerate(contents):
        page = template if index == 0 else writer.add_page(template)
        stream = DecodedStreamObject()
        stream.set_data(raw)
        page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


LINE = b"BT 31.18 766.31 Td (Water is life, and the rivers are shared.) Tj ET\n"
FONT = b"BT /F1 11.00 Tf ET\n"


def test_a_pdf_with_a_compressed_stream_bomb_is_refused():
    bomb = _pdf_with_page_contents([FONT + LINE * 800_000])  # ~55 MB of drawing instructions
    assert len(bomb) < 400 * 1024
    with pytest.raises(OutcomeError, match=TOO_BIG):
        read_document("report.pdf", bomb)


def test_many_pages_of_heavy_drawing_instructions_are_refused():
    heavy_page = FONT + LINE * 12_000  # under the per-stream limit, ~30 s of text extraction over all pages
    bomb = _pdf_with_page_contents([heavy_page] * 200)
    with pytest.raises(OutcomeError, match=TOO_BIG):
        read_document("report.pdf", bomb)


def test_a_pdf_with_too_many_pages_is_refused():
    writer = PdfWriter()
    for _ in range(301):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(OutcomeError, match="more than 300 pages"):
        read_document("report.pdf", buffer.getvalue())


def _pdf_pages(pages: list[list[str]]) -> bytes:
    """A report with a running header and page numbers; each inner list is one page."""
    pdf = _Report(format="A4")
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize("heading", ["Session {n}", "SESSION {n}", "Session {n}:"])
def test_session_headings_at_the_top_of_every_page_are_not_taken_for_running_headers(heading):
    topics = ["Clean air", "Water", "Youth", "Health"]
    pages = [
        [
            heading.format(n=n),
            topic,
            "Main discussion points",
            f"- People spoke about {topic.lower()} in their towns.",
            "Main recommendations",
            f"- Publish data on {topic.lower()} every year.",
        ]
        for n, topic in enumerate(topics, start=1)
    ]
    document = parse_document("report.pdf", _pdf_pages(pages))
    assert [s.number for s in document.sessions] == [1, 2, 3, 4]
    assert [s.title for s in document.sessions] == topics
    assert all(len(s.recommendations) == 1 for s in document.sessions)


def test_a_true_running_header_is_still_dropped():
    pages = [
        [f"Session {n}: Topic {n}", "Main recommendations", f"- Recommendation number {n} for all."] for n in (1, 2, 3)
    ]
    text = "\n".join(read_document("report.pdf", _pdf_pages(pages)))
    assert "EU-Central Asia Civil Society Forum - Outcome document" not in text
    assert "Page 2" not in text
