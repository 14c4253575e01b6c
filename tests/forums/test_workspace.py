"""Organisers build a forum in the workspace (no Django admin): facts, sessions, speakers, roles, tags, publishing."""

import datetime as dt
import io

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from kurultai.core.models import AuditEntry, Country, Theme
from kurultai.forums.models import Appearance, Forum, Recommendation, Session, Speaker
from kurultai.notifications.models import Event
from tests.factories import ForumFactory, ForumSeriesFactory, RecommendationFactory, SessionFactory, UserFactory
from tests.forums.factories import AppearanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(role="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def forum_data(series, **extra):
    data = {
        "series": series.pk,
        "number": 9,
        "slug": "ninth-bishkek",
        "title_en": "Ninth forum in Bishkek",
        "city_en": "Bishkek",
        "country": Country.objects.get(code="KG").pk,
        "start_date": "2031-05-20",
        "end_date": "2031-05-21",
        "date_precision": "day",
        "format": "hybrid",
        "time_zone": "Asia/Bishkek",
        "concept_en": "Two days of working groups.",
    }
    return data | extra


def session_data(number, title, **extra):
    data = {
        "number": number,
        "title_en": title,
        "purpose_en": f"What {title} is for.",
        "day": "2031-05-20",
        "start": "14:00",
        "end": "15:30",
        "room": f"Room {number}",
        "format": "in_person",
        "track": f"Track {'AB'[number % 2]}",
        "online_url": f"https://meet.example.org/secret-{number}",
    }
    return data | extra


def test_an_editor_builds_publishes_and_the_programme_shows_parallel_sessions(editor_client):
    client = Client()
    series = ForumSeriesFactory()
    response = editor_client.post("/en/forums/workspace/new/", forum_data(series))
    assert response.status_code == 302, response.content.decode()[:3000]
    forum = Forum.objects.get(slug="ninth-bishkek")
    assert response["Location"] == f"/en/forums/{forum.slug}/edit/"
    assert not forum.is_published and forum.zone == "Asia/Bishkek"
    for number, title in ((1, "Digital rights"), (2, "Water and climate")):
        response = editor_client.post(f"/en/forums/{forum.slug}/sessions/new/", session_data(number, title))
        assert response.status_code == 302, response.content.decode()[:3000]
    first, second = forum.sessions.order_by("number")
    page = editor_client.get(f"/en/forums/{forum.slug}/edit/").content.decode()
    assert "Digital rights" in page and "Water and climate" in page and "14:00–15:30" in page
    page = editor_client.get(f"/en/forums/{forum.slug}/sessions/1/edit/").content.decode()
    assert 'value="14:00"' in page and 'value="2031-05-20"' in page and "secret-1" in page
    # 14:00 in Bishkek (UTC+6) is 08:00 UTC
    assert first.starts_at == dt.datetime(2031, 5, 20, 8, 0, tzinfo=dt.UTC)
    assert second.ends_at == dt.datetime(2031, 5, 20, 9, 30, tzinfo=dt.UTC)

    # a draft: visitors do not find it anywhere yet
    assert client.get(f"/en/forums/{forum.slug}/programme/").status_code == 404
    response = editor_client.post(f"/en/forums/{forum.slug}/publish/", {"action": "publish"})
    assert response.status_code == 302
    forum.refresh_from_db()
    assert forum.is_published
    assert Event.objects.filter(code="forums.published", object_id=str(forum.pk)).count() == 1
    assert AuditEntry.objects.filter(action="forums.forum_published", object_id=str(forum.pk)).exists()
    assert AuditEntry.objects.filter(action="forums.session_created").count() == 2

    html = client.get(f"/en/forums/{forum.slug}/programme/").content.decode()
    assert html.count('<ul class="tracks tracks-2">') == 1  # both sessions in one time slot, side by side
    slot = html.split('<ul class="tracks tracks-2">')[1].split("</ul>\n</div>")[0]
    assert "Digital rights" in slot and "Water and climate" in slot
    assert "14:00" in html and "15:30" in html and "Room 1" in html
    assert "secret-1" not in html  # the online link is never public

    calendar = icalendar.Calendar.from_ical(client.get(f"/en/forums/{forum.slug}/programme.ics").content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Digital rights", "Water and climate"}
    for event in events.values():
        assert event.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(2031, 5, 20, 8, 0, tzinfo=dt.UTC)
        assert event.decoded("DTEND").astimezone(dt.UTC) == dt.datetime(2031, 5, 20, 9, 30, tzinfo=dt.UTC)
    assert "Room 2" in str(events["Water and climate"]["LOCATION"])
    assert "What Water and climate is for." in str(events["Water and climate"]["DESCRIPTION"])
    assert str(events["Water and climate"]["URL"]).endswith(f"/en/forums/{forum.slug}/sessions/2/")
    assert b"secret-" not in client.get(f"/en/forums/{forum.slug}/programme.ics").content


def test_changing_a_published_programme_tells_followers(editor_client):
    session = SessionFactory(
        forum=ForumFactory(start_date=dt.date(2031, 5, 20), country=Country.objects.get(code="KG"))
    )
    data = session_data(session.number, "Renamed session", day="2031-05-20")
    assert (
        editor_client.post(f"/en/forums/{session.forum.slug}/sessions/{session.number}/edit/", data).status_code == 302
    )
    assert Event.objects.filter(code="forums.programme_changed", object_id=str(session.forum.pk)).count() == 1
    session.refresh_from_db()
    assert session.title["en"] == "Renamed session"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"start": "15:00", "end": "14:00"}, "end", "The session must end after it starts."),
        ({"day": "2031-06-01"}, "day", "The session must take place within the forum"),
        ({"start": "", "end": "14:00"}, "start", "Give the start time as well as the end time."),
        ({"number": "1"}, "number", "Another session of this forum has this number."),
    ],
)
def test_bad_session_times_are_explained_and_nothing_is_saved(editor_client, change, field, message):
    forum = ForumFactory(start_date=dt.date(2031, 5, 20), end_date=dt.date(2031, 5, 21))
    SessionFactory(forum=forum, number=1)
    response = editor_client.post(f"/en/forums/{forum.slug}/sessions/new/", session_data(2, "Late") | change)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_errors"' in html and message in html.replace("&#x27;", "'")
    assert forum.sessions.count() == 1


def test_bad_forum_facts_are_explained(editor_client):
    series = ForumSeriesFactory()
    response = editor_client.post(
        "/en/forums/workspace/new/",
        forum_data(series, end_date="2031-05-01", time_zone="Mars/Olympus", slug="workspace"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The forum cannot end before it starts." in html
    assert "Unknown time zone" in html and "This address is reserved" in html
    assert not Forum.objects.filter(number=9).exists()


def _image(size=(1600, 1200), fmt="JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, fmt)
    return out.getvalue()


def test_speaker_with_photo_and_affiliation_gets_a_role(editor_client, settings, tmp_path):
    client = Client()
    settings.MEDIA_ROOT = tmp_path
    session = SessionFactory(forum=ForumFactory())
    response = editor_client.post(
        "/en/forums/workspace/speakers/new/",
        {
            "name_en": "Aigul Test",
            "position_en": "Chair",
            "organisation_name_en": "Water Youth Network",
            "bio_en": "Works on water.",
            "photo": SimpleUploadedFile("me.html", _image(), content_type="text/html"),
            "photo_alt_en": "Aigul smiling",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    speaker = Speaker.objects.get(name__en="Aigul Test")
    assert speaker.content_type == "image/jpeg" and speaker.photo.name.endswith(".jpg")
    with Image.open(speaker.photo.path) as stored:
        assert max(stored.size) == 480
    url = f"/en/forums/{session.forum.slug}/sessions/{session.number}/roles/"
    assert editor_client.post(url, {"speaker": speaker.pk, "role": "moderator"}).status_code == 302
    assert Appearance.objects.get(session=session, speaker=speaker).role == "moderator"
    again = editor_client.post(url, {"speaker": speaker.pk, "role": "rapporteur"}, follow=True)
    assert "already has a role in this session" in again.content.decode()

    html = client.get(f"/en/forums/{session.forum.slug}/speakers/").content.decode()
    assert "Aigul Test" in html and "Water Youth Network" in html and "Moderator" in html
    assert 'alt="Aigul smiling"' in html
    photo = client.get(speaker.get_photo_url())
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    programme = client.get(f"/en/forums/{session.forum.slug}/programme/").content.decode()
    assert "Aigul Test" in programme and "(Moderator)" in programme


def test_a_file_that_is_not_an_image_is_refused(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = editor_client.post(
        "/en/forums/workspace/speakers/new/",
        {"name_en": "No Photo", "photo": SimpleUploadedFile("x.jpg", b"<svg onload=alert(1)>"), "photo_alt_en": "x"},
    )
    assert response.status_code == 200
    assert "This file is not an image we can read." in response.content.decode()
    assert not Speaker.objects.filter(name__en="No Photo").exists()


def test_a_photo_needs_a_description(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = editor_client.post(
        "/en/forums/workspace/speakers/new/",
        {"name_en": "Undescribed", "photo": SimpleUploadedFile("a.png", _image(fmt="PNG"))},
    )
    assert "Describe the photo for people who cannot see it." in response.content.decode()


def test_quick_tagging_saves_a_page_and_refuses_unknown_codes(editor_client):
    forum = ForumFactory()
    session = SessionFactory(forum=forum)
    recs = [RecommendationFactory(forum=forum, session=session, position=n) for n in (1, 2, 3)]
    url = f"/en/forums/{forum.slug}/tagging/"
    assert editor_client.get(url).status_code == 200
    data = {}
    for rec in recs:
        # the tags each row shows before editing
        data |= {
            f"r{rec.pk}-themes": "climate-change",
            f"r{rec.pk}-countries": "UZ",
            f"r{rec.pk}-addressees": "governments",
            f"r{rec.pk}-sdgs": "",
        }
    data |= {
        f"r{recs[0].pk}-themes": "youth, climate-change",
        f"r{recs[0].pk}-countries": "kg tj",
        f"r{recs[1].pk}-addressees": "eu governments",
        f"r{recs[1].pk}-sdgs": "5 16",
    }
    bad = data | {f"r{recs[2].pk}-themes": "space-travel", f"r{recs[2].pk}-sdgs": "99"}
    response = editor_client.post(url, bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved" in html and "Unknown: space-travel" in html and "Unknown: 99" in html
    assert {t.slug for t in Recommendation.objects.get(pk=recs[0].pk).themes.all()} == {"climate-change"}

    response = editor_client.post(url, data, follow=True)
    assert "Tags saved: 2 recommendations changed." in response.content.decode()
    first, second, third = (Recommendation.objects.get(pk=r.pk) for r in recs)
    assert {t.slug for t in first.themes.all()} == {"youth", "climate-change"}
    assert {c.code for c in first.countries.all()} == {"KG", "TJ"}
    assert {a.code for a in second.addressees.all()} == {"eu", "governments"}
    assert {g.number for g in second.sdgs.all()} == {5, 16}
    assert {t.slug for t in third.themes.all()} == {"climate-change"}
    assert {c.code for c in third.countries.all()} == {"UZ"}
    entry = AuditEntry.objects.get(action="forums.recommendations_tagged")
    assert entry.changes == {"recommendations": sorted([recs[0].pk, recs[1].pk])}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/en/forums/workspace/"),
        ("get", "/en/forums/workspace/new/"),
        ("get", "/en/forums/workspace/speakers/new/"),
        ("get", "/en/forums/{slug}/edit/"),
        ("get", "/en/forums/{slug}/sessions/new/"),
        ("get", "/en/forums/{slug}/tagging/"),
        ("post", "/en/forums/{slug}/publish/"),
        ("post", "/en/forums/{slug}/sessions/1/delete/"),
    ],
)
def test_members_get_403_and_visitors_are_asked_to_sign_in(client, method, path):
    forum = ForumFactory(is_published=False)
    SessionFactory(forum=forum, number=1)
    url = path.format(slug=forum.slug)
    response = getattr(client, method)(url, {"action": "publish"} if method == "post" else None)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert getattr(client, method)(url, {"action": "publish"} if method == "post" else None).status_code == 403
    forum.refresh_from_db()
    assert not forum.is_published and forum.sessions.count() == 1


def test_a_session_with_an_outcome_is_not_deleted(editor_client):
    session = SessionFactory()
    RecommendationFactory(forum=session.forum, session=session)
    response = editor_client.post(f"/en/forums/{session.forum.slug}/sessions/{session.number}/delete/", follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Session.objects.filter(pk=session.pk).exists()


def test_themes_of_a_forum_are_saved(editor_client):
    series = ForumSeriesFactory()
    youth = Theme.objects.get(slug="youth")
    assert editor_client.post("/en/forums/workspace/new/", forum_data(series, themes=[youth.pk])).status_code == 302
    assert list(Forum.objects.get(slug="ninth-bishkek").themes.all()) == [youth]


def test_the_workspace_lists_drafts(editor_client):
    ForumFactory(is_published=False, title={"en": "Hidden draft edition"})
    html = editor_client.get("/en/forums/workspace/").content.decode()
    assert "Hidden draft edition" in html and "Draft" in html


def test_series_are_created_and_edited(editor_client):
    response = editor_client.post(
        "/en/forums/workspace/series/new/", {"slug": "youth-forum", "title_en": "Youth forum", "position": 5}
    )
    assert response.status_code == 302
    response = editor_client.post(
        "/en/forums/workspace/series/youth-forum/", {"slug": "youth-forum", "title_en": "Youth Forum", "position": 5}
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action__startswith="forums.series_").count() == 2


def test_appearance_factory_builds_a_role():
    assert AppearanceFactory().forum_id is not None
