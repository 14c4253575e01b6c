"""Every question type, every grading method and the mastery rules, without the database where possible."""

import pytest

from kurultai.learning import grading
from kurultai.learning.models import Choice, Question


def q(kind, **kw):
    return Question(kind=kind, **kw)


def options(*flags, feedback=None):
    return [
        Choice(pk=i + 1, correct=flag, feedback={"en": (feedback or {}).get(i + 1, "")}) for i, flag in enumerate(flags)
    ]


def test_single_choice_right_wrong_and_feedback_of_the_chosen_option():
    choices = options(True, False, feedback={2: "Rivers cross borders."})
    assert grading.grade_answer(q("single"), choices, "1")["score"] == 1
    wrong = grading.grade_answer(q("single"), choices, "2")
    assert wrong["score"] == 0 and wrong["feedback"] == ["Rivers cross borders."]
    assert grading.grade_answer(q("single"), choices, ["1", "2"])["score"] == 0
    assert grading.grade_answer(q("single"), choices, "99")["score"] == 0


def test_multiple_choice_gives_partial_credit_and_takes_it_back_for_wrong_options():
    choices = options(True, True, False, False)
    assert grading.grade_answer(q("multiple"), choices, ["1", "2"])["score"] == 1
    assert grading.grade_answer(q("multiple"), choices, ["1"])["score"] == 0.5
    assert grading.grade_answer(q("multiple"), choices, ["1", "3"])["score"] == 0
    assert grading.grade_answer(q("multiple"), choices, ["3", "4"])["score"] == 0
    assert grading.grade_answer(q("multiple"), choices, "junk")["score"] == 0


def test_true_false():
    assert grading.grade_answer(q("true_false", is_true=False), [], "false")["correct"]
    assert not grading.grade_answer(q("true_false", is_true=False), [], "true")["correct"]
    assert not grading.grade_answer(q("true_false", is_true=True), [], "maybe")["correct"]


@pytest.mark.parametrize("given", ["Amu Darya", "  amu   DARYA ", "Аму Дарья", "Amudarya"[:0] + "AMU darya"])
def test_short_text_ignores_case_spacing_and_script(given):
    assert grading.grade_answer(q("short", accepted=["Amu Darya"]), [], given)["correct"]


def test_short_text_folds_apostrophes_and_rejects_other_words():
    question = q("short", accepted=["Oʻzbekiston"])
    assert grading.grade_answer(question, [], "O'zbekiston")["correct"]
    assert grading.grade_answer(question, [], "Ўзбекистон")["correct"]
    assert not grading.grade_answer(question, [], "Tojikiston")["correct"]
    assert not grading.grade_answer(question, [], "")["correct"]


def test_numeric_with_tolerance_and_a_decimal_comma():
    question = q("numeric", number=3.5, tolerance=0.1)
    assert grading.grade_answer(question, [], "3,45")["correct"]
    assert grading.grade_answer(question, [], "3.6")["correct"]
    assert not grading.grade_answer(question, [], "3.7")["correct"]
    assert not grading.grade_answer(question, [], "nan")["correct"]
    assert not grading.grade_answer(question, [], "three")["correct"]


@pytest.mark.parametrize(("method", "expected"), [("highest", 0.9), ("last", 0.6), ("first", 0.3), ("average", 0.6)])
def test_grading_methods(method, expected):
    assert grading.grade([0.3, 0.9, 0.6], method) == pytest.approx(expected)
    assert grading.grade([], method) is None


def test_mastery_m_of_n_and_n_in_a_row():
    assert grading.mastered([True, False, True, True], "m_of_n", 3, 4)
    assert not grading.mastered([True, False, False, True], "m_of_n", 3, 4)
    assert grading.mastered([False, True, True, True], "in_a_row", 3, 3)
    assert not grading.mastered([True, True, False], "in_a_row", 3, 3)
    assert not grading.mastered([True, True], "in_a_row", 3, 3)


def test_a_seed_draws_the_same_questions_every_time():
    pool = list(range(1, 21))
    first = grading.draw_questions(pool, 42, 5, shuffle=True)
    assert first == grading.draw_questions(list(reversed(pool)), 42, 5, shuffle=True)
    assert len(set(first)) == 5 and set(first) <= set(pool)
    assert grading.draw_questions(pool, 42, 0, shuffle=False) == pool
    assert grading.draw_questions(pool, 7, 5, shuffle=False) == sorted(
        grading.draw_questions(pool, 7, 5, shuffle=False)
    )
