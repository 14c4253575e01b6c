"""Learners' pages: the course list, a course, a module, a lesson with its blocks and quizzes, the time beacon,
quiz answers (from a form or from the offline queue), the attempt, my learning, the certificate."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kurultai.learning import certification, learners, offline, services
from kurultai.learning.forms import CertificateForm
from kurultai.learning.models import Attempt, Block, Choice, Course, Lesson, Module, Question, Quiz


def _course(request: HttpRequest, slug: str) -> Course:
    course = get_object_or_404(Course.objects.prefetch_related("themes"), slug=slug)
    if not request.user.has_perm("learning.read_course", course):
        raise Http404
    return course


def course_list(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.published().prefetch_related("themes").order_by("family", "original_language", "slug")
    lang = request.GET.get("language", "")
    if lang:
        courses = courses.filter(original_language=lang)
    return render(
        request,
        "learning/list.html",
        {
            "courses": courses,
            "can_create": request.user.has_perm("learning.create_course"),
            "nav": "learning",
        },
    )


def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    modules = list(course.modules.prefetch_related(Prefetch("lessons", Lesson.objects.order_by("position", "pk"))))
    learner = learners.current(request)
    progress = services.course_progress(course, learner) if learner else None
    certificate = None
    if request.user.is_authenticated and course.certificate:
        certificate = certification.existing(course, request.user)
    return render(
        request,
        "learning/course.html",
        {
            "course": course,
            "modules": modules,
            "siblings": course.siblings(),
            "progress": progress,
            "certificate": certificate,
            "cohorts": course.cohorts.all(),
            "can_author": request.user.has_perm("learning.author_course", course),
            "nav": "learning",
        },
    )


def _module(request: HttpRequest, slug: str, pk: int) -> Module:
    course = _course(request, slug)
    return get_object_or_404(Module.objects.select_related("course"), pk=pk, course=course)


def module_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    module = _module(request, slug, pk)
    lessons = list(module.lessons.prefetch_related("blocks"))
    return render(
        request,
        "learning/module.html",
        {
            "course": module.course,
            "module": module,
            "lessons": lessons,
            "size": offline.module_size(module, lessons),
            "nav": "learning",
        },
    )


def _lesson(request: HttpRequest, slug: str, pk: int) -> Lesson:
    course = _course(request, slug)
    return get_object_or_404(Lesson.objects.select_related("module", "module__course"), pk=pk, module__course=course)


def _quiz_view(request: HttpRequest, quiz: Quiz, learner: Any) -> dict[str, Any]:
    draw = services.new_draw(quiz)
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=draw["drawn"]).prefetch_related(
            Prefetch("choices", Choice.objects.order_by("position", "pk"))
        )
    }
    attempts = (
        list(Attempt.objects.of(learner).filter(quiz=quiz, status=Attempt.Status.SUBMITTED).order_by("-pk")[:5])
        if learner
        else []
    )
    return {
        "quiz": quiz,
        "draw": draw,
        "questions": [questions[pk] for pk in draw["drawn"] if pk in questions],
        "attempts": attempts,
        "left": services.attempts_left(quiz, learner) if learner else None,
    }


@require_safe
def lesson_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    lesson = _lesson(request, slug, pk)
    course = lesson.module.course
    blocks = list(lesson.blocks.select_related("quiz").order_by("position", "pk"))
    learner = learners.ensure(request)
    progress = (
        services.open_lesson(lesson, learner) if not isinstance(learner, str) or learners.guest_id(request) else None
    )
    quizzes = {b.pk: _quiz_view(request, b.quiz, learner) for b in blocks if b.kind == Block.Kind.QUIZ and b.quiz_id}
    siblings = list(
        Lesson.objects.filter(module__course=course)
        .order_by("module__position", "module__pk", "position", "pk")
        .values_list("pk", flat=True)
    )
    index = siblings.index(lesson.pk)
    response = render(
        request,
        "learning/lesson.html",
        {
            "course": course,
            "module": lesson.module,
            "lesson": lesson,
            "blocks": [(b, quizzes.get(b.pk)) for b in blocks],
            "progress": progress,
            "size": offline.lesson_size(lesson),
            "previous_pk": siblings[index - 1] if index else None,
            "next_pk": siblings[index + 1] if index + 1 < len(siblings) else None,
            "nav": "learning",
        },
    )
    return learners.remember(request, response)


@require_POST
def lesson_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    lesson = _lesson(request, slug, pk)
    learner = learners.ensure(request)
    progress = services.finish_lesson(lesson, learner)
    if progress.completed_at:
        messages.success(request, _("Lesson completed."))
    elif lesson.completion == Lesson.Completion.TIME:
        messages.info(
            request,
            _("Spend at least %(seconds)s seconds with this lesson to complete it (so far: %(spent)s).")
            % {"seconds": lesson.min_seconds, "spent": progress.seconds},
        )
    elif lesson.completion == Lesson.Completion.MASTERY:
        messages.info(request, _("Pass the lesson's quiz to complete it."))
    return learners.remember(request, redirect(lesson.get_absolute_url()))


@require_POST
def lesson_time(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The page's beacon: how long the lesson was open in the foreground."""
    lesson = _lesson(request, slug, pk)
    try:
        seconds = int(request.POST.get("seconds", ""))
    except ValueError:
        return JsonResponse({"error": _("Seconds must be a whole number.")}, status=400)
    if seconds < 0:
        return JsonResponse({"error": _("Seconds must be a whole number.")}, status=400)
    progress = services.report_time(lesson, learners.ensure(request), seconds)
    return learners.remember(request, JsonResponse({"seconds": progress.seconds, "done": bool(progress.completed_at)}))


def _answers(request: HttpRequest, drawn: list[int]) -> dict[str, Any]:
    """Answers from the form: ``q<id>`` fields (several values for multiple choice); foreign ``q…`` fields kept, so
    answers to questions not drawn are seen and refused."""
    answers: dict[str, Any] = {}
    for name in request.POST:
        if not name.startswith("q") or not name[1:].isdigit():
            continue
        values = [v[:200] for v in request.POST.getlist(name)[:20]]
        answers[name[1:]] = values if len(values) > 1 else values[0]
    return answers


@require_POST
def quiz_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Answers from the lesson page's form, or replayed by the offline queue (``offline=1``, JSON answer)."""
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=pk)
    if not request.user.has_perm("learning.read_course", quiz.course):
        raise Http404
    wants_json = "application/json" in request.headers.get("Accept", "")
    learner = learners.ensure(request)
    try:
        seconds = int(request.POST.get("seconds") or 0)
    except ValueError:
        seconds = 0
    try:
        attempt = services.submit(
            quiz,
            learner,
            token=request.POST.get("draw", ""),
            key=request.POST.get("key", ""),
            answers=_answers(request, []),
            seconds=seconds,
            offline=request.POST.get("offline") == "1",
        )
    except services.Refused as refused:
        if wants_json:
            response = JsonResponse({"refused": refused.reason, "reason": str(refused)}, status=409)
            return learners.remember(request, response)
        messages.error(request, str(refused))
        back = quiz.blocks.select_related("lesson__module__course").first()
        target = back.lesson.get_absolute_url() if back else quiz.course.get_absolute_url()
        return learners.remember(request, redirect(target))
    if wants_json:
        response = JsonResponse({"attempt": str(attempt.key), "score": attempt.percent, "passed": attempt.passed})
        return learners.remember(request, response)
    return learners.remember(request, redirect("learning:attempt", key=attempt.key))


def attempt_detail(request: HttpRequest, key: str) -> HttpResponse:
    """A learner's own attempt, with the feedback the quiz allows."""
    try:
        attempt = Attempt.objects.select_related("quiz", "quiz__course").get(key=key)
    except (Attempt.DoesNotExist, ValidationError, ValueError):
        raise Http404 from None
    learner = learners.current(request)
    mine = learner is not None and (
        (attempt.user_id and not isinstance(learner, str) and attempt.user_id == learner.pk)
        or (isinstance(learner, str) and attempt.guest_id == learner and attempt.user_id is None)
    )
    if not mine:
        raise Http404
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.drawn).prefetch_related(
            Prefetch("choices", Choice.objects.order_by("position", "pk"))
        )
    }
    rows = []
    for pk in attempt.drawn:
        question = questions.get(pk)
        if question is None:
            continue
        rows.append(
            {
                "question": question,
                "result": attempt.results.get(str(pk), {}),
                "answer": attempt.answers.get(str(pk), ""),
            }
        )
    block = attempt.quiz.blocks.select_related("lesson__module__course").first()
    return render(
        request,
        "learning/attempt.html",
        {
            "attempt": attempt,
            "rows": rows,
            "lesson": block.lesson if block else None,
            "grade": services.quiz_grade(attempt.quiz, learner),
            "nav": "learning",
        },
    )


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.filter(modules__lessons__progress__user=request.user).distinct()
    rows = [(course, services.course_progress(course, request.user)) for course in courses]
    attempts = Attempt.objects.filter(user=request.user).select_related("quiz").order_by("-submitted_at")[:20]
    return render(request, "learning/mine.html", {"rows": rows, "attempts": attempts, "nav": "learning"})


@login_required
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    """Claim the course certificate once the course is complete and the pass mark met; the name as the learner
    writes it."""
    course = _course(request, slug)
    earned = services.certificate_earned(course, request.user)
    existing = certification.existing(course, request.user)
    form = CertificateForm(
        request.POST or None, initial={"name": existing.holder_name if existing else request.user.get_full_name()}
    )
    if request.method == "POST":
        if not earned and existing is None:
            raise PermissionDenied(_("The course is not complete yet."))
        if form.is_valid():
            try:
                issued = certification.issue(course, request.user, form.cleaned_data["name"].strip())
            except ValidationError as error:
                form.add_error("name", error)
            else:
                return redirect(issued.get_absolute_url())
    return render(
        request,
        "learning/certificate.html",
        {
            "course": course,
            "form": form,
            "earned": earned,
            "existing": existing,
            "progress": services.course_progress(course, request.user),
            "score": services.course_score(course, request.user),
            "nav": "learning",
        },
    )


def offline_manifest(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """What "download for offline" stores: the module's pages and files with their sizes."""
    module = _module(request, slug, pk)
    return JsonResponse(offline.manifest(module))


def module_zip(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    module = _module(request, slug, pk)
    data = offline.module_zip(module)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{module.course.slug}-module-{module.position}.zip"'
    return response


def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(offline.service_worker_source(), content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = request.path.rsplit("/", 1)[0] + "/"
    response["Cache-Control"] = "no-cache"
    return response


def offline_page(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/offline.html", {"nav": "learning"})


@login_required
@require_POST
def telegram_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Take the course in Telegram, one micro-lesson a day (needs a chat linked to the account)."""
    from kurultai.learning import telegram

    course = _course(request, slug)
    if not telegram.linked_chat(request.user):
        messages.error(request, _("Link your account to the Telegram bot first (in your notification settings)."))
    else:
        telegram.start(request.user, course)
        messages.success(request, _("Your first lesson arrives in Telegram within the hour, then one a day."))
    return redirect(course.get_absolute_url())
