"""Signed-in people get their own stored copy of a reading page back, and a fresh one whenever it would differ.

(The forum-day pages are shared between people instead: tests/core/test_shared_pages.py.)"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from kurultai.organisations.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ORGANISATION = "/en/organisations/carec/"


def signed_in(**kwargs) -> tuple[Client, object]:
    person = UserFactory(**kwargs)
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    client.get(ORGANISATION)  # the browser receives its CSRF cookie with the first page
    return client, person


def state(response) -> str:
    return response.get("X-Page-Cache", "")


def token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def test_a_second_visit_gets_the_same_page_back_with_working_forms(demo):
    member, _person = signed_in()
    miss = member.get(ORGANISATION)
    hit = member.get(ORGANISATION)
    assert (state(miss), state(hit)) == ("personal-miss", "personal-hit")
    assert hit.content == miss.content
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Content-Language"):
        assert name in hit, name
    # The follow form inside the stored copy carries a token this browser's cookie accepts.
    followed = member.post("/en/follow/", {**follow_fields(hit), "csrfmiddlewaretoken": token(hit)})
    assert followed.status_code == 302
    assert "Stop following" in member.get(ORGANISATION).content.decode()


def follow_fields(response) -> dict[str, str]:
    form = re.search(r'<form method="post" action="/en/follow/".*?</form>', response.content.decode()).group(0)
    return dict(re.findall(r'name="(kind|key|next)" value="([^"]*)"', form))


def test_my_follow_changes_my_copy_and_nobody_elses(demo):
    one, _ = signed_in()
    other, _ = signed_in()
    for client in (one, other):
        client.get(ORGANISATION)
    page = one.get(ORGANISATION)
    one.post("/en/follow/", {**follow_fields(page), "csrfmiddlewaretoken": token(page)})
    one.get(ORGANISATION)  # the confirmation message is shown once
    mine, theirs = one.get(ORGANISATION), other.get(ORGANISATION)
    assert state(mine) == "personal-miss" and "Stop following" in mine.content.decode()
    assert state(theirs) == "personal-hit" and "Stop following" not in theirs.content.decode()


def test_a_role_given_by_someone_else_shows_at_once(demo):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    member, person = signed_in()
    TOTP.activate(person, generate_totp_secret())
    member.get(ORGANISATION)
    assert "Edit profile" not in member.get(ORGANISATION).content.decode()
    person.groups.add(Group.objects.get_or_create(name="editors")[0])
    page = member.get(ORGANISATION)
    assert state(page) == "personal-miss" and "Edit profile" in page.content.decode()


def test_an_update_by_someone_else_shows_on_my_copy_at_once(demo):
    organisation = Organisation.objects.get(slug="carec")
    member, _ = signed_in()
    member.get(ORGANISATION)
    assert state(member.get(ORGANISATION)) == "personal-hit"
    wording = "Regional centre for water and climate work across the five countries."
    organisation.description = {**organisation.description, "en": wording}
    organisation.save()
    page = member.get(ORGANISATION)
    assert state(page) == "personal-miss" and wording in page.content.decode()


def test_a_waiting_message_is_never_stored_or_missed(demo):
    member, _ = signed_in()
    page = member.get(ORGANISATION)
    member.post("/en/follow/", {**follow_fields(page), "csrfmiddlewaretoken": token(page)})
    shown = member.get(ORGANISATION)
    assert state(shown) == "" and 'class="messages' in shown.content.decode()
    assert state(member.get(ORGANISATION)) == "personal-miss"


def test_pages_about_one_person_are_never_stored(demo):
    member, _ = signed_in()
    for _ in range(2):
        response = member.get("/en/account/")
        assert state(response) == ""


def test_a_hit_costs_a_few_queries_whatever_the_page(demo, django_assert_max_num_queries):
    member, _ = signed_in()
    member.get(ORGANISATION)
    with django_assert_max_num_queries(4):
        assert state(member.get(ORGANISATION)) == "personal-hit"


def test_browsers_that_accept_gzip_get_their_copy_compressed(demo):
    import gzip

    member, _ = signed_in()
    for path in (ORGANISATION, "/en/forums/2021-almaty/"):  # a person's own copy; a shared page re-read
        miss = member.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        hit = member.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert miss.status_code == hit.status_code == 200
        assert state(hit) == "personal-hit" and hit["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in hit["Vary"]
        page = gzip.decompress(hit.content).decode()
        assert page.startswith("<!doctype html>") and 'name="csrfmiddlewaretoken"' in page
