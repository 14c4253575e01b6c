"""Authoring in plain pages: editors (and a course's facilitators, for their course) create and change courses,
modules, lessons and their blocks, the question bank with its options, and quizzes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.learning import authoring
from kurultai.learning.forms import (
    BlockForm,
    ChoiceFormSet,
    CourseForm,
    LessonForm,
    ModuleForm,
    QuestionForm,
    QuizForm,
    check_choices,
    prepared_upload,
)
from kurultai.learning.models import Block, Course, Lesson, Module, Question, Quiz


def _authored(request: HttpRequest, slug: str) -> Course:
    course = get_object_or_404(Course, slug=slug)
    if not request.user.has_perm("learning.author_course", course):
        raise PermissionDenied
    return course


def _form_page(request: HttpRequest, form: Any, title: str, course: Course | None, **extra: Any) -> HttpResponse:
    return render(
        request,
        "learning/form.html",
        {"form": form, "title": title, "course": course, "multipart": True, **extra},
    )


@login_required
def course_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("learning.create_course"):
        raise PermissionDenied
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        course = authoring.save_course(Course(), form.cleaned_data, request.user)
        return redirect("learning:course_edit", slug=course.slug)
    return _form_page(request, form, _("New course"), None)


@login_required
def course_edit(request: HttpRequest, slug: str) -> HttpResponse:
    course = _authored(request, slug)
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        authoring.save_course(course, form.cleaned_data, request.user)
        messages.success(request, _("Saved."))
        return redirect("learning:course_edit", slug=course.slug)
    return render(
        request,
        "learning/course_edit.html",
        {
            "course": course,
            "form": form,
            "modules": course.modules.prefetch_related("lessons"),
            "questions": course.questions.all(),
            "quizzes": course.quizzes.all(),
            "cohorts": course.cohorts.all(),
            "kinds": Block.Kind.choices,
        },
    )


@login_required
def module_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    course = _authored(request, slug)
    module = get_object_or_404(Module, pk=pk, course=course) if pk else Module(course=course)
    if not pk:
        module.position = course.modules.count() + 1
    form = ModuleForm(request.POST or None, instance=module)
    if request.method == "POST" and form.is_valid():
        authoring.save_module(module, form.cleaned_data, request.user)
        return redirect("learning:course_edit", slug=course.slug)
    return _form_page(request, form, str(module.title) if pk else _("New module"), course)


@login_required
def lesson_form(request: HttpRequest, slug: str, module_pk: int | None = None, pk: int | None = None) -> HttpResponse:
    course = _authored(request, slug)
    if pk:
        lesson = get_object_or_404(Lesson, pk=pk, module__course=course)
    else:
        module = get_object_or_404(Module, pk=module_pk, course=course)
        lesson = Lesson(module=module, position=module.lessons.count() + 1)
    form = LessonForm(request.POST or None, instance=lesson)
    if request.method == "POST" and form.is_valid():
        authoring.save_lesson(lesson, form.cleaned_data, request.user)
        return redirect("learning:lesson_edit", slug=course.slug, pk=lesson.pk)
    blocks = lesson.blocks.select_related("quiz") if lesson.pk else []
    return _form_page(
        request,
        form,
        str(lesson.title) if pk else _("New lesson"),
        course,
        lesson=lesson if lesson.pk else None,
        blocks=blocks,
        kinds=Block.Kind.choices,
    )


@login_required
def block_form(request: HttpRequest, slug: str, lesson_pk: int | None = None, pk: int | None = None) -> HttpResponse:
    course = _authored(request, slug)
    if pk:
        block = get_object_or_404(Block.objects.select_related("lesson"), pk=pk, lesson__module__course=course)
        kind = block.kind
    else:
        lesson = get_object_or_404(Lesson, pk=lesson_pk, module__course=course)
        kind = request.GET.get("kind") or request.POST.get("kind") or Block.Kind.TEXT
        if kind not in Block.Kind.values:
            raise Http404
        block = Block(lesson=lesson, kind=kind, position=lesson.blocks.count() + 1)
    form = BlockForm(request.POST or None, request.FILES or None, instance=block, kind=kind, course=course)
    if request.method == "POST" and form.is_valid():
        authoring.save_block(block, form.cleaned_data, request.user, upload=prepared_upload(form))
        return redirect("learning:lesson_edit", slug=course.slug, pk=block.lesson_id)
    return _form_page(request, form, f"{Block.Kind(kind).label} · {block.lesson.title}", course, kind=kind, block=block)


@login_required
@require_POST
def block_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _authored(request, slug)
    block = get_object_or_404(Block, pk=pk, lesson__module__course=course)
    lesson_pk = block.lesson_id
    authoring.delete_content(block, request.user)
    messages.success(request, _("Block removed."))
    return redirect("learning:lesson_edit", slug=course.slug, pk=lesson_pk)


@login_required
def question_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    course = _authored(request, slug)
    question = get_object_or_404(Question, pk=pk, course=course) if pk else Question(course=course)
    form = QuestionForm(request.POST or None, instance=question)
    formset = ChoiceFormSet(request.POST or None, instance=question, prefix="options")
    problem = ""
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        problem = check_choices(form, formset)
        if not problem:
            deleted = formset.deleted_forms
            options = [f.cleaned_data for f in formset.forms if f.has_changed() or (f in deleted and f.instance.pk)]
            authoring.save_question(question, form.cleaned_data, options, request.user)
            return redirect(reverse("learning:course_edit", kwargs={"slug": course.slug}) + "#questions")
    return render(
        request,
        "learning/question_form.html",
        {"course": course, "form": form, "formset": formset, "problem": problem, "question": question},
    )


@login_required
def quiz_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    course = _authored(request, slug)
    quiz = get_object_or_404(Quiz, pk=pk, course=course) if pk else Quiz(course=course)
    form = QuizForm(request.POST or None, instance=quiz, course=course)
    if request.method == "POST" and form.is_valid():
        authoring.save_quiz(quiz, form.cleaned_data, request.user)
        return redirect(reverse("learning:course_edit", kwargs={"slug": course.slug}) + "#quizzes")
    return _form_page(request, form, str(quiz.title) if pk else _("New quiz"), course)
