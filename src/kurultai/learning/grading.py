"""Grading without side effects: the questions an attempt draws, each answer's score, the quiz's grade over
attempts, and mastery (m of n, n in a row) over the answers given in order."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from kurultai.core.folding import fold


def draw_questions(pool_ids: Iterable[int], seed: int, draw: int, shuffle: bool) -> list[int]:
    """The question ids an attempt shows: N drawn from the pool with the seed (all when N is 0), shuffled if asked."""
    pool = sorted(pool_ids)
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw from a stored seed, not a secret
    if draw and draw < len(pool):
        chosen = rng.sample(pool, draw)
        return chosen if shuffle else sorted(chosen)
    if shuffle:
        rng.shuffle(pool)
    return pool


def normalise_text(value: str) -> str:
    """Case, spacing, script (Cyrillic/Latin) and apostrophes do not matter."""
    return " ".join(fold(str(value or "")).split())


def parse_number(value: Any) -> float | None:
    text = str(value or "").strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _ids(value: Any) -> set[int]:
    items = value if isinstance(value, list | tuple) else [value]
    found = set()
    for item in items:
        try:
            found.add(int(item))
        except (TypeError, ValueError):
            continue
    return found


def grade_answer(question, choices: Sequence, answer: Any) -> dict[str, Any]:
    """Score (0–1) of one answer, whether it is fully right, and the feedback of the options chosen."""
    from kurultai.learning.models import Question

    kind = question.kind
    score = 0.0
    feedback: list[str] = []
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        chosen = _ids(answer)
        by_id = {c.pk: c for c in choices}
        chosen &= set(by_id)
        feedback = [str(by_id[pk].feedback) for pk in sorted(chosen) if str(by_id[pk].feedback)]
        right = {c.pk for c in choices if c.correct}
        if kind == Question.Kind.SINGLE:
            score = 1.0 if len(chosen) == 1 and chosen <= right else 0.0
        elif right:
            score = max(0.0, (len(chosen & right) - len(chosen - right)) / len(right))
    elif kind == Question.Kind.TRUE_FALSE:
        given = str(answer).strip().lower()
        if given in ("true", "false"):
            score = 1.0 if (given == "true") == question.is_true else 0.0
    elif kind == Question.Kind.SHORT:
        given = normalise_text(answer)
        score = 1.0 if given and given in {normalise_text(a) for a in question.accepted} else 0.0
    elif kind == Question.Kind.NUMERIC:
        given = parse_number(answer)
        if given is not None and question.number is not None:
            score = 1.0 if abs(given - question.number) <= (question.tolerance or 0) + 1e-9 else 0.0
    return {"score": round(score, 4), "correct": score >= 1.0, "feedback": feedback}


def grade(scores: Sequence[float], method: str) -> float | None:
    """A quiz's grade over the scores of the submitted attempts, oldest first."""
    if not scores:
        return None
    if method == "last":
        return scores[-1]
    if method == "first":
        return scores[0]
    if method == "average":
        return sum(scores) / len(scores)
    return max(scores)


def mastered(outcomes: Sequence[bool], rule: str, m: int, n: int) -> bool:
    """Mastery over answers in order: ``m_of_n`` — at least m right among the last n; ``in_a_row`` — last n right."""
    if rule == "m_of_n":
        return n > 0 and sum(outcomes[-n:]) >= m
    if rule == "in_a_row":
        return n > 0 and len(outcomes) >= n and all(outcomes[-n:])
    return False
