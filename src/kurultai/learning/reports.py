"""The facilitator report of a cohort: completion matrix, score distribution, most-missed questions, inactive
learners — a fixed number of queries whatever the cohort's size."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.utils import timezone

from kurultai.learning import grading
from kurultai.learning.models import Attempt, Cohort, Lesson, LessonProgress, Question

INACTIVE_AFTER = dt.timedelta(days=14)
BANDS = [(0, 49), (50, 69), (70, 89), (90, 100)]


def cohort_report(cohort: Cohort) -> dict[str, Any]:
    course = cohort.course
    lessons = list(
        Lesson.objects.filter(module__course=course)
        .exclude(completion=Lesson.Completion.UNTRACKED)
        .order_by("module__position", "module__pk", "position", "pk")
    )
    enrolments = list(cohort.enrolments.select_related("user").order_by("user__pk"))
    user_ids = [e.user_id for e in enrolments]
    progress = defaultdict(dict)
    last: dict[int, dt.datetime] = {}
    for row in LessonProgress.objects.filter(user_id__in=user_ids, lesson__module__course=course).only(
        "user_id", "lesson_id", "completed_at", "last_seen_at"
    ):
        progress[row.user_id][row.lesson_id] = row
        last[row.user_id] = max(last.get(row.user_id, row.last_seen_at), row.last_seen_at)
    attempts = defaultdict(lambda: defaultdict(list))
    missed: Counter = Counter()
    answered: Counter = Counter()
    for attempt in (
        Attempt.objects.filter(user_id__in=user_ids, quiz__course=course, status=Attempt.Status.SUBMITTED)
        .select_related("quiz")
        .order_by("submitted_at", "pk")
    ):
        attempts[attempt.user_id][attempt.quiz_id].append((attempt.score or 0, attempt.quiz.grading))
        if attempt.submitted_at:
            last[attempt.user_id] = max(last.get(attempt.user_id, attempt.submitted_at), attempt.submitted_at)
        for question_id, result in attempt.results.items():
            answered[question_id] += 1
            if not result.get("correct"):
                missed[question_id] += 1
    now = timezone.now()
    rows = []
    bands = Counter()
    for enrolment in enrolments:
        user = enrolment.user
        cells = [
            bool(progress[user.pk].get(lesson.pk) and progress[user.pk][lesson.pk].completed_at) for lesson in lessons
        ]
        grades = [grading.grade([s for s, _m in scores], scores[0][1]) for scores in attempts[user.pk].values()]
        score = round(100 * sum(grades) / len(grades)) if grades else None
        if score is not None:
            bands[next(i for i, (low, high) in enumerate(BANDS) if low <= score <= high)] += 1
        active = last.get(user.pk)
        rows.append(
            {
                "user": user,
                "name": user.get_full_name() or user.get_username(),
                "email": user.email,
                "cells": cells,
                "done": sum(cells),
                "score": score,
                "last_active": active,
                "inactive": active is None or now - active > INACTIVE_AFTER,
                "reminded_at": enrolment.reminded_at,
            }
        )
    top = [qid for qid, _count in missed.most_common(5)]
    questions = {str(q.pk): q for q in Question.objects.filter(pk__in=[int(q) for q in top])}
    most_missed = [
        {"question": questions[qid], "missed": missed[qid], "answered": answered[qid]}
        for qid in top
        if qid in questions
    ]
    scored = sum(bands.values()) or 1
    return {
        "lessons": lessons,
        "lesson_count": len(lessons),
        "learners": rows,
        "inactive": [r for r in rows if r["inactive"]],
        "distribution": [
            {"label": f"{low}–{high}%", "count": bands[i], "share": round(100 * bands[i] / scored)}
            for i, (low, high) in enumerate(BANDS)
        ],
        "most_missed": most_missed,
    }
