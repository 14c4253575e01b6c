"""Names for uploaded files: generated, never the uploader's, with the extension of the checked type.

A file checked as a PDF is stored as ``<random>.pdf`` whatever it was called, so a file named
``x.html`` or ``x.svg`` never lands on disk (or object storage) under a name a web server would
serve as a page or a script. Use ``GeneratedName("folder")`` as a FileField's ``upload_to``; the model
must set ``content_type`` (from the content check) before saving.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.deconstruct import deconstructible

EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "text/csv": ".csv",
    "application/zip": ".zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
}
UNKNOWN = ".bin"


def extension_for(content_type: str) -> str:
    """The extension files of this (checked) type are stored under; ``.bin`` for anything else."""
    return EXTENSIONS.get((content_type or "").split(";")[0].strip().lower(), UNKNOWN)


def generated_basename(content_type: str) -> str:
    """``<32 random hex digits><extension of content_type>``."""
    return f"{uuid.uuid4().hex}{extension_for(content_type)}"


def generated_name(folder: str, content_type: str) -> str:
    """``folder/<32 random hex digits><extension of content_type>``."""
    return f"{folder.strip('/')}/{generated_basename(content_type)}"


@deconstructible
class GeneratedName:
    """``upload_to`` that ignores the uploaded name (see the module docstring)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance: Any, filename: str) -> str:
        return generated_name(self.folder, getattr(instance, "content_type", ""))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GeneratedName) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)
