"""Attempts keep their answers, score, time, offline flag and the rules in force; bad input is refused with a
reason and counted once."""

import datetime as dt

import pytest
from django.core import signing
from django.utils import timezone

from kurultai.core.models import AuditEntry
from kurultai.learning import services
from kurultai.learning.models import Attempt, LessonProgress, Quiz, Refusal
from tests.factories import UserFactory
from tests.learning.factories import quiz_lesson, right_answers

pytestmark = pytest.mark.django_db


def test_an_attempt_keeps_answers_score_time_offline_flag_and_rules():
    lesson, quiz = quiz_lesson(questions=2, pass_mark=50, grading=Quiz.Grading.LAST)
    user = UserFactory()
    draw = services.new_draw(quiz)
    answers = right_answers(quiz, draw["drawn"])
    first = str(draw["drawn"][0])
    answers[first] = 0  # wrong
    attempt = services.submit(
        quiz, user, token=draw["token"], key=draw["key"], answers=answers, seconds=75, offline=True
    )
    assert attempt.score == 0.5 and attempt.passed
    assert attempt.answers == {k: v for k, v in answers.items()}
    assert attempt.seconds == 75 and attempt.offline
    assert attempt.rules["pass_mark"] == 50 and attempt.rules["grading"] == "last"
    assert attempt.seed == draw["seed"] and attempt.drawn == draw["drawn"]
    quiz.pass_mark = 90
    quiz.save()
    attempt.refresh_from_db()
    assert attempt.rules["pass_mark"] == 50  # the snapshot does not follow later changes
    assert AuditEntry.objects.filter(action="learning.attempt", object_id=str(attempt.pk)).exists()
    assert LessonProgress.objects.get(lesson=lesson, user=user).completed_at is not None


def refused(quiz, learner, **kwargs):
    with pytest.raises(services.Refused) as caught:
        services.submit(quiz, learner, **kwargs)
    return caught.value.reason


def test_a_second_submission_of_the_same_attempt_is_refused_and_counted_once():
    _lesson, quiz = quiz_lesson()
    user = UserFactory()
    draw = services.new_draw(quiz)
    kwargs = {"token": draw["token"], "key": draw["key"], "answers": right_answers(quiz, draw["drawn"])}
    services.submit(quiz, user, **kwargs)
    assert refused(quiz, user, **kwargs) == "resubmitted"
    assert refused(quiz, user, **kwargs) == "resubmitted"
    assert Attempt.objects.count() == 1
    assert Refusal.objects.filter(reason="resubmitted").count() == 1


def test_offline_answers_replayed_twice_are_kept_once():
    _lesson, quiz = quiz_lesson()
    draw = services.new_draw(quiz)
    kwargs = {"token": draw["token"], "key": draw["key"], "answers": {}, "offline": True}
    services.submit(quiz, "guest-1", **kwargs)
    assert refused(quiz, "guest-1", **kwargs) == "replayed"
    assert refused(quiz, "guest-1", **kwargs) == "replayed"
    assert Attempt.objects.count() == 1 and Refusal.objects.filter(reason="replayed").count() == 1


def test_answers_to_a_closed_quiz_are_refused():
    _lesson, quiz = quiz_lesson(closes_at=timezone.now() - dt.timedelta(minutes=1))
    draw = services.new_draw(quiz)
    for _ in range(2):
        assert refused(quiz, UserFactory(), token=draw["token"], key=draw["key"], answers={}) == "closed"
    assert not Attempt.objects.exists() and Refusal.objects.filter(reason="closed").count() == 1


def test_answers_for_questions_not_drawn_are_refused():
    _lesson, quiz = quiz_lesson(questions=4, draw=2)
    draw = services.new_draw(quiz)
    other = next(pk for pk in quiz.questions.values_list("pk", flat=True) if pk not in draw["drawn"])
    reason = refused(quiz, UserFactory(), token=draw["token"], key=draw["key"], answers={str(other): 1})
    assert reason == "not_drawn" and not Attempt.objects.exists()


def test_a_tampered_seed_is_refused():
    _lesson, quiz = quiz_lesson(questions=4, draw=2)
    draw = services.new_draw(quiz)
    value = signing.loads(draw["token"], salt=services.DRAW_SALT)
    forged = signing.dumps({**value, "s": value["s"] + 1}, salt="not the right one")
    user = UserFactory()
    assert refused(quiz, user, token=forged, key=draw["key"], answers={}) == "tampered"
    assert refused(quiz, user, token=draw["token"][:-2] + "xx", key=draw["key"], answers={}) == "tampered"
    assert refused(quiz, user, token="", key=draw["key"], answers={}) == "tampered"
    assert not Attempt.objects.exists()


def test_attempts_allowed_and_grading_over_attempts():
    _lesson, quiz = quiz_lesson(questions=1, attempts_allowed=2, grading=Quiz.Grading.FIRST)
    user = UserFactory()
    draw = services.new_draw(quiz)
    services.submit(quiz, user, token=draw["token"], key="a" * 32, answers={})
    services.submit(quiz, user, token=draw["token"], key="b" * 32, answers=right_answers(quiz, draw["drawn"]))
    assert services.quiz_grade(quiz, user) == 0
    assert refused(quiz, user, token=draw["token"], key="c" * 32, answers={}) == "no_attempts"


def test_mastery_n_in_a_row_completes_a_practice_lesson():
    lesson, quiz = quiz_lesson(questions=1, mastery=Quiz.Mastery.IN_A_ROW, mastery_n=2, pass_mark=100)
    quiz.pass_mark = 101  # no score reaches it: only mastery completes the lesson
    quiz.save()
    user = UserFactory()
    draw = services.new_draw(quiz)
    right = right_answers(quiz, draw["drawn"])
    progress = lambda: LessonProgress.objects.get(lesson=lesson, user=user).completed_at  # noqa: E731
    services.submit(quiz, user, token=draw["token"], key="1" * 32, answers={})
    services.submit(quiz, user, token=draw["token"], key="2" * 32, answers=right)
    assert progress() is None
    services.submit(quiz, user, token=draw["token"], key="3" * 32, answers=right)
    assert progress() is not None
