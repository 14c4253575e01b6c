"""Serve evidence files through the storage API, so they work on local disk and on object storage alike."""

from __future__ import annotations

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kurultai.followup.models import Evidence


def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    """A public evidence file; only files attached to evidence records are ever served."""
    evidence = get_object_or_404(Evidence.objects.exclude(file=""), pk=pk)
    if not default_storage.exists(evidence.file.name):
        raise Http404
    content_type = evidence.content_type or mimetypes.guess_type(evidence.file.name)[0] or "application/octet-stream"
    response = FileResponse(
        default_storage.open(evidence.file.name, "rb"),
        content_type=content_type,
        as_attachment=content_type not in ("application/pdf", "image/png", "image/jpeg"),
        filename=evidence.file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
