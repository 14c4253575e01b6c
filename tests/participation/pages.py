"""The participation URLs for the every-URL walk (tests/test_permissions.py and tests/urlmap.py).

Columns: visitor, member, representative, organisation_admin, editor, moderator, administrator. The world's role
users are not registered for the demo forum: their own registration pages answer 404 (or send them to register);
the forum's organisers are the editors."""

from __future__ import annotations

from typing import Any

SIGNED_IN = "302L 200 200 200 200 200 200"
POST_ONLY = "302L 405 405 405 405 405 405"
EDITORS = "302L 403 403 403 200 403 200"
NOT_REGISTERED = "302L 404 404 404 404 404 404"
TO_REGISTER = "302L 302 302 302 302 302 302"

EXPECTED_PAGES = {
    "participation:call": "200 200 200 200 200 200 200",
    "api-1:list_calls": "200 200 200 200 200 200 200",
    "api-1:get_call": "200 200 200 200 200 200 200",
    "api-1:list_participation_statistics": "200 200 200 200 200 200 200",
    "participation:register": SIGNED_IN,
    "participation:mine": TO_REGISTER,
    "participation:cancel": POST_ONLY,
    "participation:change_format": POST_ONLY,
    "participation:certificate": POST_ONLY,
    "participation:travel": NOT_REGISTERED,
    "participation:badge": NOT_REGISTERED,
    "participation:letter": NOT_REGISTERED,
    "participation:agenda": NOT_REGISTERED,
    "participation:feedback": NOT_REGISTERED,
    "participation:call_edit": EDITORS,
    "participation:manage": EDITORS,
    "participation:questions": EDITORS,
    "participation:question_delete": POST_ONLY,
    "participation:registration": EDITORS,
    "participation:registration_letter": EDITORS,
    "participation:badges": EDITORS,
    "participation:issue_certificates": POST_ONLY,
    "participation:statistics": EDITORS,
    "participation:statistics_csv": EDITORS,
    "participation:feedback_results": EDITORS,
    "participation:check_in": EDITORS,
    "participation:check_in_list": EDITORS,
    "participation:check_in_sync": POST_ONLY,
}

SLUG = "demo-forum-2027"


def _registration(world: dict[str, Any]) -> int:
    from kurultai.participation.models import Registration

    return Registration.objects.get(call__forum__slug=SLUG, user__email="aigerim@demo.kurultai.example").pk


def _question(world: dict[str, Any]) -> int:
    from kurultai.participation.models import Question

    return Question.objects.filter(call__forum__slug=SLUG).order_by("pk").values_list("pk", flat=True)[0]


_slug = lambda w: [{"slug": SLUG}]  # noqa: E731

SAMPLES = {
    **{name: _slug for name in EXPECTED_PAGES if name.startswith("participation:")},
    "api-1:get_call": _slug,
    "participation:question_delete": lambda w: [{"slug": SLUG, "pk": _question(w)}],
    "participation:registration": lambda w: [{"slug": SLUG, "pk": _registration(w)}],
    "participation:registration_letter": lambda w: [{"slug": SLUG, "pk": _registration(w)}],
}
