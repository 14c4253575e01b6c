"""Every state change of the learning app: progress, quiz attempts (with refusals counted once), cohorts,
announcements and reminders, guests' progress kept at sign-up (authoring is in ``authoring``).

A *learner* is a signed-in user or a guest id (a string from the signed guest cookie).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kurultai.core.audit import record
from kurultai.learning import grading
from kurultai.learning.audit import LearningAction
from kurultai.learning.models import (
    Announcement,
    Attempt,
    Cohort,
    Course,
    Enrolment,
    Invitation,
    Lesson,
    LessonProgress,
    Question,
    Quiz,
    Refusal,
)

DRAW_SALT = "kurultai.learning.draw"
MAX_SECONDS = 24 * 3600


class Refused(Exception):
    """Answers not accepted; ``reason`` is a :class:`Refusal.Reason`."""

    def __init__(self, reason: str, attempt: Attempt | None = None) -> None:
        super().__init__(str(Refusal.Reason(reason).label))
        self.reason = reason
        self.attempt = attempt


def _is_user(learner: Any) -> bool:
    return not isinstance(learner, str)


def _owner(learner: Any) -> dict[str, Any]:
    return {"user": learner, "guest_id": ""} if _is_user(learner) else {"user": None, "guest_id": learner}


# --- progress -------------------------------------------------------------------------------------------------


def open_lesson(lesson: Lesson, learner: Any) -> LessonProgress:
    """The learner opened the lesson: start or refresh its progress row; complete "opened" lessons."""
    now = timezone.now()
    progress = LessonProgress.objects.of(learner).filter(lesson=lesson).first()
    if progress is None:
        try:
            with transaction.atomic():
                progress = LessonProgress.objects.create(
                    lesson=lesson, opened_at=now, last_seen_at=now, **_owner(learner)
                )
        except IntegrityError:
            progress = LessonProgress.objects.of(learner).get(lesson=lesson)
    else:
        LessonProgress.objects.filter(pk=progress.pk).update(last_seen_at=now)
        progress.last_seen_at = now
    _update_completion(progress)
    return progress


def report_time(lesson: Lesson, learner: Any, seconds: int) -> LessonProgress:
    """The page's beacon: seconds spent reading, kept as the highest reported (bounded by the time since opening)."""
    progress = open_lesson(lesson, learner)
    elapsed = int((timezone.now() - progress.opened_at).total_seconds()) + 5
    seconds = max(0, min(int(seconds), elapsed, MAX_SECONDS))
    if seconds > progress.reported_seconds:
        LessonProgress.objects.filter(pk=progress.pk).update(reported_seconds=seconds)
        progress.reported_seconds = seconds
    _update_completion(progress)
    return progress


def finish_lesson(lesson: Lesson, learner: Any) -> LessonProgress:
    """The learner pressed "done": the server measures open → now without any script."""
    return open_lesson(lesson, learner)


def lesson_quizzes(lesson: Lesson) -> list[Quiz]:
    return [b.quiz for b in lesson.blocks.all() if b.quiz_id]


def quiz_passed(quiz: Quiz, learner: Any) -> bool:
    """Mastery for practice quizzes with a rule, else the graded score against the pass mark."""
    attempts = list(
        Attempt.objects.of(learner).filter(quiz=quiz, status=Attempt.Status.SUBMITTED).order_by("submitted_at", "pk")
    )
    if quiz.mastery != Quiz.Mastery.NONE:
        outcomes = [r.get("correct", False) for a in attempts for _q, r in sorted_results(a)]
        if grading.mastered(outcomes, quiz.mastery, quiz.mastery_m, quiz.mastery_n):
            return True
    score = grading.grade([a.score or 0 for a in attempts], quiz.grading)
    return score is not None and score * 100 >= quiz.pass_mark


def sorted_results(attempt: Attempt) -> list[tuple[str, dict]]:
    order = [str(q) for q in attempt.drawn]
    return [(q, attempt.results[q]) for q in order if q in attempt.results]


def _update_completion(progress: LessonProgress) -> None:
    if progress.completed_at:
        return
    lesson = progress.lesson
    done = False
    if lesson.completion == Lesson.Completion.OPENED:
        done = True
    elif lesson.completion == Lesson.Completion.TIME:
        done = progress.seconds >= lesson.min_seconds
    elif lesson.completion == Lesson.Completion.MASTERY:
        learner = progress.user if progress.user_id else progress.guest_id
        quizzes = lesson_quizzes(lesson)
        done = bool(quizzes) and all(quiz_passed(q, learner) for q in quizzes)
    if done:
        progress.completed_at = timezone.now()
        LessonProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
            completed_at=progress.completed_at
        )
        if progress.user_id:
            course_id, user_id = lesson.module.course_id, progress.user_id
            transaction.on_commit(lambda: _maybe_certify(course_id, user_id))


# --- quizzes --------------------------------------------------------------------------------------------------


def new_draw(quiz: Quiz) -> dict[str, Any]:
    """A fresh attempt's questions: a seed, the ids drawn, a signed token of both and an idempotency key."""
    seed = secrets.randbelow(2**31)
    drawn = grading.draw_questions(quiz.questions.values_list("pk", flat=True), seed, quiz.draw, quiz.shuffle)
    issued = int(timezone.now().timestamp())
    token = signing.dumps({"q": quiz.pk, "s": seed, "d": drawn, "t": issued}, salt=DRAW_SALT, compress=True)
    return {"seed": seed, "drawn": drawn, "token": token, "key": str(secrets.token_hex(16))}


def read_draw(quiz: Quiz, token: str) -> tuple[int, list[int]]:
    """The seed and questions of a signed draw; a changed seed, draw or quiz raises ``BadSignature``."""
    data = signing.loads(token, salt=DRAW_SALT)
    if not isinstance(data, dict) or data.get("q") != quiz.pk:
        raise signing.BadSignature("another quiz")
    seed, drawn = int(data["s"]), [int(x) for x in data["d"]]
    pool = list(quiz.questions.values_list("pk", flat=True))
    if drawn != grading.draw_questions(pool, seed, quiz.draw, quiz.shuffle):
        raise signing.BadSignature("draw does not follow from the seed")
    return seed, drawn


def _refuse(quiz: Quiz, reason: str, fingerprint: str, learner: Any, attempt: Attempt | None = None) -> Refused:
    """Record a refusal once per (reason, fingerprint) and return the exception to raise."""
    user = learner if _is_user(learner) else None
    fingerprint = hashlib.sha256(f"{quiz.pk}:{fingerprint}".encode()).hexdigest()
    try:
        with transaction.atomic():
            refusal = Refusal.objects.create(
                quiz=quiz, attempt=attempt, user=user, reason=reason, fingerprint=fingerprint
            )
            record(user, LearningAction.ANSWERS_REFUSED, refusal, {"reason": reason, "quiz": quiz.pk})
    except IntegrityError:
        pass
    return Refused(reason, attempt)


def attempts_left(quiz: Quiz, learner: Any) -> int | None:
    if not quiz.attempts_allowed:
        return None
    used = Attempt.objects.of(learner).filter(quiz=quiz, status=Attempt.Status.SUBMITTED).count()
    return max(0, quiz.attempts_allowed - used)


def submit(
    quiz: Quiz,
    learner: Any,
    *,
    token: str,
    key: str,
    answers: dict[str, Any],
    seconds: int = 0,
    offline: bool = False,
    via: str = "web",
) -> Attempt:
    """Grade and keep one attempt. Refused (each counted once): a closed quiz, a resubmitted or replayed key,
    answers for questions not drawn, a draw whose signature does not match, no attempts left."""
    key = str(key or "").strip()[:64]
    if not key:
        key = secrets.token_hex(16)
    existing = _by_key(key)
    if existing is not None:
        raise _refuse(quiz, Refusal.Reason.REPLAYED if offline else Refusal.Reason.RESUBMITTED, key, learner, existing)
    if quiz.is_closed:
        raise _refuse(quiz, Refusal.Reason.CLOSED, key, learner)
    try:
        seed, drawn = read_draw(quiz, token)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise _refuse(quiz, Refusal.Reason.TAMPERED, str(token)[:500], learner) from None
    if not seconds and not offline:  # no script to report it: the time since the form was shown
        try:
            issued = int(signing.loads(token, salt=DRAW_SALT).get("t", 0))
        except (signing.BadSignature, TypeError, ValueError):
            issued = 0
        seconds = int(timezone.now().timestamp()) - issued if issued else 0
    given = {str(k): v for k, v in (answers or {}).items()}
    if set(given) - {str(q) for q in drawn}:
        raise _refuse(quiz, Refusal.Reason.NOT_DRAWN, key, learner)
    left = attempts_left(quiz, learner)
    if left == 0:
        raise _refuse(quiz, Refusal.Reason.NO_ATTEMPTS_LEFT, key, learner)
    return keep_attempt(
        quiz, learner, key=key, seed=seed, drawn=drawn, answers=given, seconds=seconds, offline=offline, via=via
    )


def keep_attempt(
    quiz: Quiz,
    learner: Any,
    *,
    key: str,
    seed: int,
    drawn: list[int],
    answers: dict[str, Any],
    seconds: int = 0,
    offline: bool = False,
    via: str = "web",
) -> Attempt:
    """Grade checked answers and keep the attempt with the rules in force; then lessons, then certificates."""
    questions = {q.pk: q for q in Question.objects.filter(pk__in=drawn).prefetch_related("choices")}
    results = {}
    for pk in drawn:
        question = questions.get(pk)
        if question is None:
            continue
        results[str(pk)] = grading.grade_answer(question, list(question.choices.all()), answers.get(str(pk), ""))
    score = sum(r["score"] for r in results.values()) / len(results) if results else 0.0
    now = timezone.now()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                key=_uuid(key),
                seed=seed,
                drawn=drawn,
                status=Attempt.Status.SUBMITTED,
                answers=answers,
                results=results,
                score=round(score, 4),
                passed=score * 100 >= quiz.pass_mark,
                seconds=max(0, min(int(seconds or 0), MAX_SECONDS)),
                offline=bool(offline),
                via=via,
                rules=quiz.rules(),
                started_at=now,
                submitted_at=now,
                **_owner(learner),
            )
            record(learner if _is_user(learner) else None, LearningAction.ATTEMPT_SUBMITTED, attempt)
    except IntegrityError:
        raise _refuse(quiz, Refusal.Reason.REPLAYED if offline else Refusal.Reason.RESUBMITTED, key, learner) from None
    for block in quiz.blocks.select_related("lesson"):
        if block.lesson.completion == Lesson.Completion.MASTERY:
            progress = open_lesson(block.lesson, learner)
            _update_completion(progress)
    if _is_user(learner):
        transaction.on_commit(lambda: _maybe_certify(quiz.course_id, learner.pk))
    return attempt


def _uuid(key: str):
    import uuid

    try:
        return uuid.UUID(key)
    except ValueError:
        return uuid.UUID(hashlib.md5(key.encode()).hexdigest())  # noqa: S324 — a stable id for any client key


def _by_key(key: str) -> Attempt | None:
    return Attempt.objects.filter(key=_uuid(key)).first()


def quiz_grade(quiz: Quiz, learner: Any) -> float | None:
    scores = list(
        Attempt.objects.of(learner)
        .filter(quiz=quiz, status=Attempt.Status.SUBMITTED)
        .order_by("submitted_at", "pk")
        .values_list("score", flat=True)
    )
    return grading.grade([s or 0 for s in scores], quiz.grading)


# --- course progress ------------------------------------------------------------------------------------------


def course_progress(course: Course, learner: Any) -> dict[str, Any]:
    """Per-lesson progress of a course, the share completed and the lesson to continue with."""
    lessons = list(
        Lesson.objects.filter(module__course=course)
        .select_related("module")
        .order_by("module__position", "module__pk", "position", "pk")
    )
    rows = (
        {p.lesson_id: p for p in LessonProgress.objects.of(learner).filter(lesson__module__course=course)}
        if learner
        else {}
    )
    tracked = [x for x in lessons if x.completion != Lesson.Completion.UNTRACKED]
    done = [x for x in tracked if rows.get(x.pk) and rows[x.pk].completed_at]
    latest = max(rows.values(), key=lambda p: p.last_seen_at, default=None)
    next_lesson = next((x for x in lessons if not (rows.get(x.pk) and rows[x.pk].completed_at)), None)
    resume = latest.lesson if latest and not latest.completed_at else next_lesson
    return {
        "rows": rows,
        "lessons": lessons,
        "done": len(done),
        "total": len(tracked),
        "percent": round(100 * len(done) / len(tracked)) if tracked else 0,
        "complete": bool(tracked) and len(done) == len(tracked),
        "resume": resume,
    }


def course_score(course: Course, learner: Any) -> float | None:
    """The average grade over the course's quizzes used in lessons (None without any)."""
    quizzes = Quiz.objects.filter(course=course, blocks__isnull=False).distinct()
    grades = [quiz_grade(q, learner) for q in quizzes]
    if not grades:
        return None
    return sum(g or 0 for g in grades) / len(grades)


def certificate_earned(course: Course, learner: Any) -> bool:
    if not course.certificate:
        return False
    if not course_progress(course, learner)["complete"]:
        return False
    score = course_score(course, learner)
    return score is None or score * 100 >= course.pass_mark


def _maybe_certify(course_id: int, user_id: int) -> None:
    from django.contrib.auth import get_user_model

    from kurultai.learning import certification

    course = Course.objects.filter(pk=course_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if course and user and certificate_earned(course, user):
        try:
            certification.issue(course, user)
        except ValidationError:  # e.g. no name yet: the learner claims it on the certificate page
            return


# --- guests ---------------------------------------------------------------------------------------------------


def merge_guest(guest_id: str, user) -> int:
    """Keep a guest's progress and attempts when they sign in or up; rows the account already has win."""
    if not guest_id or not getattr(user, "is_authenticated", False):
        return 0
    moved = 0
    with transaction.atomic():
        own = set(LessonProgress.objects.filter(user=user).values_list("lesson_id", flat=True))
        for progress in LessonProgress.objects.filter(guest_id=guest_id, user__isnull=True):
            if progress.lesson_id in own:
                progress.delete()
            else:
                LessonProgress.objects.filter(pk=progress.pk).update(user=user, guest_id="")
                moved += 1
        moved += Attempt.objects.filter(guest_id=guest_id, user__isnull=True).update(user=user, guest_id="")
        if moved:
            record(user, LearningAction.GUEST_MERGED, None, {"rows": moved})
    return moved


# --- cohorts --------------------------------------------------------------------------------------------------


class EnrolmentError(Exception):
    pass


def enrol(cohort: Cohort, user, *, code: str = "", token: str = "") -> Enrolment:
    from django.utils.translation import gettext as _

    if cohort.enrolment == Cohort.Enrolment.CODE and not secrets.compare_digest(
        code.strip().upper(), cohort.code.strip().upper()
    ):
        raise EnrolmentError(_("This enrolment code is not right."))
    invitation = None
    if cohort.enrolment == Cohort.Enrolment.INVITATION:
        invitation = Invitation.objects.filter(cohort=cohort, token=token).first() if token else None
        if invitation is None:
            raise EnrolmentError(_("This cohort is by invitation only."))
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(cohort=cohort, user=user)
        if invitation is not None and invitation.accepted_at is None:
            Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
        if created:
            record(user, LearningAction.ENROLLED, enrolment, {"cohort": cohort.pk})
    return enrolment


def invite(cohort: Cohort, email: str, actor) -> Invitation:
    with transaction.atomic():
        invitation, created = Invitation.objects.get_or_create(
            cohort=cohort,
            email=email.strip().lower(),
            defaults={"token": secrets.token_urlsafe(20), "invited_by": actor},
        )
        if created:
            record(actor, LearningAction.INVITED, invitation, {"cohort": cohort.pk})
    return invitation


def announce(cohort: Cohort, text: str, actor) -> Announcement:
    from kurultai.notifications.services import emit

    with transaction.atomic():
        announcement = Announcement.objects.create(cohort=cohort, author=actor, text=text.strip()[:2000])
        record(actor, LearningAction.ANNOUNCED, announcement, {"cohort": cohort.pk})
        learners = list(cohort.enrolments.values_list("user_id", flat=True))
        emit("learning.announcement", cohort, actor=actor, params={"text": text[:500]}, recipients=learners)
    return announcement


def remind(cohort: Cohort, user_ids: Iterable[int], actor) -> int:
    from kurultai.notifications.services import emit

    ids = list(cohort.enrolments.filter(user_id__in=list(user_ids)).values_list("user_id", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        cohort.enrolments.filter(user_id__in=ids).update(reminded_at=timezone.now())
        for user_id in ids:
            record(actor, LearningAction.REMINDED, cohort, {"learner": user_id})
        emit("learning.reminder", cohort, actor=actor, recipients=ids)
    return len(ids)
