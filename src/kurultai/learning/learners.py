"""Who is learning: a signed-in person, or a guest known by a signed cookie (progress kept on the server under the
guest id, and moved to the account at sign-in or sign-up)."""

from __future__ import annotations

import secrets
from typing import Any

from django.http import HttpRequest, HttpResponse

COOKIE = "kurultai_learner"
SALT = "kurultai.learning.guest"
MAX_AGE = 365 * 24 * 3600


def guest_id(request: HttpRequest) -> str:
    value = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    return value if isinstance(value, str) and value.startswith("g-") and len(value) <= 40 else ""


def current(request: HttpRequest) -> Any:
    """The user, the guest id, or None for a visitor who has not started learning."""
    if request.user.is_authenticated:
        return request.user
    return guest_id(request) or getattr(request, "_new_guest", None)


def ensure(request: HttpRequest) -> Any:
    """The learner, starting a guest id for a visitor (the cookie is set by :func:`remember`)."""
    found = current(request)
    if found is None:
        found = request._new_guest = "g-" + secrets.token_hex(12)
    return found


def remember(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    new = getattr(request, "_new_guest", None)
    if new and not request.user.is_authenticated:
        response.set_signed_cookie(
            COOKIE, new, salt=SALT, max_age=MAX_AGE, httponly=True, samesite="Lax", secure=request.is_secure()
        )
    return response


def on_sign_in(sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any) -> None:
    """Keep a guest's lessons and attempts in the account they sign in or up with."""
    if request is None or user is None:
        return
    found = guest_id(request)
    if found:
        from kurultai.learning.services import merge_guest

        merge_guest(found, user)
