"""Course authoring: every change an editor or a course's facilitator makes to a course, its modules, lessons and
blocks, its question bank with the options, its quizzes and cohorts. Each function takes the record (new or
existing) and plain values (a form's ``cleaned_data``), saves in one transaction and records an audit entry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import File
from django.db import transaction
from django.db.models import Model

from kurultai.core.audit import record
from kurultai.core.multilingual import written_language
from kurultai.learning.audit import LearningAction
from kurultai.learning.models import Block, Choice, Cohort, Course, Lesson, Module, Question, Quiz

ACTIONS = {Course: LearningAction.COURSE_SAVED, Cohort: LearningAction.COHORT_SAVED}


def _apply(obj: Model, data: Mapping[str, Any]) -> dict:
    """Set the model fields named in ``data`` on ``obj``; return the many-to-many values to set after saving."""
    later = {}
    for name, value in data.items():
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_many:
            later[field] = value
        elif field.concrete and not field.primary_key:
            field.save_form_data(obj, value)
    return later


def _languaged(obj: Model, *names: str) -> None:
    if not obj.pk:
        obj.original_language = written_language(*(getattr(obj, name) for name in names))


def _save(obj: Model, actor, later: dict, after: Callable[[], None] | None = None) -> Model:
    with transaction.atomic():
        obj.save()
        for field, value in later.items():
            field.save_form_data(obj, value)
        if after is not None:
            after()
        record(actor, ACTIONS.get(type(obj), LearningAction.CONTENT_SAVED), obj)
    return obj


def save_course(course: Course, data: Mapping[str, Any], actor) -> Course:
    return _save(course, actor, _apply(course, data))


def save_module(module: Module, data: Mapping[str, Any], actor) -> Module:
    later = _apply(module, data)
    if not module.pk and "position" not in data:
        module.position = Module.objects.filter(course=module.course_id).count() + 1
    _languaged(module, "title")
    return _save(module, actor, later)


def save_lesson(lesson: Lesson, data: Mapping[str, Any], actor) -> Lesson:
    later = _apply(lesson, data)
    if not lesson.pk and "position" not in data:
        lesson.position = Lesson.objects.filter(module=lesson.module_id).count() + 1
    _languaged(lesson, "title")
    return _save(lesson, actor, later)


def save_block(
    block: Block, data: Mapping[str, Any], actor, *, upload: tuple[File | None, str, int] = (None, "", 0)
) -> Block:
    """``upload`` is the checked file with its content type and size (see ``forms.prepared_upload``)."""
    later = _apply(block, data)
    _languaged(block, "text", "transcript", "alt")
    content, content_type, size = upload
    if content is not None:
        block.content_type, block.size = content_type, size
        block.file.save("upload", content, save=False)
    return _save(block, actor, later)


def save_question(question: Question, data: Mapping[str, Any], options: Iterable[Mapping[str, Any]], actor) -> Question:
    """``options`` are the option rows that changed: a row with ``id`` (an existing option of this question) and
    ``DELETE`` removes it; other rows are created or changed."""
    later = _apply(question, data)
    _languaged(question, "text")

    def save_options() -> None:
        for row in options:
            existing = row.get("id")
            if existing is not None and existing.question_id != question.pk:
                continue
            if row.get("DELETE"):
                if existing is not None:
                    existing.delete()
                continue
            choice = existing or Choice(question=question)
            _apply(choice, {k: v for k, v in row.items() if k not in ("id", "question")})
            choice.question = question
            choice.original_language = question.original_language
            choice.save()

    return _save(question, actor, later, save_options)


def save_quiz(quiz: Quiz, data: Mapping[str, Any], actor) -> Quiz:
    later = _apply(quiz, data)
    _languaged(quiz, "title")
    return _save(quiz, actor, later)


def save_cohort(cohort: Cohort, data: Mapping[str, Any], actor) -> Cohort:
    """A new cohort gets its creator as its first facilitator."""
    new = not cohort.pk
    later = _apply(cohort, data)
    return _save(cohort, actor, later, (lambda: cohort.facilitators.add(actor)) if new else None)


def delete_content(obj: Model, actor) -> None:
    with transaction.atomic():
        record(actor, LearningAction.CONTENT_DELETED, obj, {"type": obj._meta.label})
        obj.delete()
