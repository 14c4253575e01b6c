"""A member follows a forum and a country, links Telegram, takes a daily email digest; news then reaches them."""

from __future__ import annotations

import io
import json
import re
import zipfile

import feedparser
import icalendar
import pytest
from django.core import mail

from kurultai.accounts.services import erase_account
from kurultai.core.calendars import personal_calendar_urls
from kurultai.followup import services as followup
from kurultai.forums.models import Recommendation
from kurultai.notifications.models import Delivery, Subscription
from kurultai.notifications.services import drain
from kurultai.notifications.telegram.models import Link
from tests.factories import UserFactory
from tests.notifications.telegram.conftest import message_update, post_update

pytestmark = pytest.mark.django_db

CHAT = 424242


def test_follow_link_telegram_digest_calendars_feed_and_privacy(
    client, demo, telegram, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://kurultai.example.org"
    member = UserFactory(email="dilnoza@cso.example", preferred_language="ru")
    client.force_login(member)

    # Follow the 2021 Almaty forum from its page, and follow-up news in Tajikistan with filters.
    client.post("/en/follow/", {"kind": "forum", "key": "2021-almaty", "next": "/en/forums/2021-almaty/"})
    client.post(
        "/en/account/notifications/new/",
        {"stream": "followup", "dim_country": ["TJ"], "channels": ["email"], "frequency": "daily"},
    )
    forum_sub = Subscription.objects.get(user=member, signature="forum=2021-almaty")

    # Link Telegram with /start and a one-time token from the profile page.
    page = client.post("/en/account/telegram/link/").content.decode()
    token = re.search(r"start=([\w-]+)", page).group(1)
    assert post_update(client, message_update(CHAT, f"/start {token}", language_code="ru")).status_code == 200
    assert Link.objects.filter(user=member, chat_id=str(CHAT)).exists()
    client.post(
        f"/en/account/notifications/{forum_sub.pk}/",
        {f"s{forum_sub.pk}-channels": ["telegram"], f"s{forum_sub.pk}-frequency": "immediate"},
    )

    # An editor posts an update on a 2021 recommendation about Tajikistan.
    editor = UserFactory(role="editor")
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=1, position=1)
    sent_before = len(telegram.sent_to(CHAT))
    with django_capture_on_commit_callbacks(execute=True):
        followup.post_update(editor, rec, status="in_progress", text="Первые центры открыты.", reporter="secretariat")
    news = telegram.sent_to(CHAT)[sent_before:]
    assert len(news) == 1 and "2021-S1-R1" in news[0] and "Выполняется" in news[0]
    assert mail.outbox == []  # the email waits for the digest hour

    due = Delivery.objects.get(user=member, channel="email").due_at
    drain(now=due)
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    body = digest.body
    assert "Первые центры открыты." in body
    assert f"https://kurultai.example.org/ru/recommendations/{rec.pk}/" in body
    assert not re.search(r'href="/', digest.alternatives[0][0])
    unsubscribe = re.search(r"<(https://[^>]+)>", digest.extra_headers["List-Unsubscribe"]).group(1)
    client.logout()
    assert client.post(unsubscribe.removeprefix("https://kurultai.example.org")).status_code == 200
    assert Subscription.objects.get(user=member, signature="country=TJ|stream=followup").channels == []

    # Calendars parse: the forum programme and the member's personal calendar.
    programme = icalendar.Calendar.from_ical(client.get("/en/forums/2021-almaty/programme.ics").content)
    assert programme.walk("VEVENT")
    personal_path = personal_calendar_urls(member)["https"].removeprefix("https://kurultai.example.org")
    personal = icalendar.Calendar.from_ical(client.get(personal_path).content)
    assert personal.walk("VEVENT")

    # The recommendation list advertises an Atom feed that a feed reader parses, with no script in it.
    listing = client.get("/en/recommendations/").content.decode()
    feed_path = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', listing).group(1)
    raw = client.get(feed_path.replace("&amp;", "&")).content
    feed = feedparser.parse(raw)
    assert not feed.bozo and feed.entries
    assert b"<script" not in raw.lower()

    # "Download my data" holds the follows and the Telegram link; erasure leaves none of them.
    client.force_login(member)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/en/account/data/").content))
    data = json.loads(archive.read("data.json"))
    assert {s["signature"] for s in data["subscriptions"]} == {"forum=2021-almaty", "country=TJ|stream=followup"}
    assert any(str(CHAT) in json.dumps(rows) for name, rows in data.items() if "telegram" in name)
    erase_account(member)
    assert not Subscription.objects.filter(user=member).exists()
    assert not Link.objects.filter(user=member).exists()
