"""Files answered to organisers' "file" questions: the same checks as evidence files, in participation's words."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.followup.evidence import MAX_BYTES, check_file

BAD_TYPE = gettext_lazy(
    "A file answer must be a PDF, an image (PNG, JPEG) or an office document (DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS)."
)


def check_answer_file(upload: UploadedFile) -> str:
    """The file's content type, or a ValidationError that speaks of an answer, not of evidence."""
    try:
        return check_file(upload)
    except ValidationError as exc:
        code = getattr(exc, "code", None)
        if code == "too_large":
            raise ValidationError(
                _("A file answer may be at most %(size)d MB.") % {"size": MAX_BYTES // (1024 * 1024)}, code=code
            ) from exc
        if code == "bad_type":
            raise ValidationError(str(BAD_TYPE), code=code) from exc
        raise
