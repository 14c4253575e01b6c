"""Bulk CSV status updates: upload → preview of every row → confirm writes them all in one transaction."""

import datetime as dt
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.followup.models import ProgressUpdate
from tests.factories import RecommendationFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recs():
    session = SessionFactory()
    first = RecommendationFactory(session=session, position=1, text={"en": "Publish river data."})
    second = RecommendationFactory(session=session, position=2, text={"en": "Train basin councils."})
    ProgressUpdate.objects.create(
        recommendation=first,
        status="planned",
        text={"en": "Planned."},
        reporter="secretariat",
        reported_on=dt.date(2024, 6, 1),
    )
    return first, second


@pytest.fixture
def editor(client):
    user = UserFactory(role="editor")
    client.force_login(user)
    return user


def csv_for(first, second) -> bytes:
    return (
        "recommendation,status,date,text,evidence_url\n"
        f"{first.reference},in_progress,2025-02-01,Data portal launched,https://data.example/rivers\n"
        f"{second.pk},planned,2025-02-03,Councils to be trained in spring,\n"
    ).encode()


def upload(client, data):
    return client.post("/en/follow-up/bulk/", {"file": SimpleUploadedFile("u.csv", data)})


def payload_of(response) -> str:
    return re.search(r'name="payload" value="([^"]+)"', response.content.decode()).group(1)


def test_upload_previews_every_row_and_writes_nothing(client, editor, recs):
    first, second = recs
    response = upload(client, csv_for(first, second))
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert ProgressUpdate.objects.count() == 1
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>(.*?)</tr>", html, re.S)
    assert [line for line, _cells in rows] == ["2", "3"]
    assert "Planned" in rows[0][1] and "<strong>In progress</strong>" in rows[0][1]  # before → after
    assert "Data portal launched" in rows[0][1] and "https://data.example/rivers" in rows[0][1]
    assert "No information" in rows[1][1] and "<strong>Planned</strong>" in rows[1][1]
    assert "Confirm and save 2 updates" in html


def test_confirm_writes_every_row_once(client, editor, recs):
    first, second = recs
    payload = payload_of(upload(client, csv_for(first, second)))
    response = client.post("/en/follow-up/bulk/", {"payload": payload}, follow=True)
    assert "2 updates were added." in response.content.decode()
    assert ProgressUpdate.objects.count() == 3
    assert first.updates.first().status == "in_progress" and second.updates.get().status == "planned"
    again = client.post("/en/follow-up/bulk/", {"payload": payload}, follow=True)
    assert "These updates were already saved." in again.content.decode()
    assert ProgressUpdate.objects.count() == 3


def test_an_altered_or_foreign_payload_writes_nothing(client, editor, recs):
    first, second = recs
    payload = payload_of(upload(client, csv_for(first, second)))
    response = client.post("/en/follow-up/bulk/", {"payload": payload[:-3] + "abc"}, follow=True)
    assert "expired or was altered" in response.content.decode()
    client.force_login(UserFactory(role="editor"))
    response = client.post("/en/follow-up/bulk/", {"payload": payload}, follow=True)
    assert "expired or was altered" in response.content.decode()
    assert ProgressUpdate.objects.count() == 1


def test_rows_are_checked_again_on_confirmation(client, editor, recs):
    first, second = recs
    payload = payload_of(upload(client, csv_for(first, second)))
    second.forum.is_published = False
    second.forum.save()
    response = client.post("/en/follow-up/bulk/", {"payload": payload})
    assert "Nothing was saved" in response.content.decode()
    assert ProgressUpdate.objects.count() == 1


def test_members_cannot_confirm(client, recs, editor):
    first, second = recs
    payload = payload_of(upload(client, csv_for(first, second)))
    client.force_login(UserFactory())
    assert client.post("/en/follow-up/bulk/", {"payload": payload}).status_code == 403
    assert ProgressUpdate.objects.count() == 1
