"""A write invalidates exactly the cached pages that show it; private writes invalidate nothing."""

import pytest
from django.test import Client

from kurultai.core import cacheversions
from kurultai.followup.models import ImplementationStatus, ProgressUpdate
from kurultai.forums.models import Forum, Recommendation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORUM = "2021-almaty"


def state(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get("X-Page-Cache", "none")


@pytest.fixture
def pages(demo):
    forum = Forum.objects.get(slug=FORUM)
    rec, other = Recommendation.objects.published().filter(forum=forum).order_by("pk")[:2]
    paths = {
        "recommendation": f"/en/recommendations/{rec.pk}/",
        "other recommendation": f"/en/recommendations/{other.pk}/",
        "forum": f"/en/forums/{FORUM}/",
        "session": f"/en/forums/{FORUM}/sessions/{rec.session.number}/" if rec.session else f"/en/forums/{FORUM}/",
        "list": "/en/recommendations/",
        "dashboard": "/en/follow-up/",
        "directory": "/en/organisations/",
        "another forum's programme": "/en/forums/2026-kyrgyzstan/programme/",
        "programme": f"/en/forums/{FORUM}/programme/",
    }
    client = Client()
    for path in paths.values():
        client.get(path)
    assert {name: state(client, path) for name, path in paths.items()} == dict.fromkeys(paths, "hit")
    return rec, paths, client


def test_signing_in_leaves_cached_pages_alone(pages, django_assert_num_queries):
    _rec, paths, anonymous = pages
    person = UserFactory(password="a long enough password 1")
    before = cacheversions.read([cacheversions.group_key("site")])
    assert Client().login(email=person.email, password="a long enough password 1")
    person.refresh_from_db()
    assert person.last_login is not None
    assert cacheversions.read([cacheversions.group_key("site")]) == before
    assert {name: state(anonymous, path) for name, path in paths.items()} == dict.fromkeys(paths, "hit")
    # A hit reads the page's versions and nothing else.
    with django_assert_num_queries(1):
        assert state(anonymous, paths["forum"]) == "hit"


def test_audit_entries_notifications_and_subscriptions_leave_cached_pages_alone(pages):
    from kurultai.accounts.audit import AccountAction
    from kurultai.core.audit import record
    from kurultai.notifications import services

    _rec, paths, anonymous = pages
    reader = UserFactory()
    services.subscribe(user=reader, terms={"forum": [FORUM]}, channels=["email"], frequency="immediate")
    record(reader, AccountAction.PROFILE_CHANGED, reader, {})
    assert {name: state(anonymous, path) for name, path in paths.items()} == dict.fromkeys(paths, "hit")


def test_a_progress_update_shows_at_once_where_it_shows_and_nowhere_else(pages):
    rec, paths, anonymous = pages
    ProgressUpdate.objects.create(
        recommendation=rec,
        status=ImplementationStatus.IN_PROGRESS if hasattr(ImplementationStatus, "IN_PROGRESS") else "in_progress",
        text={"en": "Drip irrigation reached forty villages."},
        original_language="en",
        reporter=ProgressUpdate.Reporter.SECRETARIAT,
    )
    states = {name: state(anonymous, path) for name, path in paths.items()}
    assert states == {
        "recommendation": "miss",
        "other recommendation": "hit",
        "forum": "miss",
        "session": "miss",
        "list": "miss",
        "dashboard": "miss",
        "directory": "hit",
        "another forum's programme": "hit",
        "programme": "miss",
    }
    assert "Drip irrigation reached forty villages." in anonymous.get(paths["recommendation"]).content.decode()


def test_editing_a_recommendation_invalidates_its_pages_not_the_directory(pages):
    rec, paths, anonymous = pages
    rec.text = {**rec.text, "en": "A renamed recommendation"}
    rec.save()
    states = {name: state(anonymous, path) for name, path in paths.items()}
    assert states["recommendation"] == states["forum"] == states["list"] == "miss"
    assert states["other recommendation"] == states["directory"] == "hit"
    for name in ("recommendation", "list"):
        assert "A renamed recommendation" in anonymous.get(paths[name]).content.decode()


def test_renaming_an_organisation_refreshes_the_directory(pages):
    from kurultai.organisations.models import Organisation

    _rec, paths, anonymous = pages
    organisation = Organisation.objects.order_by("pk").first()
    organisation.name = (
        {**organisation.name, "en": "Renamed association"}
        if isinstance(organisation.name, dict)
        else ("Renamed association")
    )
    organisation.save()
    assert state(anonymous, paths["directory"]) == "miss"


def test_a_rolled_back_write_changes_no_version(demo):
    from django.db import transaction

    name = cacheversions.group_key("site")
    before = cacheversions.read([name])
    forum = Forum.objects.get(slug=FORUM)
    with pytest.raises(RuntimeError), transaction.atomic():
        forum.save()
        assert cacheversions.read([name]) != before
        raise RuntimeError
    assert cacheversions.read([name]) == before


def test_a_record_whose_link_to_a_page_is_not_set_refreshes_its_whole_group(demo):
    from kurultai.core.cacheversions import names_for_write

    rec = Recommendation.objects.published().order_by("pk").first()
    linked = ProgressUpdate(pk=10**9, recommendation=rec, reporter="secretariat", status="in_progress")
    assert "group:recommendation" not in names_for_write(ProgressUpdate, linked)
    assert f"obj:forums.recommendation:pk:{rec.pk}" in names_for_write(ProgressUpdate, linked)
    unlinked = ProgressUpdate(pk=10**9, reporter="secretariat", status="in_progress")
    assert {"group:recommendation", "group:forum"} <= names_for_write(ProgressUpdate, unlinked)


def test_a_registration_refreshes_its_forum_and_leaves_recommendations_cached(pages):
    from kurultai.participation import services as participation
    from tests.participation.factories import CallFactory

    _rec, paths, anonymous = pages
    call = CallFactory(forum=Forum.objects.get(slug=FORUM))
    for path in paths.values():
        anonymous.get(path)
    participation.register(call, UserFactory(), fmt="online", details={"name": "Aida"})
    states = {name: state(anonymous, path) for name, path in paths.items()}
    assert states["forum"] == "miss"  # places left
    assert states["recommendation"] == states["other recommendation"] == states["list"] == "hit"
    assert states["session"] == states["programme"] == "hit"


def test_the_forum_outcome_is_kept_through_registrations_and_redone_on_follow_up(demo):
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kurultai.participation import services as participation
    from tests.participation.factories import CallFactory

    forum = Forum.objects.get(slug=FORUM)
    call = CallFactory(forum=forum)
    member = Client()
    member.force_login(UserFactory())

    def outcome_rendered() -> bool:
        member.cookies.pop(settings.CSRF_COOKIE_NAME, None)  # no stored page copy: the view renders the page
        with CaptureQueriesContext(connection) as queries:
            assert member.get(f"/en/forums/{FORUM}/").status_code == 200
        return any('FROM "forums_discussionpoint"' in q["sql"] for q in queries)

    assert outcome_rendered()
    assert not outcome_rendered()
    participation.register(call, UserFactory(), fmt="online", details={"name": "Aida"})
    assert not outcome_rendered()
    rec = Recommendation.objects.published().filter(forum=forum).order_by("pk").first()
    ProgressUpdate.objects.create(
        recommendation=rec,
        status="in_progress",
        text={"en": "Started."},
        original_language="en",
        reporter=ProgressUpdate.Reporter.SECRETARIAT,
    )
    assert outcome_rendered()
