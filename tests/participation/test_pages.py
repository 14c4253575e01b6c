"""Pages: clear messages for every refusal, organisers-only personal data, the check-in page with and without the
script's help, the offline list and its sync, page weight and query counts."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kurultai.participation import services
from kurultai.participation.models import Registration
from tests.factories import SessionFactory, UserFactory
from tests.participation.factories import CallFactory, QuestionFactory, RegistrationFactory
from tests.test_budgets import HTML_BUDGET, QUERY_BUDGET

pytestmark = pytest.mark.django_db


def post_registration(client, call, **extra):
    data = {"format": "in_person", "name": "Dilnoza Karimova", **extra}
    return client.post(f"/en/forums/{call.forum.slug}/register/", data, follow=True)


def test_messages_for_full_closed_double_and_cancelled(client):
    call = CallFactory(capacity_in_person=1)
    RegistrationFactory(call=call)
    person = UserFactory()
    client.force_login(person)
    step = client.get(f"/en/forums/{call.forum.slug}/register/").content.decode()
    assert "full — you would join the waiting list" in step
    page = post_registration(client, call).content.decode()
    assert "you are on the waiting list" in page
    again = client.get(f"/en/forums/{call.forum.slug}/register/", follow=True).content.decode()
    assert "You are already registered for this forum." in again
    page = client.post(f"/en/forums/{call.forum.slug}/registration/cancel/", follow=True).content.decode()
    assert "Your registration is cancelled" in page and "Register again" in page
    page = client.post(f"/en/forums/{call.forum.slug}/registration/cancel/", follow=True).content.decode()
    assert "already cancelled" in page

    closed = CallFactory(
        opens_at=timezone.now() - dt.timedelta(days=3), closes_at=timezone.now() - dt.timedelta(days=1)
    )
    page = client.get(f"/en/forums/{closed.forum.slug}/register/").content.decode()
    assert "Registration for this forum is closed." in page and '<form method="post"' not in page
    page = post_registration(client, closed).content.decode()
    assert "Registration for this forum is closed." in page
    assert not Registration.objects.filter(call=closed).exists()


def test_double_submission_ends_in_a_message_not_an_error(client):
    call = CallFactory()
    person = UserFactory()
    services.register(call, person, fmt="in_person", details={"name": "A"})
    client.force_login(person)
    page = post_registration(client, call)
    assert page.status_code == 200 and "already registered" in page.content.decode()
    assert Registration.objects.filter(call=call, user=person).count() == 1


def test_questions_are_asked_and_required_ones_enforced(client):
    call = CallFactory()
    question = QuestionFactory(call=call, required=True)
    client.force_login(UserFactory())
    page = client.get(f"/en/forums/{call.forum.slug}/register/", {"format": "in_person", "on_behalf": "1"})
    assert "Why do you want to take part?" in page.content.decode()
    page = post_registration(client, call, on_behalf="on")
    html = page.content.decode()
    assert "This field is required." in html and "Say which organisation you represent." in html
    post_registration(client, call, on_behalf="on", **{f"q{question.pk}": "To learn", "organisation_name": "Eco Union"})
    registration = Registration.objects.get(call=call)
    assert registration.answers == {str(question.pk): "To learn"} and registration.on_behalf


def test_personal_data_only_for_the_forums_organisers(client):
    registration = RegistrationFactory(accessibility="Needs a ramp", gender="woman")
    url = f"/en/forums/{registration.call.forum.slug}/participants/{registration.pk}/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.get(f"/en/forums/{registration.call.forum.slug}/participants/").status_code == 403
    client.force_login(registration.user)
    assert client.get(url).status_code == 403
    mine = client.get(f"/en/forums/{registration.call.forum.slug}/registration/").content.decode()
    assert registration.check_in_code in mine
    client.force_login(UserFactory(role="editor"))
    html = client.get(url).content.decode()
    assert "Needs a ramp" in html and "Woman" in html


def test_organiser_decides_through_the_page(client):
    call = CallFactory(selection="application")
    registration = services.register(call, UserFactory(), fmt="in_person", details={"name": "Applicant"})
    client.force_login(UserFactory(role="editor"))
    url = f"/en/forums/{call.forum.slug}/participants/{registration.pk}/"
    page = client.post(url, {"action": "decide", "status": "accepted", "note": "Good"}, follow=True)
    assert "The decision is saved" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "accepted" and registration.note == "Good"
    page = client.post(url, {"action": "decide", "status": "bogus"})
    assert page.status_code == 200 and "errorlist" in page.content.decode()


def test_check_in_page_works_without_script_and_loads_it_as_a_file(client):
    call = CallFactory()
    registration = RegistrationFactory(call=call)
    client.force_login(UserFactory(role="editor"))
    html = client.get(f"/en/forums/{call.forum.slug}/check-in/").content.decode()
    assert 'src="/static/participation/check-in.js"' in html and "<script>" not in html and "style=" not in html
    page = client.post(f"/en/forums/{call.forum.slug}/check-in/", {"code": "ZZZZ"})
    assert "No participant of this forum has the code ZZZZ." in page.content.decode()
    page = client.post(f"/en/forums/{call.forum.slug}/check-in/", {"code": registration.check_in_code})
    assert "is checked in" in page.content.decode()


def test_offline_list_and_idempotent_sync(client):
    call = CallFactory()
    first, second = RegistrationFactory(call=call), RegistrationFactory(call=call)
    RegistrationFactory(call=call, status="waitlisted")
    client.force_login(UserFactory(role="editor"))
    data = client.get(f"/en/forums/{call.forum.slug}/check-in/list.json").json()
    assert {p["code"] for p in data["people"]} == {first.check_in_code, second.check_in_code}
    url = f"/en/forums/{call.forum.slug}/check-in/sync/"
    body = json.dumps({"codes": [first.check_in_code, "NOPE"]})
    result = client.post(url, body, content_type="application/json").json()["results"]
    assert result[first.check_in_code] == "checked_in" and "NOPE" in result["NOPE"]
    again = client.post(url, body, content_type="application/json").json()["results"]
    assert again[first.check_in_code] == "already"
    assert client.post(url, "not json", content_type="application/json").status_code == 400
    assert client.post(url, json.dumps({"codes": "x" * 10}), content_type="application/json").status_code == 400
    client.force_login(UserFactory())
    assert client.post(url, body, content_type="application/json").status_code == 403


def test_check_in_script_is_small():
    from pathlib import Path

    import kurultai.participation

    script = Path(kurultai.participation.__file__).parent / "static" / "participation" / "check-in.js"
    assert len(script.read_bytes()) <= 15 * 1024


def test_online_participants_see_the_links_on_their_page(client):
    call = CallFactory()
    SessionFactory(forum=call.forum, online_url="https://meet.example.org/secret-room")
    online = services.register(call, UserFactory(), fmt="online", details={"name": "Online person"})
    in_person = services.register(call, UserFactory(), fmt="in_person", details={"name": "Hall person"})
    client.force_login(online.user)
    assert "secret-room" in client.get(f"/en/forums/{call.forum.slug}/registration/").content.decode()
    client.force_login(in_person.user)
    assert "secret-room" not in client.get(f"/en/forums/{call.forum.slug}/registration/").content.decode()


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_registration_pages_fit_the_budgets(client):
    call = CallFactory()
    QuestionFactory(call=call)
    person = UserFactory()
    client.force_login(person)
    url = f"/en/forums/{call.forum.slug}/register/"
    client.get(url)
    for page in (url, url + "?format=in_person&on_behalf=0"):
        body = client.get(page).content
        assert len(gzip.compress(body, compresslevel=6)) <= HTML_BUDGET
    small = queries(client, url + "?format=in_person&on_behalf=0")
    QuestionFactory.create_batch(5, call=call)
    RegistrationFactory.create_batch(5, call=call)
    assert queries(client, url + "?format=in_person&on_behalf=0") == small <= QUERY_BUDGET
    services.register(call, person, fmt="online", details={"name": "Me"})
    mine = f"/en/forums/{call.forum.slug}/registration/"
    before = queries(client, mine)
    SessionFactory.create_batch(4, forum=call.forum, online_url="https://meet.example.org/x")
    assert queries(client, mine) == before <= QUERY_BUDGET
    assert len(gzip.compress(client.get(mine).content)) <= HTML_BUDGET


def test_organisers_list_and_statistics_queries_do_not_grow(client):
    call = CallFactory(capacity_in_person=100)
    RegistrationFactory.create_batch(3, call=call)
    client.force_login(UserFactory(role="editor"))
    for path in ("participants/", "participants/statistics/"):
        url = f"/en/forums/{call.forum.slug}/{path}"
        client.get(url)
        small = queries(client, url)
        RegistrationFactory.create_batch(10, call=call)
        assert queries(client, url) == small


def test_file_answers_are_checked_and_removed_with_the_registration(client, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kurultai.participation.models import Upload

    settings.MEDIA_ROOT = str(tmp_path)
    call = CallFactory()
    question = QuestionFactory(call=call, kind="file", label={"en": "Your CV"})
    client.force_login(UserFactory())
    bad = SimpleUploadedFile("cv.exe", b"MZ\x90\x00 not a document", content_type="application/octet-stream")
    page = post_registration(client, call, **{f"q{question.pk}": bad})
    assert page.status_code == 200 and "A file answer must be a PDF" in page.content.decode()
    assert "Evidence" not in page.content.decode()
    big = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    page = post_registration(client, call, **{f"q{question.pk}": big})
    assert "A file answer may be at most 10 MB." in page.content.decode()
    assert not Registration.objects.filter(call=call).exists()
    good = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    post_registration(client, call, **{f"q{question.pk}": good})
    upload = Upload.objects.get(registration__call=call)
    path = upload.file.path
    assert upload.file.name.endswith(".pdf") and "cv" not in upload.file.name
    Registration.objects.filter(call=call).delete()
    import os

    assert not os.path.exists(path)


def test_registration_panel_on_the_forum_page(client):
    call = CallFactory()
    call.forum.is_published = True
    call.forum.save()
    page = f"/en/forums/{call.forum.slug}/"
    assert f"/en/forums/{call.forum.slug}/register/" in client.get(page).content.decode()
    registration = RegistrationFactory(call=call)
    client.force_login(registration.user)
    html = client.get(page).content.decode()
    assert "You are registered" in html and "/registration/" in html
    client.force_login(UserFactory(role="editor"))
    assert f"/en/forums/{call.forum.slug}/participants/" in client.get(page).content.decode()
