"""Turn an uploaded outcome document (Markdown, text, DOCX, PDF) into lines for the parser."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections import Counter
from pathlib import PurePath

from django.utils.translation import gettext as _

from kurultai.forums.outcome.document import OutcomeDocument, OutcomeError
from kurultai.forums.outcome.parser import PAGE_BREAK, is_structural, parse_lines

MAX_BYTES = 10 * 1024 * 1024
# Limits on the work a file may ask for, so a small crafted file cannot take a worker's memory or time:
# DOCX parts are checked in the zip directory before anything is decompressed; PDF streams are cut off
# by pypdf while decompressing.
MAX_DOCX_XML_BYTES = 10 * 1024 * 1024  # all XML parts together, uncompressed (a long report has ~2 MB)
MAX_DOCX_TOTAL_BYTES = 60 * 1024 * 1024  # every part, images included
MAX_DOCX_PARTS = 2000
MAX_COMPRESSION_RATIO = 100  # text compresses ~10×; far more means a part made to expand
MAX_PDF_PAGES = 300
MAX_PDF_STREAM_BYTES = 1024 * 1024  # one decompressed stream (a page of text is a few kilobytes)
MAX_PDF_CONTENT_BYTES = 2 * 1024 * 1024  # all pages' drawing instructions: ~400 pages of dense text
MAX_TEXT_CHARS = 2_000_000
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
SUPPORTED = ".md, .txt, .docx, .pdf"
_DIGITS = re.compile(r"\d+")


def read_document(filename: str, data: bytes) -> list[str]:
    """Lines of the document, with ``PAGE_BREAK`` between PDF pages; raises OutcomeError for bad files."""
    if not data:
        raise OutcomeError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise OutcomeError(_("The file is larger than %(size)d MB.") % {"size": MAX_BYTES // (1024 * 1024)})
    suffix = PurePath(filename or "").suffix.lower()
    if data.startswith(b"%PDF"):
        return _pdf_lines(data)
    if data.startswith(b"PK\x03\x04"):
        if suffix not in ("", ".docx"):
            raise OutcomeError(
                _("“%(name)s” is a zip archive, not a DOCX document. Supported: %(types)s.")
                % {"name": filename, "types": SUPPORTED}
            )
        return _docx_lines(data)
    if suffix in (".pdf", ".docx"):
        raise OutcomeError(
            _("“%(name)s” is not a valid %(type)s file.") % {"name": filename, "type": suffix[1:].upper()}
        )
    if suffix and suffix not in TEXT_SUFFIXES:
        raise OutcomeError(
            _("Files of type “%(type)s” cannot be imported. Supported: %(types)s.")
            % {"type": suffix, "types": SUPPORTED}
        )
    return _text_lines(data)


def parse_document(filename: str, data: bytes) -> OutcomeDocument:
    """Read and parse in one step."""
    return parse_lines(read_document(filename, data))


def _text_lines(data: bytes) -> list[str]:
    if b"\x00" in data[:4096]:
        raise OutcomeError(_("The file is not text. Supported: %(types)s.") % {"types": SUPPORTED})
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes almost any byte string
        raise OutcomeError(_("The text encoding is not recognised; save the file as UTF-8."))
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    return _join_pages([page.split("\n") for page in pages])


def _too_big() -> OutcomeError:
    return OutcomeError(
        _(
            "The file expands to far more content than an outcome document has, so it was not read. "
            "Save it again from your word processor, or split it, and upload it again."
        )
    )


def _check_docx_archive(data: bytes) -> None:
    """Refuse zip bombs from the zip directory alone, before python-docx decompresses anything."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise OutcomeError(_("The DOCX file is damaged or is not a Word document.")) from exc
    xml_bytes = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    if (
        len(parts) > MAX_DOCX_PARTS
        or xml_bytes > MAX_DOCX_XML_BYTES
        or sum(p.file_size for p in parts) > MAX_DOCX_TOTAL_BYTES
        or any(p.file_size > 1024 * 1024 and p.file_size > MAX_COMPRESSION_RATIO * p.compress_size for p in parts)
    ):
        raise _too_big()


def _docx_lines(data: bytes) -> list[str]:
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml import etree

    _check_docx_archive(data)
    try:
        return _docx_paragraph_lines(data)
    except (
        OpcError,
        PythonDocxError,
        etree.LxmlError,  # malformed XML inside the package
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        EOFError,
        NotImplementedError,  # unsupported zip compression
    ) as exc:
        raise OutcomeError(_("The DOCX file is damaged or is not a Word document.")) from exc


def _docx_paragraph_lines(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.replace("\v", " ").strip()
        if not text:
            lines.append("")
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
        if style.startswith("heading") or style in ("title", "subtitle"):
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            lines.append("#" * level + " " + text)
        elif style.startswith("list") or numbered:
            lines.append("- " + text)
        elif paragraph.runs and all(run.bold for run in paragraph.runs if run.text.strip()):
            lines.append(f"**{text}**")
        else:
            lines.append(text)
        lines.append("")
    return lines


def _pdf_limits() -> contextlib.AbstractContextManager:
    """pypdf's decompression and parsing budgets, lowered to what an outcome document needs."""
    import pypdf

    streams = MAX_PDF_STREAM_BYTES
    if hasattr(pypdf, "apply_configuration"):
        return pypdf.apply_configuration(
            maximum_declared_stream_length=streams,
            array_based_stream_maximum_output_length=streams,
            jbig2_maximum_output_length=streams,
            lzw_maximum_output_length=streams,
            run_length_maximum_output_length=streams,
            zlib_maximum_output_length=streams,
            brotli_maximum_output_length=streams,
            image_maximum_buffer_size=streams,
            stream_decoding_work_maximum_length=4 * streams,
            stream_parsing_work_maximum_count=500_000,
            xform_maximum_invocations_per_extraction=100,
            page_tree_maximum_entries=MAX_PDF_PAGES * 4,
            outline_maximum_entries=10_000,
        )
    return contextlib.nullcontext()  # pragma: no cover - older pypdf keeps its own (higher) limits


def _pdf_lines(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        with _pdf_limits():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise OutcomeError(_("The PDF is password-protected. Remove the password and upload it again."))
            if len(reader.pages) > MAX_PDF_PAGES:
                raise OutcomeError(
                    _("The PDF has more than %(pages)d pages; an outcome document is shorter. Split it and try again.")
                    % {"pages": MAX_PDF_PAGES}
                )
            # Text extraction takes time in proportion to the pages' drawing instructions: measure them all
            # first (decompressing is quick and stops at the stream limit), then extract.
            content_bytes = 0
            for page in reader.pages:
                contents = page.get_contents()
                content_bytes += len(contents.get_data()) if contents is not None else 0
                if content_bytes > MAX_PDF_CONTENT_BYTES:
                    raise _too_big()
            pages: list[str] = []
            for page in reader.pages:
                pages.append(page.extract_text() or "")
                if sum(len(p) for p in pages) > MAX_TEXT_CHARS:
                    raise _too_big()
    except OutcomeError:
        raise
    except LimitReachedError as exc:
        raise _too_big() from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise OutcomeError(_("The PDF file is damaged and cannot be read.")) from exc
    if sum(len(p.strip()) for p in pages) < 40:
        raise OutcomeError(
            _("The PDF has no text layer (it looks like a scan). Upload the original document or a text-based PDF.")
        )
    return _join_pages([page.replace("\r\n", "\n").split("\n") for page in pages])


def _join_pages(pages: list[list[str]]) -> list[str]:
    """All pages' lines with running headers and footers dropped and ``PAGE_BREAK`` between pages."""
    repeated = _running_heads(pages)
    lines: list[str] = []
    for index, page in enumerate(pages):
        if index:
            lines.append(PAGE_BREAK)
        lines.extend(line for line in page if not _is_running_head(line, repeated))
    return lines


def _running_heads(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        content = [line.strip() for line in page if line.strip()]
        # Structure is judged on the line as written: "Session 2" at the top of every page is a heading,
        # though with its digits masked it looks like a running header.
        edges = {_DIGITS.sub("#", line) for line in content[:2] + content[-2:] if not is_structural(line)}
        counts.update(edges)
    threshold = max(2, (len(pages) + 1) // 2)
    return {line for line, n in counts.items() if n >= threshold and len(line) <= 120}


def _is_running_head(line: str, repeated: set[str]) -> bool:
    text = line.strip()
    return _DIGITS.sub("#", text) in repeated and not is_structural(text)
