"""Telegram mode against the project's fake Bot API server (extended here with ``sendPoll``, as the real API
answers it): one micro-lesson a day, quiz polls, poll answers kept as attempts."""

import pytest
from django.test import override_settings

from kurultai.learning import telegram
from kurultai.learning.models import Attempt, Block, Question, TelegramPoll
from kurultai.notifications.telegram import client as telegram_client
from kurultai.notifications.telegram.models import Link
from kurultai.notifications.telegram.ratelimit import RateLimiter
from tests.factories import UserFactory
from tests.learning.factories import TextBlockFactory, quiz_lesson
from tests.notifications.telegram.fake_bot_api import TOKEN, FakeBotApi, FakeClock, error

CHAT = 424242


class QuizPollBotApi(FakeBotApi):
    """The fake Bot API with quiz polls, checked as Telegram checks them."""

    def api_sendPoll(self, params):
        options = params.get("options") or []
        if not str(params.get("question", "")).strip() or len(params["question"]) > 300:
            return error(400, "Bad Request: poll question length must not exceed 300")
        if not 2 <= len(options) <= 10 or any(len(o["text"]) > 100 for o in options):
            return error(400, "Bad Request: poll options are invalid")
        if params.get("type") == "quiz" and not 0 <= params.get("correct_option_id", -1) < len(options):
            return error(400, "Bad Request: wrong correct option id")
        poll_id = str(next(self._ids))
        message = {
            "message_id": next(self._ids),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "poll": {"id": poll_id, "question": params["question"], "type": params.get("type", "regular"),
                     "options": [{"text": o["text"], "voter_count": 0} for o in options],
                     "is_anonymous": params.get("is_anonymous", True),
                     "correct_option_id": params.get("correct_option_id")},
        }  # fmt: skip
        return {"ok": True, "result": message}


@pytest.fixture
def bot(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(telegram_client, "LIMITER", RateLimiter(clock=fake, sleep=fake.sleep))
    with QuizPollBotApi() as api, override_settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.url):
        yield api, telegram_client.get_bot()


@pytest.mark.django_db
def test_a_linked_learner_gets_a_lesson_a_day_and_answers_its_quiz_poll(bot):
    api, client = bot
    lesson, quiz = quiz_lesson(questions=2)
    Block.objects.filter(lesson=lesson).update(position=2)
    TextBlockFactory(lesson=lesson, position=1, text={"en": "Rivers **cross** borders. " * 400})
    Question.objects.create(course=quiz.course, kind="short", text={"en": "Name it"}, accepted=["x"])
    user = UserFactory()
    Link.objects.create(user=user, chat_id=str(CHAT))
    row = telegram.start(user, quiz.course)
    assert telegram.send_due(client) == 1
    (text,) = api.sent_to(CHAT)
    assert len(text) <= 4096 and "Rivers cross borders" in text and lesson.get_absolute_url() in text
    polls = api.calls_of("sendPoll")
    assert len(polls) == 2 and all(p["type"] == "quiz" and p["is_anonymous"] is False for p in polls)
    assert telegram.send_due(client) == 0  # one lesson a day
    row.refresh_from_db()
    assert row.next_lesson == 1
    # the learner answers the first poll right, as Telegram reports it
    poll = TelegramPoll.objects.order_by("pk").first()
    right = poll.option_ids.index(poll.question.choices.get(correct=True).pk)
    update = {"poll_id": poll.poll_id, "user": {"id": CHAT, "is_bot": False, "first_name": "A"}, "option_ids": [right]}
    attempt = telegram.on_poll_answer(update)
    assert attempt.via == "telegram" and attempt.score == 1 and attempt.user == user
    assert telegram.on_poll_answer(update) is None  # the same answer twice is kept once
    assert Attempt.objects.filter(user=user).count() == 1
    # answers from another Telegram user, or for unknown polls, are ignored
    assert telegram.on_poll_answer({**update, "user": {"id": 1}}) is None
    assert telegram.on_poll_answer({**update, "poll_id": "nope"}) is None


def test_questions_that_do_not_fit_a_quiz_poll_are_left_to_the_web():
    question = Question(kind="short", text={"en": "Name the river"})
    assert telegram.poll_for(question) is None
    long = Question(kind="true_false", text={"en": "x" * 301})
    assert telegram.poll_for(long) is None
    params, values = telegram.poll_for(Question(kind="true_false", text={"en": "Water is shared"}, is_true=False))
    assert params["correct_option_id"] == 1 and values == ["true", "false"]


@pytest.mark.django_db
def test_a_poll_answer_update_goes_through_the_bots_normal_path(bot):
    from kurultai.notifications.telegram import bot as telegram_bot

    _api, client = bot
    _lesson, quiz = quiz_lesson(questions=1)
    user = UserFactory()
    Link.objects.create(user=user, chat_id=str(CHAT))
    telegram.start(user, quiz.course)
    assert telegram.send_due(client) == 1
    poll = TelegramPoll.objects.get()
    right = poll.option_ids.index(poll.question.choices.get(correct=True).pk)
    answer = {"poll_id": poll.poll_id, "user": {"id": CHAT, "is_bot": False, "first_name": "A"}, "option_ids": [right]}
    assert "poll_answer" in telegram_bot.allowed_updates()
    telegram_bot.handle({"update_id": 1, "poll_answer": answer})
    telegram_bot.handle({"update_id": 1, "poll_answer": answer})  # Telegram may deliver an update twice
    attempt = Attempt.objects.get(user=user)
    assert attempt.via == "telegram" and attempt.score == 1 and attempt.quiz == quiz
