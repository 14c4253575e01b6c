"""The Bot API client, its rate limiter and Telegram HTML, against the local fake Bot API (no real sleeping)."""

from __future__ import annotations

import itertools
from collections import Counter
from html.parser import HTMLParser

import pytest

from kurultai.notifications.registry import Message
from kurultai.notifications.telegram import formatting
from kurultai.notifications.telegram.client import BotApi, Forbidden, RetryLater
from kurultai.notifications.telegram.ratelimit import RateLimiter
from tests.notifications.telegram.fake_bot_api import BLOCKED, TOKEN, FakeBotApi, FakeClock, error, parse_html


@pytest.fixture
def api():
    with FakeBotApi() as server:
        yield server


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def bot(api, clock):
    client = BotApi(TOKEN, api.url, RateLimiter(clock=clock, sleep=clock.sleep))
    yield client
    client.close()


# --- rate limiter -------------------------------------------------------------------------------------------------


def test_three_messages_to_one_chat_take_two_seconds(clock):
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(3):
        limiter.acquire("42")
        times.append(clock())
    assert times[-1] - times[0] >= 2
    assert all(later - earlier >= 1 for earlier, later in itertools.pairwise(times))


def test_forty_messages_to_a_channel_spread_over_a_minute(clock):
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(40):
        limiter.acquire("@kurultai_en")
        times.append(clock())
    assert times[-1] - times[0] >= 60
    for start in times:
        assert sum(1 for t in times if start <= t < start + 60) <= 20


def test_negative_chat_ids_are_groups_with_the_channel_limit(clock):
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    for _ in range(21):
        limiter.acquire("-1001234")
    assert clock() >= 60


def test_a_hundred_chats_get_at_most_thirty_messages_per_second(clock):
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    times = []
    for chat in range(100):
        limiter.acquire(str(1000 + chat))
        times.append(clock())
    for start in times:
        assert sum(1 for t in times if start <= t < start + 1) <= 30
    per_second = Counter(int(t) for t in times)
    assert max(per_second.values()) == 30
    assert clock() >= 3


def test_different_chats_do_not_wait_for_each_other(clock):
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    for chat in range(10):
        limiter.acquire(str(chat))
    assert clock() == 0 and clock.sleeps == []


# --- client ---------------------------------------------------------------------------------------------------------


def test_messages_reach_the_api_as_telegram_html(api, bot):
    bot.send_message(42, "<b>Hello</b> &amp; welcome")
    (call,) = api.calls_of("sendMessage")
    assert call["chat_id"] == 42 and call["parse_mode"] == "HTML"
    assert api.messages["42"][0]["text"] == "Hello & welcome"


def test_429_waits_retry_after_then_succeeds(api, bot, clock):
    api.script("sendMessage", error(429, "Too Many Requests: retry after 7", retry_after=7))
    result = bot.send_message(42, "Hello")
    assert result["message_id"]
    assert len(api.calls_of("sendMessage")) == 2
    assert 7 in clock.sleeps and clock() >= 7


def test_429_that_persists_gives_up_with_retry_after(api, bot, clock):
    api.script("sendMessage", *[error(429, "Too Many Requests: retry after 5", retry_after=5)] * 3)
    with pytest.raises(RetryLater) as caught:
        bot.send_message(42, "Hello")
    assert caught.value.retry_after == 5
    assert len(api.calls_of("sendMessage")) == 3


def test_a_long_retry_after_is_not_waited_for_here(api, bot, clock):
    api.script("sendMessage", error(429, "Too Many Requests: retry after 3600", retry_after=3600))
    with pytest.raises(RetryLater) as caught:
        bot.send_message(42, "Hello")
    assert caught.value.retry_after == 3600 and clock() < 3600


def test_blocked_bot_is_forbidden(api, bot):
    api.script("sendMessage", BLOCKED)
    with pytest.raises(Forbidden, match="blocked"):
        bot.send_message(42, "Hello")


def test_unreachable_telegram_is_temporary(clock):
    client = BotApi(TOKEN, "http://127.0.0.1:9", RateLimiter(clock=clock, sleep=clock.sleep), timeout=2)
    with pytest.raises(RetryLater) as caught:
        client.call("getMe")
    assert TOKEN not in str(caught.value)


def test_server_errors_are_temporary(api, bot):
    api.script("sendMessage", error(502, "Bad Gateway"))
    with pytest.raises(RetryLater):
        bot.send_message(42, "Hello")


# --- Telegram HTML --------------------------------------------------------------------------------------------------


class TagChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def test_user_text_is_escaped(api, bot):
    message = Message(title="<script>alert(1)</script> & co", text='a < b > c "quoted"', path="/en/x/?a=1&b=2")
    text = formatting.single(message)
    plain, problem = parse_html(text)
    assert problem == ""
    assert "<script>" in plain and "a < b > c" in plain
    checker = TagChecker()
    checker.feed(text)
    assert checker.tags <= {"b", "a"}
    bot.send_message(42, text)
    assert api.messages["42"]


def test_a_digest_never_exceeds_one_message_and_stays_valid(api, bot):
    # Ampersands and angle brackets grow when escaped: the cut must still land between items.
    messages = [
        Message(title=f"Recommendation {n} <&>" * 3, text="Water & climate <progress> " * 30, path=f"/en/r/{n}/")
        for n in range(60)
    ]
    text = formatting.digest(messages, "daily", more_url="https://example.org/en/account/following/")
    assert formatting.length(text) <= 4096
    plain, problem = parse_html(text)
    assert problem == ""
    assert "more items on the site" in plain
    shown = plain.count("• ")
    assert 0 < shown < 60
    assert f"{60 - shown} more items" in plain
    bot.send_message(42, text)
    assert len(api.messages["42"]) == 1


def test_a_single_huge_message_is_shortened_not_refused(api, bot):
    text = formatting.single(Message(title="T" * 1000, text="ж&" * 5000, path="/en/"))
    assert formatting.length(text) <= 4096
    assert parse_html(text)[1] == ""
    bot.send_message(42, text)


def test_the_fake_api_refuses_what_telegram_refuses(api, bot):
    from kurultai.notifications.telegram.client import BadRequest

    for bad in ("<div>x</div>", "<b>x", "a & b", "x" * 4097):
        with pytest.raises(BadRequest):
            bot.send_message(42, bad)
