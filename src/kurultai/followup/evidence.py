"""Checks on uploaded evidence: type by content (not by name alone), size, and a name fit to show as its title."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from kurultai.core.limits import check_text

MAX_BYTES = 10 * 1024 * 1024
OFFICE_ZIP = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}
OFFICE_OLE = {".doc": "application/msword", ".xls": "application/vnd.ms-excel"}


def check_file(upload: UploadedFile) -> str:
    """The file's content type, or a ValidationError saying why it is refused."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Evidence files may be at most 10 MB."), code="too_large")
    from kurultai.followup.models import Evidence

    # The name becomes the evidence's title, so it must fit that column on every database.
    check_text(upload.name or "", Evidence._meta.get_field("title").max_length, what=_("The file name"))
    head = upload.read(8)
    upload.seek(0)
    suffix = PurePath(upload.name or "").suffix.lower()
    if head.startswith(b"%PDF"):
        return "application/pdf"
    if head.startswith(b"\x89PNG"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04") and suffix in OFFICE_ZIP:
        return OFFICE_ZIP[suffix]
    if head.startswith(b"\xd0\xcf\x11\xe0") and suffix in OFFICE_OLE:
        return OFFICE_OLE[suffix]
    raise ValidationError(
        _("Evidence must be a PDF, an image (PNG, JPEG) or an office document (DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS)."),
        code="bad_type",
    )
