"""Personal parts of a page (holes), so the rest of it can be one copy shared by everyone with the same roles.

A follow button, a registration box, a "join online" link or the follow-up links a focal point may use differ
from one signed-in person to the next; the forum, its sessions and recommendations around them do not. A
personal part is a function ``(request, *args) -> safe HTML`` registered here under a name, and shown with
``{% personal "name" arg … %}`` (or through a tag that calls :func:`hole`, like ``{% follow_button %}``).

Normally a hole is rendered in place. While :mod:`kurultai.core.sharedpages` makes a shared copy of a page,
each hole is rendered for the person asking *and* recorded: the copy keeps a marker where it goes and its
name and arguments (records as model label and primary key, text as text). Serving the copy to someone else
renders only the holes, for them, and puts them in. No library does this for Django templates (the nearest,
edge-side includes, needs a proxy in front), hence this module.
"""

from __future__ import annotations

import re
import secrets
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db import models
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import engines
from django.template.loader import get_template
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

RENDERERS: dict[str, Callable[..., str]] = {}
# Every marker starts so; fragments (shared by everyone) refuse to store HTML holding one.
MARKER_PREFIX = "<!--kurultai-hole:"
_RECORDER = "_kurultai_holes"


class NotShareable(Exception):
    """A hole's arguments cannot be written down (the page is then rendered for each person)."""


def personal(name: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register a personal part under ``name`` (a decorator)."""

    def register(function: Callable[..., str]) -> Callable[..., str]:
        RENDERERS[name] = function
        return function

    return register


def render_part(template_name: str, context: dict[str, Any], request: HttpRequest | None) -> SafeString:
    """A personal part's template with the person, the request and their CSRF token (no context processors)."""
    personal_context = {"request": request, "user": getattr(request, "user", None)}
    if request is not None:
        personal_context["csrf_token"] = SimpleLazyObject(lambda: get_token(request))  # set only if a form asks
    context = {**personal_context, **context}
    return mark_safe(get_template(template_name).render(context))


def hole(request: HttpRequest | None, name: str, *args: Any) -> SafeString:
    """The personal part ``name``, rendered for ``request``; a marker in its place while a shared copy is made."""
    recorder: Recorder | None = getattr(request, _RECORDER, None)
    if recorder is None:
        return mark_safe(RENDERERS[name](request, *args))
    stop_recording(request)  # a part inside this part is rendered with it, in place
    try:
        html = mark_safe(RENDERERS[name](request, *args))
    finally:
        setattr(request, _RECORDER, recorder)
    return recorder.mark(name, args, html)


def _encode(value: Any) -> tuple:
    if isinstance(value, models.Model) and value.pk is not None:
        return ("m", value._meta.label_lower, value.pk)
    if isinstance(value, str | Promise):
        return ("s", str(value))
    if value is None or isinstance(value, bool | int):
        return ("v", value)
    raise NotShareable(f"{type(value).__name__} cannot be kept with a shared page")


class Recorder:
    """What a page's holes were while it was rendered: their markers, names, arguments and this person's HTML."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.holes: list[tuple[str, tuple]] = []
        self.rendered: list[str] = []
        self.shareable = True

    def mark(self, name: str, args: tuple, html: str) -> SafeString:
        try:
            encoded = tuple(_encode(arg) for arg in args)
        except NotShareable:
            self.shareable = False
            return mark_safe(html)
        self.holes.append((name, encoded))
        self.rendered.append(html)
        return mark_safe(f"{MARKER_PREFIX}{self.nonce}:{len(self.holes) - 1}-->")

    def put_back(self, page: str) -> str:
        """The page as this person sees it: every marker replaced by what was rendered for them."""
        return _substitute(page, self.nonce, self.rendered)


def record(request: HttpRequest) -> Recorder:
    """Start recording the holes of the page being rendered for ``request``."""
    recorder = Recorder()
    setattr(request, _RECORDER, recorder)
    return recorder


def stop_recording(request: HttpRequest) -> None:
    if hasattr(request, _RECORDER):
        delattr(request, _RECORDER)


def _substitute(page: str, nonce: str, parts: list[str]) -> str:
    pattern = re.compile(re.escape(f"{MARKER_PREFIX}{nonce}:") + r"(\d+)-->")
    return pattern.sub(lambda match: parts[int(match.group(1))], page)


class Missing(Exception):
    """A record a hole is about is gone: the page has to be rendered afresh."""


def fill(request: HttpRequest, page: str, nonce: str, holes: list[tuple[str, tuple]]) -> str:
    """A shared copy with every hole rendered for ``request`` (records fetched in one query per model)."""
    if any(name not in RENDERERS for name, _args in holes):
        engines.all()  # parts registered by template tag libraries, which the template engine imports
    wanted: dict[str, set[Any]] = defaultdict(set)
    for _name, args in holes:
        for kind, *value in args:
            if kind == "m":
                wanted[value[0]].add(value[1])
    found = {label: apps.get_model(label)._default_manager.in_bulk(pks) for label, pks in wanted.items()}

    def decode(arg: tuple) -> Any:
        kind, *value = arg
        if kind != "m":
            return value[0]
        try:
            return found[value[0]][value[1]]
        except KeyError:
            raise Missing(value) from None

    parts = [RENDERERS[name](request, *(decode(arg) for arg in args)) for name, args in holes]
    return _substitute(page, nonce, parts)
