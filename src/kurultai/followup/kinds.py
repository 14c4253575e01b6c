"""The kinds of things the follow-up tracks, declared by the apps that own them.

A kind says how to name and link its subjects, whose official response is expected, what followers of the
subject are told about (notification topics), when the clock for "no response yet" starts, and which subjects are
public. ``followup`` declares the recommendation kind; other apps declare theirs in ``AppConfig.ready``::

    from kurultai.followup.kinds import TrackableKind, register

    register(TrackableKind(key="action", label=_("Action"), model=Action, visible=lambda qs: qs.public()))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


def _no_start(subject: Any) -> dt.date | None:
    return None


def _title(subject: Any) -> str:
    return str(subject)


def _url(subject: Any) -> str:
    return subject.get_absolute_url()


def _all(queryset: models.QuerySet) -> models.QuerySet:
    return queryset


@dataclass(frozen=True)
class TrackableKind:
    """One kind of tracked subject.

    ``addressees(subject, trackable)`` returns the ``forums.Addressee`` rows whose organisations may respond
    officially (default: the trackable's own ``addressees``); ``topics(subject)`` the notification topics besides
    ``stream=followup``; ``start(subject)`` the known day the clock for "no response" starts (or ``None``);
    ``visible(queryset)`` the subjects the public may see; ``can_manage(user, subject)`` who, besides editors,
    may name responsible actors; ``related`` the ``select_related`` paths ``title`` and ``url`` need, so feeds and
    lists name many subjects in one query.
    """

    key: str
    label: Any
    model: type[models.Model]
    title: Callable[[Any], str] = _title
    url: Callable[[Any], str] = _url
    addressees: Callable[[Any, Any], models.QuerySet] | None = None
    topics: Callable[[Any], dict[str, list[Any]]] | None = None
    start: Callable[[Any], dt.date | None] = _no_start
    visible: Callable[[models.QuerySet], models.QuerySet] = _all
    can_manage: Callable[[Any, Any], bool] | None = None
    related: tuple[str, ...] = ()

    def public(self) -> models.QuerySet:
        """The public subjects of this kind, with what naming and linking them needs."""
        queryset = self.visible(self.model._default_manager.all())
        return queryset.select_related(*self.related) if self.related else queryset

    def subjects(self, ids: list[int]) -> dict[int, Any]:
        """The public subjects among ``ids`` by id, in one query."""
        return self.public().in_bulk(list(set(ids))) if ids else {}


_kinds: dict[str, TrackableKind] = {}


def register(kind: TrackableKind) -> TrackableKind:
    _kinds[kind.key] = kind
    return kind


def get(key: str) -> TrackableKind:
    return _kinds[key]


def all_kinds() -> list[TrackableKind]:
    return list(_kinds.values())


def for_model(model: type[models.Model]) -> TrackableKind | None:
    for kind in _kinds.values():
        if kind.model is model or kind.model._meta.concrete_model is model._meta.concrete_model:
            return kind
    return None


def choices() -> list[tuple[str, Any]]:
    return [(kind.key, kind.label) for kind in _kinds.values()]
