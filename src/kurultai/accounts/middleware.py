"""Duties of signed-in people: accept the current terms; staff and editors set up a second factor."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kurultai.accounts.legal import documents_in_force
from kurultai.accounts.roles import needs_second_factor

# Pages a person must reach to fulfil a duty: the consent page, the documents it asks about, and
# allauth's own views (sign-in, sign-out, two-factor set-up, re-authentication).
EXEMPT_URL_NAMES = frozenset({"accounts:consent", "accounts:legal", "set_language"})
EXEMPT_APP_PREFIX = "allauth."
CACHE_KEY = "kurultai:legal-in-force"
MEMO_SECONDS = 30


_in_force: tuple[float, tuple[int, ...]] = (0.0, ())


def _documents_in_force_ids() -> tuple[int, ...]:
    """Ids of the documents in force, asked of the shared cache at most once a minute per process.

    New versions come into force at a publication time, not at a write, so a minute's delay is all
    anyone could notice; without the process memo every signed-in request would pay a cache round trip.
    """
    global _in_force
    now = time.monotonic()
    if now - _in_force[0] < MEMO_SECONDS:
        return _in_force[1]
    ids = cache.get(CACHE_KEY)
    if ids is None:
        ids = tuple(sorted(d.pk for d in documents_in_force()))
        cache.set(CACHE_KEY, ids, 60)
    _in_force = (now, ids)
    return ids


def forget_documents_in_force(shared: bool = True, **_kwargs) -> None:
    """Drop the memo (and the shared copy unless ``shared`` is False): a document saved now applies here at once."""
    global _in_force
    _in_force = (0.0, ())
    if shared:
        cache.delete(CACHE_KEY)


def is_exempt(path: str) -> bool:
    """Whether ``path`` stays reachable before the duties are done; matched by URL name, never by substring."""
    if path.startswith(tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p and p != "/")):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if "admin" in match.namespaces:
        return False
    if match.view_name in EXEMPT_URL_NAMES:
        return True
    view = getattr(match.func, "view_class", match.func)
    return getattr(view, "__module__", "").startswith(EXEMPT_APP_PREFIX)


class AccountDutiesMiddleware:
    """Send a signed-in person to the consent page or to two-factor set-up before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not is_exempt(request.path_info):
            response = self._duty(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _duty(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        in_force = _documents_in_force_ids()
        if request.session.get("kurultai_consented") != list(in_force):
            accepted = set(user.consents.values_list("document_id", flat=True))
            if not set(in_force) <= accepted:
                return redirect(f"{reverse('accounts:consent')}?{urlencode({'next': request.get_full_path()})}")
            request.session["kurultai_consented"] = list(in_force)
        if not request.session.get("kurultai_mfa_ok") and needs_second_factor(user):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                messages.warning(request, _("Your role requires two-factor authentication. Set it up to continue."))
                return redirect("mfa_activate_totp")
            request.session["kurultai_mfa_ok"] = True
        return None
