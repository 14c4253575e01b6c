"""Every URL of the site, read from the URL configuration, with sample arguments taken from the demo.

Used by the role matrix (tests/test_permissions.py) and the bad-input walk (tests/test_no_server_errors.py).
A URL added without a sample here makes both fail, so each new module declares its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Namespaces served by libraries, checked elsewhere (the admin by tests/test_permissions.py's admin check).
SKIPPED_NAMESPACES = {"admin"}

ROLES = ["visitor", "member", "representative", "organisation_admin", "editor", "moderator", "administrator"]


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str  # the pattern as written, for messages
    pattern: URLPattern


def routes() -> list[Route]:
    """Every named URL pattern outside the skipped namespaces."""

    def walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[Route]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                if inner in SKIPPED_NAMESPACES:
                    continue
                full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
            elif pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield Route(name, prefix + str(pattern.pattern), pattern)

    seen: dict[str, Route] = {}
    for route in walk(get_resolver().url_patterns, "", None):
        seen.setdefault(route.name, route)
    return list(seen.values())


def build_world() -> dict[str, Any]:
    """Role users and sample records on top of the demo (which must be loaded)."""
    from kurultai.accounts.models import DataExport
    from kurultai.followup.models import Evidence, ProgressUpdate
    from kurultai.forums.models import Forum, Recommendation
    from kurultai.organisations.models import Membership, Network, Organisation, PartnerRequest
    from tests.factories import UserFactory

    home = Organisation.objects.get(slug="green-steppe")
    users: dict[str, Any] = {"visitor": None}
    users["member"] = UserFactory()
    users["representative"] = UserFactory()
    Membership.objects.create(user=users["representative"], organisation=home, status="approved")
    users["organisation_admin"] = UserFactory()
    Membership.objects.create(user=users["organisation_admin"], organisation=home, status="approved", role="admin")
    users["editor"] = UserFactory(role="editor")
    users["moderator"] = UserFactory(role="moderator")
    users["administrator"] = UserFactory(role="admin")
    forum = Forum.objects.get(slug="2021-almaty")
    rec = Recommendation.objects.get(forum=forum, session__number=4, position=2)
    session = forum.sessions.order_by("number").first()
    if session.starts_at is None:  # a session with a time, so that its calendar entry exists
        session.starts_at = dt.datetime(2021, 10, 6, 10, tzinfo=dt.UTC)
        session.ends_at = session.starts_at + dt.timedelta(hours=2)
        session.save(update_fields=["starts_at", "ends_at"])
    update = ProgressUpdate.objects.filter(recommendation=rec).first()
    evidence = Evidence.objects.create(update=update, title="Report", content_type="application/pdf")
    evidence.file.save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    export = DataExport.objects.create(user=users["member"], status=DataExport.Status.READY)
    export.archive.save("export.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    return {
        "users": users,
        "forum": forum,
        "session": session,
        "recommendation": rec,
        "organisation": home,
        "network": Network.objects.order_by("slug").first(),
        "partner_request": PartnerRequest.objects.filter(organisation=home, status="open").order_by("pk").first(),
        "evidence": evidence,
        "export": export,
    }


def _subscription(world: dict[str, Any]) -> int:
    from kurultai.notifications.models import Subscription

    found = Subscription.objects.filter(user=world["users"]["member"]).first()
    if found is None:
        from kurultai.notifications import services

        found = services.subscribe(user=world["users"]["member"], terms={"theme": ["climate-change"]})
    return found.pk


def _telegram_post(world: dict[str, Any]) -> int:
    from kurultai.notifications.telegram.models import ChannelPost

    post = ChannelPost.objects.first()
    return post.pk if post else 1


def _opportunity(world: dict[str, Any]) -> int:
    from kurultai.opportunities.models import Opportunity

    return Opportunity.objects.get(source_id="demo:water-tj").pk


def _consortium(world: dict[str, Any]) -> int:
    from kurultai.opportunities.models import Consortium

    return Consortium.objects.get(opportunity__source_id="demo:water-tj").pk


def _consortium_file(world: dict[str, Any]) -> int:
    from kurultai.opportunities.models import Consortium, ConsortiumFile

    consortium = Consortium.objects.get(opportunity__source_id="demo:water-tj")
    stored = ConsortiumFile.objects.filter(consortium=consortium).first()
    if stored is None:
        stored = ConsortiumFile(consortium=consortium, title="Budget", content_type="application/pdf")
        stored.file.save("budget.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return stored.pk


def _partner_talk(world: dict[str, Any]) -> int:
    from kurultai.organisations.models import PartnerInterest

    return PartnerInterest.objects.get(request__opportunity_link__opportunity__source_id="demo:water-tj").pk


def _project(world: dict[str, Any]) -> int:
    from kurultai.transparency.models import Activity

    return Activity.objects.order_by("pk").values_list("pk", flat=True).first()


def _note_evidence(world: dict[str, Any]) -> int:
    from kurultai.transparency.models import MonitoringNote, NoteEvidence

    note = MonitoringNote.objects.order_by("pk").first()
    evidence = NoteEvidence.objects.filter(note=note).exclude(file="").first()
    if evidence is None:
        evidence = NoteEvidence.objects.create(note=note, title="Photo", content_type="image/png")
        evidence.file.save("photo.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    return evidence.pk


def _note(world: dict[str, Any]) -> int:
    from kurultai.transparency.models import MonitoringNote

    return MonitoringNote.objects.order_by("pk").values_list("pk", flat=True).first()


def _project_link(world: dict[str, Any]) -> int:
    from kurultai.transparency.models import RecommendationLink

    return RecommendationLink.objects.order_by("pk").values_list("pk", flat=True).first()


# URL name → sample keyword arguments (one dict per variant; several variants when rules differ by argument).
SAMPLES: dict[str, Callable[[dict[str, Any]], list[dict[str, Any]]]] = {
    "followup:evidence": lambda w: [{"token": w["evidence"].token}],
    "followup:open_data": lambda w: [{"fmt": "json"}, {"fmt": "csv"}, {"fmt": "history.csv"}],
    "followup:add": lambda w: [
        {"pk": w["recommendation"].pk, "kind": kind} for kind in ("respond", "update", "assess", "actor")
    ],
    "forums:programme_calendar": lambda w: [{"slug": w["forum"].slug}],
    "forums:session_calendar": lambda w: [{"slug": w["forum"].slug, "number": w["session"].number}],
    "forums:forum_detail": lambda w: [{"slug": w["forum"].slug}],
    "forums:session_detail": lambda w: [{"slug": w["forum"].slug, "number": w["session"].number}],
    "forums:outcome_import": lambda w: [{"slug": w["forum"].slug}],
    "forums:outcome_export": lambda w: [{"slug": w["forum"].slug, "fmt": fmt} for fmt in ("md", "docx")],
    "forums:recommendation_detail": lambda w: [{"pk": w["recommendation"].pk}],
    "accounts:download_export": lambda w: [{"pk": w["export"].pk}],
    "accounts:legal": lambda w: [{"kind": "terms"}, {"kind": "privacy"}],
    "organisations:detail": lambda w: [{"slug": w["organisation"].slug}],
    "organisations:edit": lambda w: [{"slug": w["organisation"].slug}],
    "organisations:join": lambda w: [{"slug": w["organisation"].slug}],
    "organisations:members": lambda w: [{"slug": w["organisation"].slug}],
    "organisations:verify": lambda w: [{"slug": w["organisation"].slug}],
    "organisations:new_partner_request": lambda w: [{"slug": w["organisation"].slug}],
    "organisations:network": lambda w: [{"slug": w["network"].slug}],
    "organisations:partner_request": lambda w: [{"pk": w["partner_request"].pk}],
    "organisations:close_partner_request": lambda w: [{"pk": w["partner_request"].pk}],
    "core:personal_calendar": lambda w: [{"token": "forged-token"}],
    "notifications:change": lambda w: [{"pk": _subscription(w)}],
    "notifications:unsubscribe": lambda w: [{"token": "forged-token"}],
    "telegram:approve_post": lambda w: [{"pk": _telegram_post(w)}],
    "telegram:reject_post": lambda w: [{"pk": _telegram_post(w)}],
    "api-1:get_recommendation": lambda w: [{"recommendation_id": w["recommendation"].pk}],
    "api-1:get_forum": lambda w: [{"slug": w["forum"].slug}],
    "api-1:get_session": lambda w: [{"slug": w["forum"].slug, "number": w["session"].number}],
    "api-1:get_update": lambda w: [{"update_id": w["recommendation"].updates.first().pk}],
    "api-1:get_organisation": lambda w: [{"slug": w["organisation"].slug}],
    "opportunities:detail": lambda w: [{"pk": _opportunity(w)}],
    "opportunities:deadline": lambda w: [{"pk": _opportunity(w)}],
    "opportunities:edit": lambda w: [{"pk": _opportunity(w)}],
    "opportunities:review_item": lambda w: [{"pk": _opportunity(w)}],
    "opportunities:new_partner_search": lambda w: [{"pk": _opportunity(w)}],
    "opportunities:new_consortium": lambda w: [{"pk": _opportunity(w)}],
    "opportunities:conversation": lambda w: [{"pk": _partner_talk(w)}],
    "opportunities:consortium": lambda w: [{"pk": _consortium(w)}],
    "opportunities:export": lambda w: [{"pk": _consortium(w)}],
    "opportunities:section": lambda w: [{"pk": _consortium(w), "section": "concept_note"}],
    "opportunities:file": lambda w: [{"pk": _consortium(w), "file_pk": _consortium_file(w)}],
    "transparency:project": lambda w: [{"pk": _project(w)}],
    "transparency:add_link": lambda w: [{"pk": _project(w)}],
    "transparency:add_note": lambda w: [{"pk": _project(w)}],
    "transparency:evidence": lambda w: [{"pk": _note_evidence(w)}],
    "transparency:decide": lambda w: [{"pk": _project_link(w), "decision": "confirm"}],
    "core:moderate": lambda w: [{"label": "transparency.monitoringnote", "pk": _note(w)}],
    "core:machine_translate": lambda w: [{"label": "forums.recommendation", "pk": w["recommendation"].pk}],
    "core:translate_record": lambda w: [
        {"label": "forums.recommendation", "pk": w["recommendation"].pk, "language": "ky"}
    ],
    "api-1:get_project": lambda w: [{"project_id": _project(w)}],
    "account_confirm_email": lambda w: [{"key": "forged-key"}],
    "account_reset_password_from_key": lambda w: [{"uidb36": "zz", "key": "forged-key"}],
}


def _module_samples() -> None:
    """Merge the SAMPLES of each module's ``tests/<app>/pages.py``, so modules declare their URLs beside their tests."""
    from importlib import import_module
    from pathlib import Path

    for pages in sorted(Path(__file__).parent.glob("*/pages.py")):
        module = import_module(f"tests.{pages.parent.name}.pages")
        SAMPLES.update(getattr(module, "SAMPLES", {}))


_module_samples()

VARIANT_KEYS = ("fmt", "kind")  # arguments that change the rules; ids and slugs do not


def needs_arguments(route: Route) -> bool:
    return bool(route.pattern.pattern.regex.groupindex) or "<" in str(route.pattern.pattern)


def variants(route: Route, world: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, url) for every sample of a route; a route with arguments but no sample raises KeyError."""
    from django.utils import translation

    if not needs_arguments(route):
        kwargs_list: list[dict[str, Any]] = [{}]
    else:
        kwargs_list = SAMPLES[route.name](world)
    with translation.override("en"):
        result = []
        for kwargs in kwargs_list:
            parts = [str(kwargs[key]) for key in VARIANT_KEYS if key in kwargs]
            label = route.name + (f"[{','.join(parts)}]" if parts else "")
            result.append((label, reverse(route.name, kwargs=kwargs)))
        return result
