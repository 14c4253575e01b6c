"""Duties of signed-in people: accept the current terms; staff and editors set up a second factor."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kurultai.accounts.legal import documents_in_force
from kurultai.accounts.roles import needs_second_factor

EXEMPT_PARTS = ("/accounts/", "/account/consent/", "/static/", "/media/", "/i18n/")
CACHE_KEY = "kurultai:legal-in-force"


def _documents_in_force_ids() -> tuple[int, ...]:
    ids = cache.get(CACHE_KEY)
    if ids is None:
        ids = tuple(sorted(d.pk for d in documents_in_force()))
        cache.set(CACHE_KEY, ids, 60)
    return ids


class AccountDutiesMiddleware:
    """Send a signed-in person to the consent page or to two-factor set-up before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not any(part in request.path for part in EXEMPT_PARTS):
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
        if needs_second_factor(user) and not request.session.get("kurultai_mfa_ok"):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                messages.warning(request, _("Your role requires two-factor authentication. Set it up to continue."))
                return redirect("mfa_activate_totp")
            request.session["kurultai_mfa_ok"] = True
        return None
