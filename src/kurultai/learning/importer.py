"""Courses from JSON files: the authoring path for big content and the demo courses (``learning/demo/*.json``).

One file is one course in one language::

    {"slug": "...", "family": "...", "language": "en", "title": "...", "summary": "Markdown", "level": "introductory",
     "minutes": 90, "licence": "CC BY 4.0", "themes": ["climate-change"], "pass_mark": 70, "demo": true,
     "questions": {"q1": {"kind": "single", "text": "...", "explanation": "...",
                          "options": [["text", true, "feedback"], ["text", false, "feedback"]],
                          "accepted": ["..."], "number": 3, "tolerance": 0.5, "true": false}},
     "quizzes": {"m1": {"title": "...", "questions": ["q1"], "pass_mark": 60, "draw": 0, "shuffle": false,
                        "attempts": 0, "grading": "highest", "feedback": "immediate",
                        "mastery": "none", "m": 3, "n": 5}},
     "modules": [{"title": "...", "release_after_days": 0,
                  "lessons": [{"title": "...", "completion": "opened", "min_seconds": 0,
                               "blocks": [{"text": "Markdown"}, {"quiz": "m1"},
                                          {"video": "https://…", "transcript": "…"}]}]}]}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kurultai.core.audit import record
from kurultai.core.models import Theme
from kurultai.learning.audit import LearningAction
from kurultai.learning.models import Block, Choice, Course, Lesson, Module, Question, Quiz


def read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValidationError(f"{path}: {error}") from error
    if not isinstance(data, dict) or not data.get("slug") or not data.get("title"):
        raise ValidationError(f"{path}: a course needs at least a slug and a title")
    return data


def import_course(data: dict[str, Any], *, replace: bool = False, actor: Any = None) -> tuple[Course, bool]:
    """Create the course (or, with ``replace``, rebuild it); returns (course, created). Existing and not replaced:
    left as it is."""
    lang = data.get("language", "en")
    existing = Course.objects.filter(slug=data["slug"]).first()
    if existing and not replace:
        return existing, False

    def text(value: Any) -> dict[str, str]:
        return value if isinstance(value, dict) else {lang: str(value or "")}

    with transaction.atomic():
        if existing:
            existing.modules.all().delete()
            existing.quizzes.all().delete()
            existing.questions.all().delete()
        course = existing or Course(slug=data["slug"])
        course.family = data.get("family", "")
        course.original_language = lang
        course.title = text(data["title"])
        course.summary = text(data.get("summary", ""))
        course.level = data.get("level", "introductory")
        course.estimated_minutes = int(data.get("minutes", 60))
        course.licence = data.get("licence", "CC BY 4.0")
        course.pass_mark = int(data.get("pass_mark", 70))
        course.certificate = bool(data.get("certificate", True))
        course.is_demo = bool(data.get("demo", False))
        course.status = data.get("status", Course.Status.PUBLISHED)
        course.full_clean(exclude=["themes", "facilitators"])
        course.save()
        course.themes.set(Theme.objects.filter(slug__in=data.get("themes", [])))
        questions: dict[str, Question] = {}
        for key, item in data.get("questions", {}).items():
            question = Question.objects.create(
                course=course,
                original_language=lang,
                kind=item.get("kind", "single"),
                text=text(item["text"]),
                explanation=text(item.get("explanation", "")),
                accepted=list(item.get("accepted", [])),
                number=item.get("number"),
                tolerance=float(item.get("tolerance", 0)),
                is_true=bool(item.get("true", True)),
            )
            for position, option in enumerate(item.get("options", []), start=1):
                label, correct, feedback = (
                    ([*list(option), "", False, ""])[:3] if isinstance(option, list) else (option, False, "")
                )
                Choice.objects.create(
                    question=question,
                    original_language=lang,
                    position=position,
                    text=text(label),
                    correct=bool(correct),
                    feedback=text(feedback),
                )
            questions[key] = question
        quizzes: dict[str, Quiz] = {}
        for key, item in data.get("quizzes", {}).items():
            quiz = Quiz.objects.create(
                course=course,
                original_language=lang,
                title=text(item["title"]),
                pass_mark=int(item.get("pass_mark", 70)),
                attempts_allowed=int(item.get("attempts", 0)),
                grading=item.get("grading", "highest"),
                shuffle=bool(item.get("shuffle", False)),
                draw=int(item.get("draw", 0)),
                feedback=item.get("feedback", "immediate"),
                mastery=item.get("mastery", "none"),
                mastery_m=int(item.get("m", 3)),
                mastery_n=int(item.get("n", 5)),
            )
            quiz.questions.set([questions[q] for q in item.get("questions", [])])
            quizzes[key] = quiz
        for m_pos, module_data in enumerate(data.get("modules", []), start=1):
            module = Module.objects.create(
                course=course,
                original_language=lang,
                position=m_pos,
                title=text(module_data["title"]),
                release_after_days=int(module_data.get("release_after_days", 0)),
            )
            for l_pos, lesson_data in enumerate(module_data.get("lessons", []), start=1):
                lesson = Lesson.objects.create(
                    module=module,
                    original_language=lang,
                    position=l_pos,
                    title=text(lesson_data["title"]),
                    completion=lesson_data.get("completion", "opened"),
                    min_seconds=int(lesson_data.get("min_seconds", 0)),
                )
                for b_pos, block in enumerate(lesson_data.get("blocks", []), start=1):
                    values: dict[str, Any] = {"lesson": lesson, "original_language": lang, "position": b_pos}
                    if "quiz" in block:
                        values.update(kind=Block.Kind.QUIZ, quiz=quizzes[block["quiz"]])
                    elif "video" in block:
                        values.update(
                            kind=Block.Kind.VIDEO, url=block["video"], transcript=text(block.get("transcript"))
                        )
                    else:
                        values.update(kind=Block.Kind.TEXT, text=text(block.get("text", "")))
                    Block.objects.create(**values)
        record(actor, LearningAction.COURSE_SAVED, course, {"imported": True})
    return course, existing is None


def import_file(path: Path, *, replace: bool = False, actor: Any = None) -> tuple[Course, bool]:
    return import_course(read(path), replace=replace, actor=actor)
