"""Every role against every protected action (DESIGN §6), through rules and through the pages."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kurultai.forums.models import Forum
from kurultai.organisations.models import Membership, Organisation, PartnerRequest
from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "member",
    "representative",
    "other_representative",
    "organisation_admin",
    "editor",
    "moderator",
    "administrator",
]
# Administrators can do everything (Django grants active superusers every permission).
ALLOWED = {
    "organisations.change_organisation": {"organisation_admin", "editor", "administrator"},
    "organisations.manage_members": {"organisation_admin", "editor", "administrator"},
    "organisations.verify_organisation": {"editor", "administrator"},
    "organisations.join_organisation": set(ROLES) - {"visitor"},
    "organisations.post_partner_request": {"representative", "organisation_admin", "administrator"},
    "organisations.close_partner_request": {"representative", "organisation_admin", "editor", "administrator"},
    "organisations.view_interests": {"representative", "organisation_admin", "editor", "administrator"},
    "organisations.express_interest": {"other_representative", "administrator"},
    "forums.manage_outcome": {"editor", "administrator"},
    "followup.post_response": {"representative", "organisation_admin", "editor", "administrator"},
    "followup.post_update": {"representative", "organisation_admin", "editor", "administrator"},
    "followup.post_assessment": {"representative", "other_representative", "organisation_admin", "administrator"},
    "followup.manage_actors": {"editor", "administrator"},
    "core.view_audit_log": {"administrator"},
}


@pytest.fixture
def world():
    home = Organisation.objects.create(slug="home", name={"en": "Home CSO"})
    other = Organisation.objects.create(slug="other", name={"en": "Other CSO"})
    request = PartnerRequest.objects.create(organisation=home, title={"en": "Partners"}, purpose={"en": "x"})
    users = {"visitor": AnonymousUser()}
    users["member"] = UserFactory()
    users["representative"] = UserFactory()
    Membership.objects.create(user=users["representative"], organisation=home, status="approved")
    users["other_representative"] = UserFactory()
    Membership.objects.create(user=users["other_representative"], organisation=other, status="approved")
    users["organisation_admin"] = UserFactory()
    Membership.objects.create(user=users["organisation_admin"], organisation=home, status="approved", role="admin")
    users["editor"] = UserFactory(role="editor")
    users["moderator"] = UserFactory(role="moderator")
    users["administrator"] = UserFactory(role="admin")
    pending = UserFactory()
    Membership.objects.create(user=pending, organisation=home, status="pending")
    users["pending"] = pending
    from kurultai.followup.models import ResponsibleActor
    from tests.factories import RecommendationFactory

    recommendation = RecommendationFactory()
    ResponsibleActor.objects.create(recommendation=recommendation, organisation=home)
    return {"users": users, "home": home, "request": request, "forum": ForumFactory(), "recommendation": recommendation}


def target(world, permission):
    if permission in (
        "organisations.close_partner_request",
        "organisations.view_interests",
        "organisations.express_interest",
    ):
        return world["request"]
    if permission.startswith("followup."):
        return world["recommendation"]
    if permission.startswith("forums."):
        return world["forum"]
    if permission.startswith("core."):
        return None
    return world["home"]


@pytest.mark.parametrize("permission", sorted(ALLOWED))
def test_permission_matrix(world, permission):
    obj = target(world, permission)
    actual = {role for role in ROLES if world["users"][role].has_perm(permission, obj)}
    assert actual == ALLOWED[permission]


def test_a_pending_request_grants_nothing(world):
    pending = world["users"]["pending"]
    assert not pending.has_perm("organisations.post_partner_request", world["home"])
    assert not pending.has_perm("organisations.view_interests", world["request"])


def test_an_erased_or_inactive_account_grants_nothing(world):
    editor = world["users"]["editor"]
    editor.is_active = False
    editor.save()
    assert not editor.has_perm("organisations.verify_organisation", world["home"])
    assert not editor.has_perm("forums.manage_outcome", world["forum"])


PAGES = [
    ("get", "/en/organisations/home/edit/", {"organisation_admin", "editor", "administrator"}),
    ("get", "/en/organisations/home/members/", {"organisation_admin", "editor", "administrator"}),
    ("get", "/en/organisations/home/partners/new/", {"representative", "organisation_admin", "administrator"}),
    ("post", "/en/organisations/home/verify/", {"editor", "administrator"}),
    ("get", "/en/organisations/new/", {"editor", "administrator"}),
]


@pytest.mark.parametrize(("method", "url", "allowed"), PAGES)
def test_pages_enforce_the_same_rules(client, world, method, url, allowed):
    for role in ROLES:
        client.logout()
        if role != "visitor":
            client.force_login(world["users"][role])
        response = getattr(client, method)(url)
        if role in allowed:
            assert response.status_code in (200, 302) and "/login/" not in response.get("Location", ""), role
            if response.status_code == 302:
                assert "/accounts/" not in response["Location"], role
        elif role == "visitor":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403, (role, response.status_code)


def test_outcome_import_page_follows_the_matrix(client, world):
    forum: Forum = world["forum"]
    for role in ROLES[1:]:
        client.force_login(world["users"][role])
        status = client.get(f"/en/forums/{forum.slug}/outcome/import/").status_code
        assert status == (200 if role in ALLOWED["forums.manage_outcome"] else 403), role


def test_audit_log_is_readable_by_administrators_only(client, world):
    for role, expected in (("editor", 403), ("administrator", 200)):
        client.force_login(world["users"][role])
        response = client.get("/admin/core/auditentry/")
        assert response.status_code in ((expected,) if expected == 200 else (302, 403)), role
