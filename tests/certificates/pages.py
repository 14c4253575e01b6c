"""The certificates URLs for the every-URL walk. The sample is a demo person's certificate of the 2025 forum:
anyone may check it; only its holder (or an editor) downloads it; only its holder (or an administrator) changes
the name on it."""

from __future__ import annotations

from typing import Any

PUBLIC = "200 200 200 200 200 200 200"

EXPECTED_PAGES = {
    "certificates:lookup": PUBLIC,
    "certificates:verify": PUBLIC,
    "certificates:mine": "302L 200 200 200 200 200 200",
    "certificates:pdf": "302L 403 403 403 200 403 200",
    "certificates:rename": "302L 403 403 403 403 403 200",  # the holder (administrators may correct it)
    "api-1:get_certificate": PUBLIC,
}


def _code(world: dict[str, Any]) -> dict[str, str]:
    from kurultai.certificates.models import Certificate

    code = Certificate.objects.filter(holder__email="aigerim@demo.kurultai.example").order_by("pk")[0].code
    return {"code": code}


SAMPLES = {
    "certificates:verify": lambda w: [_code(w)],
    "certificates:pdf": lambda w: [_code(w)],
    "certificates:rename": lambda w: [_code(w)],
    "api-1:get_certificate": lambda w: [_code(w)],
}
