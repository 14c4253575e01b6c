"""Checks on uploaded publication PDFs and interview audio, by content and size, and what is read from them:
page count, a first-page thumbnail, the text for search, an audio file's duration and bit rate."""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 2000
MAX_TEXT_CHARS = 400_000
THUMBNAIL_WIDTH = 240

MAX_AUDIO_BYTES = 100 * 1024 * 1024
MAX_AUDIO_SECONDS = 3 * 60 * 60
MAX_AUDIO_KBPS = 128
AUDIO_TYPES = {
    "MP3": "audio/mpeg",
    "OggOpus": "audio/ogg",
    "OggVorbis": "audio/ogg",
    "MP4": "audio/mp4",
}


@dataclass
class CheckedPdf:
    content_type: str
    size: int
    pages: int


def _limits() -> contextlib.AbstractContextManager:
    import pypdf

    streams = 64 * 1024 * 1024
    if hasattr(pypdf, "apply_configuration"):
        return pypdf.apply_configuration(
            maximum_declared_stream_length=streams,
            zlib_maximum_output_length=streams,
            lzw_maximum_output_length=streams,
            page_tree_maximum_entries=MAX_PDF_PAGES * 4,
        )
    return contextlib.nullcontext()  # pragma: no cover


def _read(upload: UploadedFile) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def check_pdf(upload: UploadedFile) -> CheckedPdf:
    """A PDF by its content (not its name), at most ``MAX_PDF_BYTES``, readable, not password-protected."""
    if upload.size is None or upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)d MB.") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}, code="too_large"
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    data = _read(upload)
    if not data.startswith(b"%PDF"):
        raise ValidationError(_("The file is not a PDF."), code="bad_type")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with _limits():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise ValidationError(
                    _("The PDF is password-protected. Remove the password and upload it again."), code="encrypted"
                )
            pages = len(reader.pages)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise ValidationError(_("The PDF file is damaged and cannot be read."), code="damaged") from exc
    if pages < 1 or pages > MAX_PDF_PAGES:
        raise ValidationError(_("The PDF has no pages or too many pages."), code="pages")
    return CheckedPdf(content_type="application/pdf", size=len(data), pages=pages)


def pdf_text(data: bytes) -> str:
    """The PDF's text for the search index (at most ``MAX_TEXT_CHARS``); '' when it cannot be read."""
    from pypdf import PdfReader

    parts: list[str] = []
    total = 0
    try:
        with _limits():
            for page in PdfReader(io.BytesIO(data)).pages:
                text = page.extract_text() or ""
                parts.append(text)
                total += len(text)
                if total > MAX_TEXT_CHARS:
                    break
    except Exception:  # a damaged page ends extraction, never the job
        logger.warning("PDF text extraction stopped early", exc_info=True)
    return " ".join(" ".join(parts).split())[:MAX_TEXT_CHARS]


def thumbnail_png(data: bytes, width: int = THUMBNAIL_WIDTH) -> bytes | None:
    """The first page as a small PNG, or None when it cannot be rendered."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - the dependency is declared
        return None
    try:
        document = pdfium.PdfDocument(data)
        try:
            page = document[0]
            scale = width / max(page.get_width(), 1)
            image = page.render(scale=min(scale, 2.0)).to_pil()
            out = io.BytesIO()
            image.convert("RGB").save(out, format="PNG", optimize=True)
            return out.getvalue()
        finally:
            document.close()
    except Exception:
        logger.warning("PDF thumbnail not rendered", exc_info=True)
        return None


@dataclass
class CheckedAudio:
    content_type: str
    size: int
    seconds: int
    kbps: int


def check_audio(upload: UploadedFile) -> CheckedAudio:
    """An MP3, Ogg (Opus, Vorbis) or M4A recording by its content, of low bit rate and bounded length and size."""
    if upload.size is None or upload.size > MAX_AUDIO_BYTES:
        raise ValidationError(
            _("The recording is larger than %(mb)d MB.") % {"mb": MAX_AUDIO_BYTES // (1024 * 1024)}, code="too_large"
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    import mutagen
    from mutagen import MutagenError

    upload.seek(0)
    try:
        found = mutagen.File(upload)
    except (MutagenError, ValueError, TypeError, OSError, EOFError, IndexError, KeyError):
        found = None
    finally:
        upload.seek(0)
    kind = type(found).__name__ if found is not None else ""
    info = getattr(found, "info", None)
    if kind not in AUDIO_TYPES or info is None or not getattr(info, "length", 0):
        raise ValidationError(_("The file is not an MP3, Ogg or M4A recording."), code="bad_type")
    seconds = round(info.length)
    if seconds > MAX_AUDIO_SECONDS:
        raise ValidationError(
            _("The recording is longer than %(hours)d hours.") % {"hours": MAX_AUDIO_SECONDS // 3600}, code="too_long"
        )
    bitrate = int(getattr(info, "bitrate", 0) or 0)
    kbps = round(bitrate / 1000) if bitrate else round(upload.size * 8 / 1000 / max(info.length, 1))
    if kbps > MAX_AUDIO_KBPS:
        raise ValidationError(
            _(
                "The recording's bit rate is %(kbps)d kbit/s; at most %(max)d kbit/s is accepted so that it plays "
                "on slow connections. Convert it to a lower bit rate and upload it again."
            )
            % {"kbps": kbps, "max": MAX_AUDIO_KBPS},
            code="bit_rate",
        )
    return CheckedAudio(content_type=AUDIO_TYPES[kind], size=upload.size, seconds=seconds, kbps=kbps)
