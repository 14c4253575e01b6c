"""Serve evidence files through the storage API, so they work on local disk and on object storage alike."""

from __future__ import annotations

import uuid

from django.core.files.storage import default_storage
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kurultai.core.uploads import extension_for
from kurultai.followup.models import Evidence
from kurultai.forums.models import Recommendation

INLINE_TYPES = ("application/pdf", "image/png", "image/jpeg")


def visible_evidence_files() -> QuerySet[Evidence]:
    """Files of evidence shown on public pages: the recommendation's forum must be published."""
    published = Recommendation.objects.published().values("pk")
    return Evidence.objects.exclude(file="").filter(
        Q(update__recommendation__in=published) | Q(assessment__recommendation__in=published)
    )


def evidence_file(request: HttpRequest, token: uuid.UUID) -> FileResponse:
    """An evidence file, found by its random token, only where its recommendation can be seen."""
    evidence = get_object_or_404(visible_evidence_files(), token=token)
    if not default_storage.exists(evidence.file.name):
        raise Http404
    content_type = evidence.content_type or "application/octet-stream"
    response = FileResponse(
        default_storage.open(evidence.file.name, "rb"),
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=f"evidence-{evidence.token.hex[:8]}{extension_for(content_type)}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
