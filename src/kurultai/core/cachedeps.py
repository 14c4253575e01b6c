"""Which writes a cached page depends on: page groups, declared per URL name.

A page that is not declared here belongs to the group ``site``, which every write to a public model
bumps: nothing can show stale, and new modules are covered without declaring anything. A declared page
names a group that is narrower in one or both of two ways:

* ``apps``: only writes to models of these apps change it (the directory does not change when a
  recommendation does);
* ``objects``: the page is about one record, named by a URL argument (a recommendation, a forum). Writes
  to that model, and to any model that points to it through foreign keys (progress updates, responses,
  sessions …), bump only that record's version — not the group — so they leave the pages of other
  records cached. Writes to every other model still bump the group. With ``apps`` too, the page reads the
  record's versions of those apps only: a registration reaches its forum, but a group without
  ``participation`` (the programme) stays cached.

``tests/core/test_cache_dependencies.py`` renders each declared page and checks that every table it reads
is covered by its group, so a template that starts showing something new cannot go stale unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps


@dataclass(frozen=True)
class Group:
    name: str
    # (model label, field the record is identified by, URL argument holding its value)
    objects: tuple[tuple[str, str, str], ...] = ()
    # None: every public app
    apps: tuple[str, ...] | None = None


# What forums' and follow-up pages show: a registration, an opportunity or a consultation changes none of them.
_FOLLOW_UP = ("forums", "followup", "core", "accounts", "organisations")

GROUPS: tuple[Group, ...] = (
    Group("site"),
    Group(
        "recommendation",
        objects=(("forums.recommendation", "pk", "pk"),),
        apps=(*_FOLLOW_UP, "transparency", "workinggroups"),
    ),
    Group("forum", objects=(("forums.forum", "slug", "slug"),), apps=(*_FOLLOW_UP, "participation")),
    # A forum's sessions, programme and speakers: registrations (which change seats) leave them alone.
    Group("forum-outline", objects=(("forums.forum", "slug", "slug"),), apps=_FOLLOW_UP),
    Group("recommendations", apps=_FOLLOW_UP),
    Group("directory", apps=("organisations", "core", "accounts")),
)

# URL name → group. Pages not named here are in "site".
PAGES: dict[str, str] = {
    "forums:recommendation_detail": "recommendation",
    "forums:recommendation_list": "recommendations",
    "forums:forum_detail": "forum",
    "forums:session_detail": "forum-outline",
    "forums:programme": "forum-outline",
    "forums:speakers": "forum-outline",
    "participation:call": "forum",
    "organisations:directory": "directory",
}

_BY_NAME = {group.name: group for group in GROUPS}


def all_groups() -> tuple[str, ...]:
    return tuple(_BY_NAME)


def group_for(url_name: str | None) -> Group:
    return _BY_NAME[PAGES.get(url_name or "", "site")]


@cache
def object_models() -> dict[str, tuple[str, ...]]:
    """Model label → fields records of it are identified by in page keys."""
    found: dict[str, set[str]] = {}
    for group in GROUPS:
        for label, field, _kwarg in group.objects:
            found.setdefault(label, set()).add(field)
    return {label: tuple(sorted(fields)) for label, fields in found.items()}


@cache
def groups_showing(label: str) -> tuple[str, ...]:
    """The groups whose version a write to the model ``label`` bumps."""
    from kurultai.core.cacheversions import fk_paths

    app_label = label.split(".")[0]
    reaches = {target for _chain, target in fk_paths(label)}
    names = []
    for group in GROUPS:
        if group.apps is not None and app_label not in group.apps:
            continue
        covered = False
        for obj_label, field, _kwarg in group.objects:
            # Records identified by primary key never change identity: their own version suffices.
            if obj_label in reaches or (obj_label == label and field == "pk"):
                covered = True
        if not covered:
            names.append(group.name)
    return tuple(names)


def version_names(url_name: str | None, kwargs: dict) -> list[str]:
    """Names of the versions the page ``url_name`` with URL arguments ``kwargs`` is cached under."""
    from kurultai.core.cacheversions import by_app, group_key, object_key

    group = group_for(url_name)
    names = [group_key(group.name)]
    for label, field, kwarg in group.objects:
        if kwarg in kwargs:
            key = object_key(label, field, kwargs[kwarg])
            # Only writes from the group's apps count, also when they reach the record (versions per app).
            names.extend([by_app(key, app) for app in group.apps] if group.apps is not None else [key])
    return names


def models_in_scope(group_name: str) -> set[str]:
    """Labels of the public models whose writes a page of this group sees (for the coverage test)."""
    from kurultai.core.cacheversions import fk_paths, is_public, model_label

    group = _BY_NAME[group_name]
    labels = set()
    for model in apps.get_models(include_auto_created=True):
        label = model_label(model)
        if not is_public(model) and not model._meta.auto_created:
            continue
        subjects = {obj_label for obj_label, _field, _kwarg in group.objects}
        bumps_group = group.name in groups_showing(label)
        reaches = label in subjects or any(target in subjects for _chain, target in fk_paths(label))
        bumps_subject = reaches and (group.apps is None or model._meta.app_label in group.apps)
        if bumps_group or bumps_subject:
            labels.add(label)
    return labels
