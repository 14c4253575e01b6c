"""What every open-data answer shares: the licence, absolute links, error bodies and pagination."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse
from ninja import Field, Schema

from kurultai.core.text import absolute_url

LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
MAX_LIMIT = 200
MAX_ID = 2**63 - 1


def attribution() -> str:
    from django.conf import settings

    return f"{getattr(settings, 'KURULTAI_SITE_NAME', 'Kurultai')} ({settings.SITE_URL})"


def license_meta() -> dict[str, str]:
    """The licence of the content, as it appears in every API answer and open-data file."""
    return {"license": LICENSE_NAME, "license_url": LICENSE_URL, "attribution": attribution()}


def add_license_link(response: HttpResponse) -> HttpResponse:
    """``Link: <…>; rel="license"`` (RFC 8288) so that tools find the licence without reading the body."""
    response["Link"] = f'<{LICENSE_URL}>; rel="license"'
    return response


def absolute(path: str) -> str:
    return absolute_url(path)


class MetaOut(Schema):
    license: str = Field(description="Licence of the content: CC BY 4.0")
    license_url: str
    attribution: str = Field(description="How to credit the source")


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong")


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]] = Field(description="One entry per invalid query parameter")


class Paging(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10**9)


def page(items: Any, paging: Paging, convert: Any) -> dict[str, Any]:
    """One page of a queryset or list, with the total count and the licence."""
    total = items.count() if hasattr(items, "count") and not isinstance(items, Sequence) else len(items)
    window = items[paging.offset : paging.offset + paging.limit]
    return {
        "meta": license_meta(),
        "count": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "results": [convert(item) for item in window],
    }


ERRORS: dict[int, Any] = {404: ErrorOut, 422: ValidationErrorOut}
