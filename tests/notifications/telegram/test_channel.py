"""Notifications reaching Telegram chats and channels through the delivery system, and the pages around them."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kurultai.core.models import AuditEntry
from kurultai.notifications.channels import PermanentFailure, TemporaryFailure
from kurultai.notifications.models import Delivery, Subscription
from kurultai.notifications.registry import EventType, Message, channels, events
from kurultai.notifications.services import drain, emit, subscribe
from kurultai.notifications.telegram.models import ChannelPost, Link, LinkToken
from tests.factories import UserFactory
from tests.notifications.telegram.fake_bot_api import BLOCKED, error, parse_html

pytestmark = pytest.mark.django_db

CHAT = "777001"
NEWS = "telegram_test.news"
events.register(
    EventType(
        code=NEWS,
        label="News for tests",
        render=lambda e: Message(title=e.params["title"], text=e.params.get("text", ""), path="/en/follow-up/"),
        public=True,
    )
)
TOPICS = {"country": ["KZ"], "theme": ["climate-change"]}


def news(capture, title: str, text: str = "Progress reported.", topics=TOPICS):
    with capture(execute=True):
        return emit(NEWS, None, topics=topics, params={"title": title, "text": text})


@pytest.fixture
def anonymous_chat(telegram):
    return subscribe(user=None, address=CHAT, channels=["telegram"], terms={"country": ["KZ"]}, language="en")


def linked(user, chat_id=CHAT):
    return Link.objects.create(user=user, chat_id=chat_id)


def test_news_arrives_in_a_chat_without_an_account(telegram, anonymous_chat, django_capture_on_commit_callbacks):
    news(django_capture_on_commit_callbacks, "Water <law> & order")
    (text,) = telegram.sent_to(CHAT)
    plain, problem = parse_html(text)
    assert problem == "" and "Water <law> & order" in plain
    assert 'href="http://127.0.0.1:8000/en/follow-up/"' in text
    assert Delivery.objects.get(address=CHAT).status == Delivery.Status.SENT


def test_a_linked_member_gets_news_in_their_chat(telegram, django_capture_on_commit_callbacks):
    user = UserFactory(preferred_language="en")
    linked(user)
    subscribe(user=user, terms={"theme": ["climate-change"]}, channels=["telegram"], frequency="immediate")
    news(django_capture_on_commit_callbacks, "Climate update")
    assert "Climate update" in telegram.sent_to(CHAT)[0]


def test_a_chat_followed_with_and_without_an_account_gets_each_news_once(
    telegram, anonymous_chat, django_capture_on_commit_callbacks
):
    user = UserFactory(preferred_language="en")
    linked(user)
    subscribe(user=user, terms={"theme": ["climate-change"]}, channels=["telegram"], frequency="immediate")
    news(django_capture_on_commit_callbacks, "Once only")
    assert len(telegram.sent_to(CHAT)) == 1
    assert Delivery.objects.filter(status=Delivery.Status.SKIPPED, last_error__contains="already sent").count() == 1


def test_429_waits_and_then_delivers(telegram, clock, anonymous_chat, django_capture_on_commit_callbacks):
    telegram.script("sendMessage", error(429, "Too Many Requests: retry after 2", retry_after=2))
    news(django_capture_on_commit_callbacks, "Busy moment")
    assert clock() >= 2
    assert len(telegram.calls_of("sendMessage")) == 2
    assert Delivery.objects.get(address=CHAT).status == Delivery.Status.SENT


def test_persistent_429_is_retried_later(telegram, anonymous_chat):
    telegram.script("sendMessage", *[error(429, "Too Many Requests: retry after 30", retry_after=30)] * 3)
    with pytest.raises(TemporaryFailure) as caught:
        channels.get("telegram").send(CHAT, "en", [Message(title="Later")])
    assert caught.value.retry_after == 30


def test_a_blocked_bot_stops_deliveries_to_that_chat(telegram, anonymous_chat, django_capture_on_commit_callbacks):
    user = UserFactory()
    linked(user, CHAT)
    telegram.blocked.add(CHAT)
    news(django_capture_on_commit_callbacks, "Nobody reads this")
    assert Delivery.objects.get(address=CHAT).status == Delivery.Status.FAILED
    assert not Subscription.objects.filter(address=CHAT).exists()
    assert not Link.objects.filter(chat_id=CHAT, active=True).exists()
    assert channels.get("telegram").address_for(user) is None


def test_403_is_a_permanent_failure(telegram):
    telegram.script("sendMessage", BLOCKED)
    with pytest.raises(PermanentFailure):
        channels.get("telegram").send(CHAT, "en", [Message(title="x")])


def test_a_daily_digest_is_one_valid_message(telegram, django_capture_on_commit_callbacks):
    subscribe(user=None, address=CHAT, channels=["telegram"], terms={"country": ["KZ"]}, frequency="daily")
    for n in range(40):
        news(django_capture_on_commit_callbacks, f"Item {n} <&>", text="Long text & more " * 40)
    assert telegram.sent_to(CHAT) == []
    drain(now=timezone.now() + timezone.timedelta(days=2))
    (text,) = telegram.sent_to(CHAT)
    plain, problem = parse_html(text)
    assert problem == "" and len(text) <= 4096
    assert "Your daily digest: 40 new items" in plain and "more items on the site" in plain


def test_without_a_token_nobody_is_reachable_and_nothing_is_posted(settings, django_capture_on_commit_callbacks):
    settings.TELEGRAM_BOT_TOKEN = ""
    settings.TELEGRAM_CHANNELS = {"en": "@kurultai_en"}
    user = UserFactory()
    linked(user)
    assert channels.get("telegram").address_for(user) is None
    news(django_capture_on_commit_callbacks, "Quiet")
    assert not ChannelPost.objects.exists()


# --- public channels ------------------------------------------------------------------------------------------------


def test_public_news_is_posted_to_the_channel_once_approved(client, telegram, django_capture_on_commit_callbacks):
    news(django_capture_on_commit_callbacks, "Recommendation 2021-S2-R3 <accepted>")
    posts = {p.language: p for p in ChannelPost.objects.all()}
    assert set(posts) == {"en", "ru"} and all(p.status == "pending" for p in posts.values())
    assert telegram.sent_to("@kurultai_en") == []

    editor = UserFactory(role="editor")
    client.force_login(editor)
    page = client.get("/en/telegram/posts/").content.decode()
    assert "Recommendation 2021-S2-R3 &lt;accepted&gt;" in page and "@kurultai_ru" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/telegram/posts/{posts['en'].pk}/approve/")
    assert response.status_code == 302
    (text,) = telegram.sent_to("@kurultai_en")
    assert "Recommendation 2021-S2-R3 &lt;accepted&gt;" in text
    posts["en"].refresh_from_db()
    assert posts["en"].status == "sent" and posts["en"].approved_by == editor and posts["en"].message_id
    assert AuditEntry.objects.filter(action="telegram.post_approved", object_id=str(posts["en"].pk)).exists()

    client.post(f"/en/telegram/posts/{posts['ru'].pk}/reject/")
    assert ChannelPost.objects.get(pk=posts["ru"].pk).status == "rejected"
    # A second click on an old page changes nothing and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/telegram/posts/{posts['en'].pk}/approve/")
        client.post(f"/en/telegram/posts/{posts['ru'].pk}/approve/")
    assert len(telegram.sent_to("@kurultai_en")) == 1 and telegram.sent_to("@kurultai_ru") == []


def test_only_editors_review_channel_posts(client, telegram, django_capture_on_commit_callbacks):
    news(django_capture_on_commit_callbacks, "Public news")
    post = ChannelPost.objects.first()
    assert client.get("/en/telegram/posts/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/en/telegram/posts/").status_code == 403
    assert client.post(f"/en/telegram/posts/{post.pk}/approve/").status_code == 403
    assert ChannelPost.objects.get(pk=post.pk).status == "pending"
    client.force_login(UserFactory(role="editor"))
    assert client.get("/en/telegram/posts/").status_code == 200


def test_news_that_is_not_public_never_reaches_channels(telegram, django_capture_on_commit_callbacks):
    code = "telegram_test.private"
    if code not in events:
        events.register(EventType(code=code, label="Private", render=lambda e: Message(title="Private")))
    with django_capture_on_commit_callbacks(execute=True):
        emit(code, None, topics=TOPICS)
    assert not ChannelPost.objects.exists()


# --- profile page and privacy -------------------------------------------------------------------------------------


def test_profile_says_when_telegram_is_off(client, settings):
    settings.TELEGRAM_BOT_TOKEN = ""
    client.force_login(UserFactory())
    page = client.get("/en/account/").content.decode()
    assert "Telegram is not set up on this server" in page and "Link Telegram" not in page
    assert client.post("/en/account/telegram/link/").status_code == 404


def test_profile_links_and_unlinks(client, telegram):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/en/account/").content.decode()
    assert 'action="/en/account/telegram/link/"' in page
    link_page = client.post("/en/account/telegram/link/").content.decode()
    assert "https://t.me/kurultai_test_bot?start=" in link_page
    assert '<svg role="img"' in link_page  # a QR code of the link, to scan with a phone
    assert LinkToken.objects.filter(user=user, used_at__isnull=True).count() == 1
    # A second link replaces the first: only the newest token works.
    client.post("/en/account/telegram/link/")
    assert LinkToken.objects.filter(user=user, used_at__isnull=True).count() == 1

    linked(user)
    response = client.post("/en/account/telegram/unlink/", follow=True)
    assert "no longer linked" in response.content.decode()
    assert not Link.objects.filter(user=user, active=True).exists()
    assert AuditEntry.objects.filter(action="telegram.unlinked").exists()
    assert client.get("/en/account/telegram/unlink/").status_code == 405


def test_telegram_cannot_be_reached_when_linking(client, telegram):
    telegram.script("getMe", error(502, "Bad Gateway"))
    client.force_login(UserFactory())
    response = client.post("/en/account/telegram/link/", follow=True)
    assert "cannot be reached" in response.content.decode()
    assert not LinkToken.objects.exists()


def test_links_are_exported_and_erased_with_the_account(telegram):
    from kurultai.core.privacy import erase, personal_data

    user = UserFactory()
    linked(user)
    data = personal_data(user)
    assert data["telegram_link"][0]["chat_id"] == CHAT
    erase(user)
    assert not Link.objects.filter(user=user).exists()


def test_administrators_read_links_and_posts_in_the_admin(client, telegram):
    linked(UserFactory())
    client.force_login(UserFactory(role="admin"))
    for page in ("/admin/telegram/link/", "/admin/telegram/channelpost/"):
        assert client.get(page).status_code == 200, page


def test_telegram_pages_are_valid_html(client, telegram, django_capture_on_commit_callbacks):
    from tests.test_html_validity import assert_valid

    news(django_capture_on_commit_callbacks, "Valid <html> & all")
    editor = UserFactory(role="editor")
    client.force_login(editor)
    assert_valid(client.get("/en/account/").content.decode(), "profile, not linked")
    assert_valid(client.post("/en/account/telegram/link/").content.decode(), "link page")
    assert_valid(client.get("/en/telegram/posts/").content.decode(), "channel posts")
    linked(editor)
    assert_valid(client.get("/en/account/").content.decode(), "profile, linked")
