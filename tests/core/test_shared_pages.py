"""Forum-day pages are one copy per audience with each person's own parts filled in, and never show one person
what belongs to another."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kurultai.followup.models import ResponsibleActor
from kurultai.forums.models import Forum, Recommendation
from kurultai.notifications import services as following
from kurultai.organisations.models import Membership, Organisation
from kurultai.participation import services as participation
from tests.factories import UserFactory
from tests.participation.factories import CallFactory

pytestmark = pytest.mark.django_db

ROOM = "https://meet.example.org/almaty-private-room"


def browser(person) -> Client:
    """A signed-in browser that already holds its form-token cookie (as after signing in)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    client.get("/en/account/")
    return client


def state(response) -> str:
    return response.get("X-Page-Cache", "")


def without_tokens(html: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html.decode())


def rendered_afresh(person, url: str) -> str:
    """The page as the view renders it for ``person``, with no stored copy involved (no form-token cookie yet)."""
    client = Client()
    client.force_login(person)
    response = client.get(url)
    assert state(response) == "", url
    return without_tokens(response.content)


@pytest.fixture
def forum_day(demo):
    """The 2021 forum with an online session, an open call, and people with different ties to its pages."""
    forum = Forum.objects.get(slug="2021-almaty")
    session = forum.sessions.order_by("number").first()
    session.online_url = ROOM
    session.save()
    call = CallFactory(forum=forum)
    actor = ResponsibleActor.objects.filter(recommendation__forum=forum).select_related("recommendation").first()
    people = {
        "first": UserFactory(),
        "plain": UserFactory(display_name="Plain Participant"),
        "follower": UserFactory(),
        "online": UserFactory(),
        "focal_point": UserFactory(),
        "representative": UserFactory(),
        "editor": UserFactory(role="editor"),
    }
    following.subscribe(user=people["follower"], terms={"forum": [forum.slug]})
    following.subscribe(user=people["follower"], terms={"recommendation": [str(actor.recommendation_id)]})
    participation.register(call, people["online"], fmt="online", details={"name": "Online Participant"})
    Membership.objects.create(user=people["focal_point"], organisation=actor.organisation, status="approved")
    other = Organisation.objects.exclude(pk=actor.organisation_id).filter(is_listed=True).first()
    Membership.objects.create(user=people["representative"], organisation=other, status="approved")
    urls = [
        forum.get_absolute_url(),
        session.get_absolute_url(),
        f"/en/forums/{forum.slug}/programme/",
        actor.recommendation.get_absolute_url(),
        "/en/recommendations/?page=2",
    ]
    return {"forum": forum, "people": people, "urls": urls, "recommendation": actor.recommendation}


def test_everyone_gets_exactly_their_own_page_from_one_shared_copy(forum_day):
    people, urls = forum_day["people"], forum_day["urls"]
    browsers = {name: browser(person) for name, person in people.items()}
    for url in urls:
        assert state(browsers["first"].get(url)) == "shared-miss", url
        for name in ("plain", "follower", "online", "focal_point", "representative", "editor"):
            response = browsers[name].get(url)
            # the editor sees edit links the others do not: a copy of their own audience
            assert state(response) == ("shared-miss" if name == "editor" else "shared-hit"), (name, url)
            assert without_tokens(response.content) == rendered_afresh(people[name], url), (name, url)


def test_personal_parts_differ_and_nothing_leaks(forum_day):
    people, (forum_url, session_url, programme_url, recommendation_url, _list) = forum_day["people"], forum_day["urls"]
    first, follower, online, focal = (browser(people[n]) for n in ("first", "follower", "online", "focal_point"))
    for url in (forum_url, session_url, programme_url, recommendation_url):
        first.get(url)

    def shared_hit(client, url) -> str:
        response = client.get(url)
        assert state(response) == "shared-hit", url  # filled in from the copy "first" left
        return response.content.decode()

    assert "Stop following" in shared_hit(follower, forum_url)
    assert "You are registered" in shared_hit(online, forum_url)
    for url in (session_url, programme_url):
        assert ROOM in shared_hit(online, url)
    assert "Report progress" in shared_hit(focal, recommendation_url)
    mine = {url: first.get(url).content.decode() for url in (forum_url, session_url, programme_url, recommendation_url)}
    assert "Stop following" not in mine[forum_url] and "You are registered" not in mine[forum_url]
    assert ROOM not in mine[session_url] and ROOM not in mine[programme_url]
    assert "Report progress" not in mine[recommendation_url]


def test_stored_copy_holds_no_personal_part_and_forms_work(forum_day):
    from kurultai.core.pagecache import page_cache

    people, forum_url = forum_day["people"], forum_day["urls"][0]
    follower = browser(people["follower"])
    page = follower.get(forum_url)
    stored = [v for k, v in page_cache()._cache.items() if ":shared:" in k]
    assert stored, "a shared copy is stored"
    for entry in stored:
        text = repr(entry)
        assert "Stop following" not in text and people["follower"].email not in text
    # the token in a filled-in form is accepted
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = follower.post(
        "/en/follow/", {"kind": "forum", "key": forum_day["forum"].slug, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_an_update_shows_at_once_and_a_role_changes_the_audience(forum_day):
    people, recommendation = forum_day["people"], forum_day["recommendation"]
    url = recommendation.get_absolute_url()
    member = browser(people["plain"])
    member.get(url)
    assert state(member.get(url)) == "personal-hit"  # re-reading: their own copy
    wording = "Publish every budget line of the water programme."
    Recommendation.objects.get(pk=recommendation.pk)
    recommendation.text = {**recommendation.text, "en": wording}
    recommendation.save()
    page = member.get(url)
    assert state(page) == "shared-miss" and wording in page.content.decode()
    assert "Edit in the workspace" not in member.get(forum_day["urls"][0]).content.decode()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(people["plain"], generate_totp_secret())
    people["plain"].groups.add(Group.objects.get_or_create(name="editors")[0])
    assert "Edit in the workspace" in member.get(forum_day["urls"][0]).content.decode()


def test_the_reader_time_zone_cookie_is_part_of_the_copy(forum_day):
    programme = forum_day["urls"][2]
    member = browser(forum_day["people"]["plain"])
    assert "Asia/Tokyo" not in member.get(programme).content.decode()
    member.get(programme + "?tz=Asia/Tokyo")  # kept in a cookie
    assert "Asia/Tokyo" in member.get(programme).content.decode()


def test_a_shared_hit_runs_no_view(forum_day, django_assert_max_num_queries):
    member, other = browser(forum_day["people"]["plain"]), browser(forum_day["people"]["first"])
    forum_url = forum_day["urls"][0]
    other.get(forum_url)
    # session, person, groups, versions; the forum; follows; the call, seats and the person's registration
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(9):
        assert state(member.get(forum_url)) == "shared-hit"
    # none of the view's own queries: opening remarks, the concept's forum query with its outline
    assert not any("forums_appearance" in q["sql"] for q in queries)
