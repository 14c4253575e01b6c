"""What visitors get while the database cannot be reached: 503 with Retry-After instead of a bare 500.

Django turns every uncaught exception into a call of ``handler500`` (``kurultai.core.views.server_error``),
which tells database outages apart and answers them with this short page in the visitor's language,
rendered without touching the database. Writes run in transactions, so a request that fails this way
saved nothing, and the page says so. Cached public pages are still served meanwhile (``pagecache``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

# Errors that mean "the database is unreachable or restarting", as opposed to a bug in a query.
DATABASE_DOWN: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
RETRY_AFTER = 10


def is_database_down(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what caused it) is a lost or refused database connection."""
    while exc is not None:
        if isinstance(exc, DATABASE_DOWN):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 page: translated from the path or the browser's languages, no database access."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )
    with translation.override(language):
        html = render_to_string(
            "core/unavailable.html",
            {
                "language": language,
                "site_name": settings.SITE_NAME,
                "retry_after": RETRY_AFTER,
                "was_sending": request.method not in ("GET", "HEAD", "OPTIONS"),
                "path": request.get_full_path(),
            },
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response
