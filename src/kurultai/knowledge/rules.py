"""Who may do what in the knowledge hub: contributors (every member), reviewers and publishers (hub roles granted
by editors), object-level rules for practices and demonstration sites."""

from __future__ import annotations

import rules

from kurultai.accounts.roles import is_editor, is_member
from kurultai.organisations.rules import is_representative, represents_some_organisation

REVIEWER, PUBLISHER = "reviewer", "publisher"


def _roles(user) -> set[tuple[str, str]]:
    """(hub, role) pairs of a person, read once per request user."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_knowledge_roles", None)
    if cached is None:
        from kurultai.knowledge.models import HubRole

        cached = set(HubRole.objects.filter(user=user).values_list("hub", "role"))
        user._knowledge_roles = cached
    return cached


def has_hub_role(hub: str | None, role: str) -> rules.Predicate:
    """A predicate: the person holds ``role`` in ``hub`` (any hub when None); a publisher is also a reviewer;
    editors and administrators always pass."""

    def check(user) -> bool:
        if not is_member(user):
            return False
        wanted = {REVIEWER, PUBLISHER} if role == REVIEWER else {PUBLISHER}
        held = _roles(user)
        if any(r in wanted and (hub is None or h == hub) for h, r in held):
            return True
        return bool(is_editor(user))

    return rules.Predicate(check, name=f"has_hub_role:{hub}:{role}")


is_reviewer = has_hub_role(None, REVIEWER)
is_publisher = has_hub_role(None, PUBLISHER)
is_practice_reviewer = has_hub_role("practices", REVIEWER)
is_practice_publisher = has_hub_role("practices", PUBLISHER)


@rules.predicate
def contributed(user, obj) -> bool:
    """The person who contributed the practice (``obj`` is a practice or one of its versions)."""
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    practice = getattr(obj, "practice", obj)
    return practice.created_by_id == user.pk


@rules.predicate
def is_editable_version(user, version) -> bool:
    return version is not None and getattr(version, "status", None) in ("draft", "returned")


@rules.predicate
def is_under_review(user, version) -> bool:
    return version is not None and getattr(version, "status", None) in ("submitted", "reviewed")


@rules.predicate
def is_published_practice(user, practice) -> bool:
    return practice is not None and getattr(practice, "current_id", None) is not None


@rules.predicate
def is_published_site(user, site) -> bool:
    return site is not None and site.status == "published"


@rules.predicate
def proposed_site(user, site) -> bool:
    """The person who proposed the site, or another representative of its host organisation."""
    if site is None or not getattr(user, "is_authenticated", False):
        return False
    if site.created_by_id == user.pk:
        return True
    return is_representative(user, site.host)


rules.add_perm("knowledge.contribute", is_member)
rules.add_perm("knowledge.review", is_practice_reviewer)
rules.add_perm("knowledge.publish", is_practice_publisher)
rules.add_perm("knowledge.manage_roles", is_editor)
rules.add_perm("knowledge.view_practice", is_published_practice | (is_member & contributed) | is_practice_reviewer)
rules.add_perm("knowledge.view_working", (is_member & contributed) | is_practice_reviewer)
rules.add_perm(
    "knowledge.edit_practice",
    (is_member & contributed & is_editable_version) | (is_practice_reviewer & is_under_review),
)


rules.add_perm("knowledge.manage_sites", is_practice_publisher)
rules.add_perm("knowledge.propose_site", is_member & represents_some_organisation)
rules.add_perm("knowledge.view_site", is_published_site | is_practice_publisher | (is_member & proposed_site))
