"""The learning facility's URLs for the role matrix (tests/test_permissions.py) and the bad-input walk."""

from typing import Any

PUBLIC = "200 200 200 200 200 200 200"
SIGNED_IN = "302L 200 200 200 200 200 200"
EDITORS = "302L 403 403 403 200 403 200"
POST_ONLY = "405 405 405 405 405 405 405"
SIGNED_IN_POST = "302L 405 405 405 405 405 405"
GONE_FOR_ALL = "404 404 404 404 404 404 404"

EXPECTED_PAGES = {
    # courses, modules and lessons are public; guests learn without an account
    "learning:list": PUBLIC,
    "learning:sw": PUBLIC,
    "learning:offline": PUBLIC,
    "learning:course": PUBLIC,
    "learning:module": PUBLIC,
    "learning:manifest": PUBLIC,
    "learning:module_zip": PUBLIC,
    "learning:lesson": PUBLIC,
    "learning:cohort": PUBLIC,
    "learning:lesson_done": POST_ONLY,
    "learning:lesson_time": POST_ONLY,
    "learning:quiz_submit": POST_ONLY,
    # an attempt is seen by the learner who made it only
    "learning:attempt": GONE_FOR_ALL,
    "learning:mine": SIGNED_IN,
    "learning:certificate": SIGNED_IN,
    "learning:enrol": SIGNED_IN_POST,
    "learning:telegram_start": SIGNED_IN_POST,
    # editors author courses (and facilitators their own course); facilitators run cohorts
    "learning:course_new": EDITORS,
    "learning:course_edit": EDITORS,
    "learning:module_new": EDITORS,
    "learning:module_edit": EDITORS,
    "learning:lesson_new": EDITORS,
    "learning:lesson_edit": EDITORS,
    "learning:block_new": EDITORS,
    "learning:block_edit": EDITORS,
    "learning:block_delete": SIGNED_IN_POST,
    "learning:question_new": EDITORS,
    "learning:question_edit": EDITORS,
    "learning:quiz_new": EDITORS,
    "learning:quiz_edit": EDITORS,
    "learning:cohort_new": EDITORS,
    "learning:cohort_edit": EDITORS,
    "learning:report": EDITORS,
    "learning:report_csv": EDITORS,
    "learning:announce": SIGNED_IN_POST,
    "learning:invite": SIGNED_IN_POST,
    "learning:remind": SIGNED_IN_POST,
}

COURSE = "climate-adaptation"


def _course():
    from kurultai.learning.models import Course

    return Course.objects.get(slug=COURSE)


def _module(w: dict[str, Any]) -> dict[str, Any]:
    return {"slug": COURSE, "pk": _course().modules.order_by("position").first().pk}


def _lesson(w: dict[str, Any]) -> dict[str, Any]:
    from kurultai.learning.models import Lesson

    lesson = Lesson.objects.filter(module__course__slug=COURSE, blocks__kind="quiz").order_by("pk").first()
    return {"slug": COURSE, "pk": lesson.pk}


def _block(w: dict[str, Any]) -> dict[str, Any]:
    from kurultai.learning.models import Block

    return {"slug": COURSE, "pk": Block.objects.filter(lesson__module__course__slug=COURSE).order_by("pk").first().pk}


def _question(w: dict[str, Any]) -> dict[str, Any]:
    return {"slug": COURSE, "pk": _course().questions.order_by("pk").first().pk}


def _quiz(w: dict[str, Any]) -> dict[str, Any]:
    return {"slug": COURSE, "pk": _course().quizzes.order_by("pk").first().pk}


def _cohort(w: dict[str, Any]) -> dict[str, Any]:
    return {"pk": _course().cohorts.order_by("pk").first().pk}


SAMPLES = {
    "learning:list": lambda w: [{}],
    "learning:sw": lambda w: [{}],
    "learning:offline": lambda w: [{}],
    "learning:mine": lambda w: [{}],
    "learning:course_new": lambda w: [{}],
    "learning:course": lambda w: [{"slug": COURSE}],
    "learning:course_edit": lambda w: [{"slug": COURSE}],
    "learning:certificate": lambda w: [{"slug": COURSE}],
    "learning:telegram_start": lambda w: [{"slug": COURSE}],
    "learning:module_new": lambda w: [{"slug": COURSE}],
    "learning:question_new": lambda w: [{"slug": COURSE}],
    "learning:quiz_new": lambda w: [{"slug": COURSE}],
    "learning:cohort_new": lambda w: [{"slug": COURSE}],
    "learning:module": lambda w: [_module(w)],
    "learning:manifest": lambda w: [_module(w)],
    "learning:module_zip": lambda w: [_module(w)],
    "learning:module_edit": lambda w: [_module(w)],
    "learning:lesson_new": lambda w: [{"slug": COURSE, "module_pk": _module(w)["pk"]}],
    "learning:lesson": lambda w: [_lesson(w)],
    "learning:lesson_done": lambda w: [_lesson(w)],
    "learning:lesson_time": lambda w: [_lesson(w)],
    "learning:lesson_edit": lambda w: [_lesson(w)],
    "learning:block_new": lambda w: [{"slug": COURSE, "lesson_pk": _lesson(w)["pk"]}],
    "learning:block_edit": lambda w: [_block(w)],
    "learning:block_delete": lambda w: [_block(w)],
    "learning:question_edit": lambda w: [_question(w)],
    "learning:quiz_edit": lambda w: [_quiz(w)],
    "learning:quiz_submit": lambda w: [{"pk": _quiz(w)["pk"]}],
    "learning:attempt": lambda w: [{"key": "0" * 32}],
    "learning:cohort": lambda w: [_cohort(w)],
    "learning:cohort_edit": lambda w: [_cohort(w)],
    "learning:enrol": lambda w: [_cohort(w)],
    "learning:announce": lambda w: [_cohort(w)],
    "learning:invite": lambda w: [_cohort(w)],
    "learning:report": lambda w: [_cohort(w)],
    "learning:report_csv": lambda w: [_cohort(w)],
    "learning:remind": lambda w: [_cohort(w)],
}
