"""Going back to where a form was sent from, safely."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request: HttpRequest) -> str:
    """The ``next`` path of the request when it is a path on this site; "" for anything else."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target.startswith("/") or target.startswith("//") or "\x00" in target:
        return ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return ""
    return target


def redirect_to_next(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Back to ``next`` when it is on this site, else to ``fallback`` (a path or a URL name); never a crash."""
    return HttpResponseRedirect(next_path(request) or resolve_url(fallback))
