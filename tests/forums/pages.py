"""URLs of the organisers' workspace and the programme, for the role matrix (tests/test_permissions.py) and the
bad-input walk (tests/test_no_server_errors.py)."""

from __future__ import annotations

import io
from typing import Any

PUBLIC = "200 200 200 200 200 200 200"
EDITORS = "302L 403 403 403 200 403 200"
POST_ONLY = "302L 405 405 405 405 405 405"

EXPECTED_PAGES = {
    "forums:workspace": EDITORS,
    "forums:forum_create": EDITORS,
    "forums:series_create": EDITORS,
    "forums:series_edit": EDITORS,
    "forums:speaker_list": EDITORS,
    "forums:speaker_create": EDITORS,
    "forums:speaker_edit": EDITORS,
    "forums:speaker_photo": PUBLIC,
    "forums:forum_edit": EDITORS,
    "forums:forum_publish": POST_ONLY,
    "forums:tagging": EDITORS,
    "forums:session_create": EDITORS,
    "forums:session_edit": EDITORS,
    "forums:session_delete": POST_ONLY,
    "forums:role_add": POST_ONLY,
    "forums:role_remove": POST_ONLY,
    "forums:programme": PUBLIC,
    "forums:speakers": PUBLIC,
}


def _speaker_with_photo(world: dict[str, Any]) -> int:
    """A demo speaker of a published forum, with a photo (generated here: the demo has no photos of people)."""
    from django.core.files.base import ContentFile
    from PIL import Image

    from kurultai.forums.models import Speaker

    speaker = Speaker.objects.filter(appearances__forum__is_published=True).order_by("pk").first()
    if not speaker.photo:
        out = io.BytesIO()
        Image.new("RGB", (8, 8), (90, 120, 160)).save(out, "JPEG")
        speaker.content_type = "image/jpeg"
        speaker.photo_alt = {"en": "A blue square"}
        speaker.photo.save("photo.jpg", ContentFile(out.getvalue()))
    return speaker.pk


def _appearance(world: dict[str, Any]) -> dict[str, Any]:
    from kurultai.forums.models import Appearance

    appearance = Appearance.objects.filter(session__isnull=False).select_related("forum").order_by("pk").first()
    return {"slug": appearance.forum.slug, "pk": appearance.pk}


def _series(world: dict[str, Any]) -> str:
    return world["forum"].series.slug


SAMPLES = {
    "forums:series_edit": lambda w: [{"slug": _series(w)}],
    "forums:speaker_edit": lambda w: [{"pk": _speaker_with_photo(w)}],
    "forums:speaker_photo": lambda w: [{"pk": _speaker_with_photo(w)}],
    "forums:forum_edit": lambda w: [{"slug": w["forum"].slug}],
    "forums:forum_publish": lambda w: [{"slug": w["forum"].slug}],
    "forums:tagging": lambda w: [{"slug": w["forum"].slug}],
    "forums:session_create": lambda w: [{"slug": w["forum"].slug}],
    "forums:session_edit": lambda w: [{"slug": w["forum"].slug, "number": w["session"].number}],
    "forums:session_delete": lambda w: [{"slug": w["forum"].slug, "number": w["session"].number}],
    "forums:role_add": lambda w: [{"slug": w["forum"].slug, "number": w["session"].number}],
    "forums:role_remove": lambda w: [_appearance(w)],
    "forums:programme": lambda w: [{"slug": w["forum"].slug}, {"slug": "2026-kyrgyzstan"}],
    "forums:speakers": lambda w: [{"slug": w["forum"].slug}, {"slug": "2026-kyrgyzstan"}],
}
