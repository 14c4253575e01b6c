"""The participation and certificates API: calls with seats left, counts of past forums (never a person), and
certificate checks by code."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kurultai.certificates.models import Certificate
from tests.certificates.factories import CertificateFactory
from tests.factories import ForumFactory
from tests.participation.factories import CallFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_calls_show_formats_seats_left_and_whether_open(client, django_assert_max_num_queries):
    call = CallFactory(capacity_in_person=2, capacity_online=10)
    RegistrationFactory(call=call, format="in_person")
    RegistrationFactory(call=call, format="online", status="waitlisted")
    closed = CallFactory(
        opens_at=timezone.now() - dt.timedelta(days=9), closes_at=timezone.now() - dt.timedelta(days=1)
    )
    CallFactory(forum=ForumFactory(is_published=False))
    body = client.get("/api/v1/calls").json()
    assert body["meta"]["license"] == "CC BY 4.0" and body["count"] == 2
    mine = next(c for c in body["results"] if c["forum"] == call.forum.slug)
    assert mine["open"] is True and mine["url"].startswith("http") and mine["url"].endswith("/call/")
    assert {f["format"]: (f["capacity"], f["seats_left"], f["waiting"]) for f in mine["formats"]} == {
        "in_person": (2, 1, 0),
        "online": (10, 10, 1),
    }
    assert [c["forum"] for c in client.get("/api/v1/calls?open=false").json()["results"]] == [closed.forum.slug]
    assert client.get(f"/api/v1/calls/{call.forum.slug}").json()["formats"][0]["seats_left"] == 1
    assert client.get("/api/v1/calls/no-such-forum").status_code == 404
    assert client.get("/api/v1/calls?limit=0").status_code == 422
    for _ in range(5):
        CallFactory()
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/calls").json()["count"] == 7


def test_statistics_of_past_forums_are_counts_only(client):
    past = CallFactory(
        forum=ForumFactory(start_date=timezone.localdate() - dt.timedelta(days=40)),
        opens_at=timezone.now() - dt.timedelta(days=90),
        closes_at=timezone.now() - dt.timedelta(days=50),
    )
    RegistrationFactory(call=past, status="checked_in", name="Secret Name")
    RegistrationFactory(call=past, status="accepted", format="online")
    RegistrationFactory(call=past, status="cancelled")
    CallFactory()  # a future forum has no statistics yet
    response = client.get("/api/v1/participation-statistics")
    body = response.json()
    assert body["count"] == 1
    (stats,) = body["results"]
    assert (stats["registered"], stats["attended"]) == (2, 1)
    assert stats["by_format"] == {
        "in_person": {"registered": 1, "attended": 1},
        "online": {"registered": 1, "attended": 0},
    }
    assert stats["by_organisation_type"] == {"cso": {"registered": 2, "attended": 1}}
    text = response.content.decode()
    assert "Secret Name" not in text and "gender" not in text and "woman" not in text


def test_certificate_check_by_code(client):
    valid = CertificateFactory(holder_name="Әлия Нурланқызы")
    revoked = CertificateFactory(revoked_at=timezone.now())
    expired = CertificateFactory(valid_until=timezone.localdate() - dt.timedelta(days=1))
    body = client.get(f"/api/v1/certificates/{valid.code.lower()}").json()
    assert body["status"] == "valid" and body["valid"] is True and body["name"] == "Әлия Нурланқызы"
    assert body["issuer"] == "Test organisers" and body["url"].endswith(f"/certificates/{valid.code}/")
    assert client.get(f"/api/v1/certificates/{revoked.code}").json()["status"] == Certificate.Status.REVOKED
    assert client.get(f"/api/v1/certificates/{expired.code}").json()["status"] == "expired"
    assert client.get("/api/v1/certificates/NOPE-NOPE").status_code == 404
    assert client.get("/api/v1/certificates/%3Cscript%3E").status_code in (404, 422)
