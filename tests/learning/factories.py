"""Factories for the learning app: a course with one module, lessons, a question bank and quizzes."""

from __future__ import annotations

import factory

from kurultai.learning.models import Block, Choice, Cohort, Course, Lesson, Module, Question, Quiz


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    slug = factory.Sequence(lambda n: f"course-{n}")
    title = factory.Sequence(lambda n: {"en": f"Course {n}"})
    summary = {"en": "A short course."}
    status = Course.Status.PUBLISHED


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    course = factory.SubFactory(CourseFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"en": f"Module {n}"})


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"en": f"Lesson {n}"})


class TextBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    lesson = factory.SubFactory(LessonFactory)
    kind = Block.Kind.TEXT
    text = {"en": "Water is **shared**."}


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    course = factory.SubFactory(CourseFactory)
    kind = Question.Kind.SINGLE
    text = factory.Sequence(lambda n: {"en": f"Question {n}?"})


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: {"en": f"Option {n}"})


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory)
    title = {"en": "Check yourself"}


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")


def single(course, right="Yes", wrong=("No", "Maybe"), feedback=""):
    question = QuestionFactory(course=course, kind=Question.Kind.SINGLE)
    ChoiceFactory(question=question, text={"en": right}, correct=True, position=1)
    for i, text in enumerate(wrong, start=2):
        ChoiceFactory(question=question, text={"en": text}, correct=False, position=i, feedback={"en": feedback})
    return question


def quiz_lesson(course=None, questions=1, **quiz_options):
    """A lesson completed by passing its quiz, with ``questions`` single-choice questions in the pool."""
    course = course or CourseFactory()
    module = ModuleFactory(course=course)
    lesson = LessonFactory(module=module, completion=Lesson.Completion.MASTERY)
    quiz = QuizFactory(course=course, **quiz_options)
    quiz.questions.set([single(course) for _ in range(questions)])
    Block.objects.create(lesson=lesson, kind=Block.Kind.QUIZ, quiz=quiz, position=1)
    return lesson, quiz


def right_answers(quiz, drawn):
    """Form values that answer every drawn question right."""
    answers = {}
    for question in Question.objects.filter(pk__in=drawn).prefetch_related("choices"):
        right = [c.pk for c in question.choices.all() if c.correct]
        answers[str(question.pk)] = {
            Question.Kind.SINGLE: right[0] if right else "",
            Question.Kind.MULTIPLE: right,
            Question.Kind.TRUE_FALSE: "true" if question.is_true else "false",
            Question.Kind.SHORT: (question.accepted or [""])[0],
            Question.Kind.NUMERIC: str(question.number),
        }[question.kind]
    return answers
