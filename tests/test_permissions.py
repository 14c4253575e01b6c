"""Every role against every protected action (DESIGN §6), through rules and through the pages."""

import contextlib

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
    "organisations.propose_organisation": set(ROLES) - {"visitor"},
    "organisations.post_partner_request": {"representative", "organisation_admin", "administrator"},
    "organisations.close_partner_request": {"representative", "organisation_admin", "editor", "administrator"},
    "organisations.view_interests": {"representative", "organisation_admin", "editor", "administrator"},
    "organisations.express_interest": {"other_representative", "administrator"},
    "forums.manage_outcome": {"editor", "administrator"},
    # "other" answers for the recommendation's addressee (national governments); "home" is responsible for acting.
    "followup.post_response": {"other_representative", "editor", "administrator"},
    "followup.respond_for_organisation": {"other_representative", "editor", "administrator"},
    "followup.report_for_organisation": {"representative", "organisation_admin", "editor", "administrator"},
    "followup.assess_for_organisation": {"representative", "organisation_admin", "administrator"},
    "followup.bulk_update": {"editor", "administrator"},
    "followup.manage_recurrences": {"editor", "administrator"},
    "followup.post_update": {"representative", "organisation_admin", "editor", "administrator"},
    "followup.post_assessment": {"representative", "other_representative", "organisation_admin", "administrator"},
    "followup.manage_actors": {"editor", "administrator"},
    "core.view_audit_log": {"administrator"},
    "telegram.review_channel_posts": {"editor", "administrator"},
    "transparency.import_iati": {"editor", "administrator"},
    "transparency.manage_links": {"editor", "administrator"},
    "transparency.post_note": {"representative", "other_representative", "organisation_admin", "administrator"},
    "core.moderate": {"moderator", "administrator"},
    "core.translate_content": {"editor", "administrator"},
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
    recommendation.addressees.get(code="governments").organisations.add(other)
    return {
        "users": users,
        "home": home,
        "other": other,
        "request": request,
        "forum": ForumFactory(),
        "recommendation": recommendation,
    }


def target(world, permission):
    if permission in (
        "organisations.close_partner_request",
        "organisations.view_interests",
        "organisations.express_interest",
    ):
        return world["request"]
    if permission == "followup.respond_for_organisation":
        return world["other"]
    if permission.endswith("_for_organisation"):
        return world["home"]
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
    ("get", "/en/organisations/propose/", set(ROLES) - {"visitor"}),
    ("get", "/en/organisations/proposals/", {"editor", "administrator"}),
    ("get", "/en/telegram/posts/", {"editor", "administrator"}),
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
    staff = UserFactory(role="editor")
    staff.is_staff = True  # may open the admin, but the audit log is for administrators only
    staff.save(update_fields=["is_staff"])
    for user, expected in ((world["users"]["editor"], 302), (staff, 403), (world["users"]["administrator"], 200)):
        client.force_login(user)
        assert client.get("/admin/core/auditentry/").status_code == expected, user


# --- Every URL as every role, generated from the URL configuration -------------------------------------------------
# One row per URL name (or name[variant]); columns follow tests.urlmap.ROLES:
#   visitor, member, representative, organisation_admin, editor, moderator, administrator
# "302L" is a redirect to the sign-in page. The representative and organisation administrator act for the demo's
# "green-steppe", which has an open partner request; the recommendation is 2021-S4-R2 (CAREC is responsible).
# A URL missing from this table fails the walk: declare what each role gets when you add one.

PUBLIC = "200 200 200 200 200 200 200"
SIGNED_IN = "302L 200 200 200 200 200 200"
POST_ONLY = "302L 405 405 405 405 405 405"
EDITORS = "302L 403 403 403 200 403 200"
GONE_FOR_ALL = "404 404 404 404 404 404 404"

EXPECTED_PAGES = {
    # the open-data API: public, read-only
    "api-1:openapi-json": PUBLIC,
    "api-1:openapi-view": PUBLIC,
    "api-1:list_forums": PUBLIC,
    "api-1:get_forum": PUBLIC,
    "api-1:list_sessions": PUBLIC,
    "api-1:get_session": PUBLIC,
    "api-1:list_recommendations": PUBLIC,
    "api-1:get_recommendation": PUBLIC,
    "api-1:list_updates": PUBLIC,
    "api-1:get_update": PUBLIC,
    "api-1:list_organisations": PUBLIC,
    "api-1:get_organisation": PUBLIC,
    "api-1:list_projects": PUBLIC,
    "api-1:get_project": PUBLIC,
    "api-1:api-root": GONE_FOR_ALL,
    # public pages, feeds, calendars and downloads
    "home": PUBLIC,
    "search": PUBLIC,
    "oai": PUBLIC,  # OAI-PMH answers protocol errors inside its XML with status 200
    "forums:forum_list": PUBLIC,
    "forums:feed": PUBLIC,
    "forums:calendar": PUBLIC,
    "forums:programme_calendar": PUBLIC,
    "forums:session_calendar": PUBLIC,
    "forums:forum_detail": PUBLIC,
    "forums:session_detail": PUBLIC,
    "forums:outcome_export[md]": PUBLIC,
    "forums:outcome_export[docx]": PUBLIC,
    "forums:recommendation_list": PUBLIC,
    "forums:recommendation_detail": PUBLIC,
    "followup:dashboard": PUBLIC,
    "followup:evidence": PUBLIC,
    "followup:feed": PUBLIC,
    "followup:open_data[json]": PUBLIC,
    "followup:open_data[csv]": PUBLIC,
    "followup:open_data[history.csv]": PUBLIC,
    "transparency:list": PUBLIC,
    "transparency:overview": PUBLIC,
    "transparency:csv": PUBLIC,
    "transparency:project": PUBLIC,
    "transparency:evidence": PUBLIC,
    "organisations:directory": PUBLIC,
    "organisations:feed": PUBLIC,
    "organisations:detail": PUBLIC,
    "organisations:network": PUBLIC,
    "organisations:partner_requests": PUBLIC,
    "organisations:partner_feed": PUBLIC,
    "organisations:partner_request": PUBLIC,
    "accounts:legal[terms]": PUBLIC,
    "accounts:legal[privacy]": PUBLIC,
    "core:personal_calendar": GONE_FOR_ALL,  # a forged token
    "notifications:unsubscribe": "400 400 400 400 400 400 400",  # a forged token
    "telegram_webhook": "405 405 405 405 405 405 405",
    # a person's own pages
    "accounts:profile": SIGNED_IN,
    "accounts:consent": SIGNED_IN,
    "accounts:delete": SIGNED_IN,
    "accounts:download_export": "302L 200 404 404 404 404 404",  # the member's own archive
    "notifications:following": SIGNED_IN,
    "notifications:new_stream": SIGNED_IN,
    "organisations:propose": SIGNED_IN,
    # actions that only accept POST
    "accounts:download_data": POST_ONLY,
    "notifications:follow": POST_ONLY,
    "notifications:change": POST_ONLY,
    "telegram:link": POST_ONLY,
    "telegram:unlink": POST_ONLY,
    "telegram:approve_post": POST_ONLY,
    "telegram:reject_post": POST_ONLY,
    "organisations:join": POST_ONLY,
    "organisations:verify": POST_ONLY,
    "organisations:close_partner_request": POST_ONLY,
    "core:reset_calendar_link": POST_ONLY,
    "core:moderate": POST_ONLY,
    "core:machine_translate": POST_ONLY,
    "core:translations": EDITORS,
    "core:translate_record": EDITORS,
    "transparency:decide": POST_ONLY,
    "transparency:add_link": POST_ONLY,
    # editors' work
    "followup:bulk": EDITORS,
    "followup:recurrences": EDITORS,
    "forums:outcome_import": EDITORS,
    "organisations:create": EDITORS,
    "organisations:proposals": EDITORS,
    "telegram:channel_posts": EDITORS,
    "transparency:import": EDITORS,
    "transparency:suggestions": EDITORS,
    "followup:add[actor]": EDITORS,
    # official entries: nobody here acts for an addressee of 2021-S4-R2 or represents CAREC, so editors only
    "followup:add[respond]": EDITORS,
    "followup:add[update]": EDITORS,
    # assessments are an organisation's own view: its representatives (and administrators), not editors
    "followup:add[assess]": "302L 403 200 200 403 403 200",
    # monitoring notes are an organisation's own observation: its representatives (and administrators)
    "transparency:add_note": "302L 403 200 200 403 403 200",
    # the organisation's administrators and editors
    "organisations:edit": "302L 403 403 200 200 403 200",
    "organisations:members": "302L 403 403 200 200 403 200",
    # representatives post partner requests for their organisation; editors do not act for organisations
    "organisations:new_partner_request": "302L 403 200 200 403 403 200",
    # opportunities: public list, pages, feed and calendars; editors review; members of a consortium (the demo's
    # Pyanj consortium, led by green-steppe) and both sides of a partner conversation work there, nobody else
    "opportunities:list": PUBLIC,
    "opportunities:feed": PUBLIC,
    "opportunities:deadlines": PUBLIC,
    "opportunities:detail": PUBLIC,
    "opportunities:deadline": PUBLIC,
    "opportunities:propose": SIGNED_IN,
    "opportunities:saved": SIGNED_IN,
    "opportunities:conversations": SIGNED_IN,
    "opportunities:consortia": SIGNED_IN,
    "opportunities:review": EDITORS,
    "opportunities:feeds": EDITORS,
    "opportunities:edit": EDITORS,
    "opportunities:review_item": EDITORS,
    "opportunities:new_partner_search": "302L 403 200 200 403 403 200",
    "opportunities:new_consortium": "302L 403 200 200 403 403 200",
    "opportunities:conversation": "302L 403 200 200 403 403 200",
    "opportunities:consortium": "302L 403 200 200 403 403 200",
    "opportunities:export": "302L 403 200 200 403 403 200",
    "opportunities:section": "302L 403 200 200 403 403 200",
    "opportunities:file": "302L 403 200 200 403 403 200",
    # sign-in, sign-up and two-factor pages (django-allauth); editors, moderators and administrators have a TOTP
    "account_login": "200 302 302 302 302 302 302",
    "account_signup": "200 302 302 302 302 302 302",
    "account_logout": "302 200 200 200 200 200 200",
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_change_password": SIGNED_IN,
    "account_set_password": "302L 302 302 302 302 302 302",
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": "302L 302 302 302 302 302 302",
    "account_confirm_email": PUBLIC,
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": "302L 302 302 302 302 302 302",
    "mfa_reauthenticate": "302L 302 302 302 200 200 200",
    "mfa_activate_totp": "302L 302 302 302 302 302 302",
    "mfa_deactivate_totp": "302L 404 404 404 302 302 302",
    "mfa_view_recovery_codes": "302L 404 404 404 404 404 404",
    "mfa_generate_recovery_codes": "302L 302 302 302 302 302 302",
    "mfa_download_recovery_codes": "302L 404 404 404 404 404 404",
}


def _module_pages() -> None:
    """Merge EXPECTED_PAGES of each module's ``tests/<app>/pages.py`` (declared beside that module's tests)."""
    from importlib import import_module
    from pathlib import Path

    for pages in sorted(Path(__file__).parent.glob("*/pages.py")):
        module = import_module(f"tests.{pages.parent.name}.pages")
        EXPECTED_PAGES.update(getattr(module, "EXPECTED_PAGES", {}))


_module_pages()


def _outcome(response) -> str:
    login = response.status_code == 302 and "/accounts/login/" in response.get("Location", "")
    return f"{response.status_code}{'L' if login else ''}"


WALK_SHARDS = 3  # the walk is split so that pytest-xdist runs its parts side by side


@pytest.mark.parametrize("shard", range(WALK_SHARDS))
def test_every_url_answers_each_role_as_declared(client, demo, shard):
    """Visit every URL of the URL configuration as every role and compare with EXPECTED_PAGES."""
    from tests.urlmap import ROLES as PAGE_ROLES
    from tests.urlmap import build_world, routes, variants

    world = build_world()
    problems: list[str] = []
    all_routes = routes()
    for route in all_routes[shard::WALK_SHARDS]:
        try:
            samples = variants(route, world)
        except KeyError:
            problems.append(f"{route.name} ({route.route}): no sample arguments in tests/urlmap.py SAMPLES")
            continue
        for label, url in samples:
            if label not in EXPECTED_PAGES:
                problems.append(f"{label} ({url}): not declared in EXPECTED_PAGES")
                continue
            actual = []
            for role in PAGE_ROLES:
                client.logout()
                if world["users"][role] is not None:
                    client.force_login(world["users"][role])
                actual.append(_outcome(client.get(url)))
            if " ".join(actual) != EXPECTED_PAGES[label]:
                problems.append(f"{label} ({url}): expected {EXPECTED_PAGES[label]!r}, got {' '.join(actual)!r}")
    if shard == 0:  # labels of every route, without visiting them
        everything = set()
        for route in all_routes:
            with contextlib.suppress(KeyError):  # reported above, by the shard that visits it
                everything |= {label for label, _url in variants(route, world)}
        problems += [f"{label}: declared but no such URL" for label in set(EXPECTED_PAGES) - everything]
    assert not problems, "\n".join(problems)


def test_the_admin_is_for_administrators(client, demo):
    from tests.urlmap import build_world

    users = build_world()["users"]
    for role, expected in (("visitor", 302), ("member", 302), ("editor", 302), ("administrator", 200)):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        assert client.get("/admin/").status_code == expected, role
