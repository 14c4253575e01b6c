"""Turn an uploaded outcome document (Markdown, text, DOCX, PDF) into lines for the parser."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import PurePath

from django.utils.translation import gettext as _

from kurultai.forums.outcome.document import OutcomeDocument, OutcomeError
from kurultai.forums.outcome.parser import PAGE_BREAK, is_structural, parse_lines

MAX_BYTES = 10 * 1024 * 1024
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


def _docx_lines(data: bytes) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise OutcomeError(_("The DOCX file is damaged or is not a Word document.")) from exc
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


def _pdf_lines(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise OutcomeError(_("The PDF is password-protected. Remove the password and upload it again."))
        pages = [(page.extract_text() or "") for page in reader.pages]
    except OutcomeError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
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
        lines.extend(line for line in page if _DIGITS.sub("#", line.strip()) not in repeated)
    return lines


def _running_heads(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        content = [line.strip() for line in page if line.strip()]
        edges = {_DIGITS.sub("#", line) for line in content[:2] + content[-2:]}
        counts.update(edges)
    threshold = max(2, (len(pages) + 1) // 2)
    return {line for line, n in counts.items() if n >= threshold and len(line) <= 120 and not is_structural(line)}
