"""The learning facility: courses made of modules and lessons, lesson blocks, a question bank and quizzes,
attempts that keep their answers and the rules in force, progress per lesson, cohorts run by facilitators."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Theme
from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.core.uploads import GeneratedName


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Licence(models.TextChoices):
    CC_BY = "CC BY 4.0", "CC BY 4.0"
    CC_BY_SA = "CC BY-SA 4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC BY-NC 4.0", "CC BY-NC 4.0"
    CC0 = "CC0 1.0", "CC0 1.0"
    ALL_RIGHTS = "all rights reserved", _("All rights reserved")


class CourseQuerySet(models.QuerySet):
    def published(self) -> CourseQuerySet:
        return self.filter(status=Course.Status.PUBLISHED)


class Course(TranslatableModel):
    """A course in one language (``original_language``); versions in other languages share a ``family``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    family = models.SlugField(
        _("language family"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_("Courses with the same family are the same course in other languages."),
    )
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), multiline=True, blank=True, help_text=_("Markdown."))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY)
    themes = models.ManyToManyField(Theme, blank=True, related_name="courses", verbose_name=_("themes"))
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"), default=60)
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_courses", verbose_name=_("facilitators")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    certificate = models.BooleanField(_("certificate on completion"), default=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("certificate pass mark (%)"),
        default=70,
        help_text=_("The average of the course's graded quizzes needed for a certificate."),
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("learning:course", kwargs={"slug": self.slug})

    @property
    def language(self) -> str:
        return self.original_language

    @property
    def language_name(self) -> str:
        from django.utils.translation import get_language_info

        try:
            return get_language_info(self.original_language)["name_local"]
        except KeyError:
            return self.original_language

    def siblings(self) -> models.QuerySet:
        if not self.family:
            return Course.objects.none()
        return Course.objects.published().filter(family=self.family).exclude(pk=self.pk).order_by("original_language")


class Module(TranslatableModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = TranslatedField(_("title"), max_length=200)
    release_after_days = models.PositiveSmallIntegerField(
        _("released after (days)"),
        default=0,
        help_text=_("For scheduled cohorts: days after the cohort starts when this module opens."),
    )

    class Meta:
        ordering = ["course", "position", "pk"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("learning:module", kwargs={"slug": self.course.slug, "pk": self.pk})


class Lesson(TranslatableModel):
    class Completion(models.TextChoices):
        OPENED = "opened", _("Opened")
        TIME = "time", _("Time spent")
        MASTERY = "mastery", _("Quiz passed")
        UNTRACKED = "untracked", _("Not tracked")

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = TranslatedField(_("title"), max_length=200)
    completion = models.CharField(
        _("completed when"), max_length=10, choices=Completion.choices, default=Completion.OPENED
    )
    min_seconds = models.PositiveIntegerField(_("time needed (seconds)"), default=0)

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("learning:lesson", kwargs={"slug": self.module.course.slug, "pk": self.pk})


class Block(TranslatableModel):
    """One piece of a lesson, shown in order."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        IMAGE = "image", _("Image")
        ATTACHMENT = "attachment", _("Attachment (PDF)")
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")
        QUIZ = "quiz", _("Quiz")

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.TEXT)
    text = TranslatedField(_("text"), multiline=True, blank=True, help_text=_("Markdown."))
    alt = TranslatedField(_("alternative text"), max_length=300, blank=True)
    transcript = TranslatedField(_("transcript"), multiline=True, blank=True)
    file = models.FileField(_("file"), upload_to=GeneratedName("learning"), blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    url = models.URLField(_("video link"), max_length=500, blank=True)
    quiz = models.ForeignKey("Quiz", on_delete=models.PROTECT, null=True, blank=True, related_name="blocks")

    class Meta:
        ordering = ["lesson", "position", "pk"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.position}"


class Question(TranslatableModel):
    """An item of a course's question bank."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        SHORT = "short", _("Short text")
        NUMERIC = "numeric", _("Number")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    text = TranslatedField(_("question"), multiline=True, max_length=2000)
    explanation = TranslatedField(_("explanation"), multiline=True, blank=True)
    accepted = models.JSONField(_("accepted answers"), default=list, blank=True)
    number = models.FloatField(_("correct number"), null=True, blank=True)
    tolerance = models.FloatField(_("tolerance"), default=0)
    is_true = models.BooleanField(_("the statement is true"), default=True)

    class Meta:
        ordering = ["course", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return str(self.text)[:80]


class Choice(TranslatableModel):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = TranslatedField(_("option"), max_length=500)
    correct = models.BooleanField(_("correct"), default=False)
    feedback = TranslatedField(_("feedback"), max_length=500, blank=True)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return str(self.text)


class Quiz(TranslatableModel):
    class Grading(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LAST = "last", _("Last attempt")
        FIRST = "first", _("First attempt")
        AVERAGE = "average", _("Average of attempts")

    class Feedback(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately after each answer")
        AFTER = "after", _("After submitting")

    class Mastery(models.TextChoices):
        NONE = "none", _("Pass mark only")
        M_OF_N = "m_of_n", _("m correct of the last n")
        IN_A_ROW = "in_a_row", _("n correct in a row")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="quizzes")
    title = TranslatedField(_("title"), max_length=200)
    questions = models.ManyToManyField(Question, related_name="quizzes", verbose_name=_("question pool"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed (0 = unlimited)"), default=0)
    grading = models.CharField(_("grading"), max_length=10, choices=Grading.choices, default=Grading.HIGHEST)
    shuffle = models.BooleanField(_("shuffle questions"), default=False)
    draw = models.PositiveSmallIntegerField(_("questions drawn (0 = all)"), default=0)
    feedback = models.CharField(_("feedback"), max_length=10, choices=Feedback.choices, default=Feedback.AFTER)
    mastery = models.CharField(_("mastery rule"), max_length=10, choices=Mastery.choices, default=Mastery.NONE)
    mastery_m = models.PositiveSmallIntegerField(_("m"), default=3)
    mastery_n = models.PositiveSmallIntegerField(_("n"), default=5)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)

    class Meta:
        ordering = ["course", "pk"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return str(self.title)

    @property
    def is_closed(self) -> bool:
        return self.closes_at is not None and self.closes_at <= timezone.now()

    def rules(self) -> dict:
        """The settings in force, copied into every attempt."""
        return {
            "pass_mark": self.pass_mark,
            "attempts_allowed": self.attempts_allowed,
            "grading": self.grading,
            "shuffle": self.shuffle,
            "draw": self.draw,
            "feedback": self.feedback,
            "mastery": self.mastery,
            "mastery_m": self.mastery_m,
            "mastery_n": self.mastery_n,
        }


class LearnerQuerySet(models.QuerySet):
    def of(self, learner) -> models.QuerySet:
        """Rows of a learner: a user or a guest id (a string)."""
        if isinstance(learner, str):
            return self.filter(guest_id=learner, user__isnull=True)
        return self.filter(user=learner)


class Attempt(models.Model):
    """One try at a quiz: the questions drawn (with their seed), the answers, the score and the rules in force."""

    shown_on_public_pages = False

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="quiz_attempts"
    )
    guest_id = models.CharField(max_length=40, blank=True, db_index=True)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    seed = models.PositiveIntegerField(default=0)
    drawn = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    answers = models.JSONField(default=dict, blank=True)
    results = models.JSONField(default=dict, blank=True)
    score = models.FloatField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    seconds = models.PositiveIntegerField(default=0)
    offline = models.BooleanField(default=False)
    via = models.CharField(max_length=10, default="web")
    rules = models.JSONField(default=dict)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = LearnerQuerySet.as_manager()

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["quiz", "user"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.pk}"

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)


class Refusal(models.Model):
    """Bad input refused with a reason, counted once per (reason, fingerprint)."""

    shown_on_public_pages = False

    class Reason(models.TextChoices):
        CLOSED = "closed", _("The quiz has closed.")
        RESUBMITTED = "resubmitted", _("This attempt was already submitted.")
        REPLAYED = "replayed", _("These offline answers were already received.")
        NOT_DRAWN = "not_drawn", _("Answers were given for questions that were not in this attempt.")
        TAMPERED = "tampered", _("The attempt's question draw does not match its signature.")
        NO_ATTEMPTS_LEFT = "no_attempts", _("No attempts left.")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="refusals")
    attempt = models.ForeignKey(Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="refusals")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reason", "fingerprint"], name="refusal_counted_once")]

    def __str__(self) -> str:
        return f"{self.reason} · {self.quiz_id}"


class LessonProgress(models.Model):
    shown_on_public_pages = False

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="lesson_progress"
    )
    guest_id = models.CharField(max_length=40, blank=True, db_index=True)
    opened_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    reported_seconds = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = LearnerQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "user"], condition=models.Q(user__isnull=False), name="one_progress_per_user"
            ),
            models.UniqueConstraint(
                fields=["lesson", "guest_id"],
                condition=models.Q(user__isnull=True),
                name="one_progress_per_guest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lesson_id} · {self.user_id or self.guest_id}"

    @property
    def seconds(self) -> int:
        """Time spent: what the page reported, or open → last seen measured on the server, whichever is more."""
        measured = int((self.last_seen_at - self.opened_at).total_seconds())
        return max(self.reported_seconds, measured)


class Cohort(models.Model):
    class Schedule(models.TextChoices):
        SELF_PACED = "self_paced", _("Self-paced")
        SCHEDULED = "scheduled", _("Scheduled (modules released by date)")

    class Enrolment(models.TextChoices):
        OPEN = "open", _("Open to everyone")
        CODE = "code", _("With an enrolment code")
        INVITATION = "invitation", _("By invitation")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("name"), max_length=200)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_cohorts", verbose_name=_("facilitators")
    )
    schedule = models.CharField(_("schedule"), max_length=12, choices=Schedule.choices, default=Schedule.SELF_PACED)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    enrolment = models.CharField(_("enrolment"), max_length=12, choices=Enrolment.choices, default=Enrolment.OPEN)
    code = models.CharField(_("enrolment code"), max_length=40, blank=True)
    group_link = models.URLField(
        _("group chat link"), max_length=300, blank=True, help_text=_("The cohort's Telegram or WhatsApp group.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("learning:cohort", kwargs={"pk": self.pk})

    def released(self, module: Module, today=None) -> bool:
        if self.schedule == self.Schedule.SELF_PACED or self.starts_on is None:
            return True
        import datetime as dt

        today = today or timezone.localdate()
        return today >= self.starts_on + dt.timedelta(days=module.release_after_days)

    @property
    def group_kind(self) -> str:
        if "t.me/" in self.group_link or "telegram" in self.group_link:
            return "Telegram"
        if "whatsapp" in self.group_link:
            return "WhatsApp"
        return ""


class Enrolment(models.Model):
    shown_on_public_pages = False

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_enrolment_per_cohort")]

    def __str__(self) -> str:
        return f"{self.cohort_id} · {self.user_id}"


class Invitation(models.Model):
    shown_on_public_pages = False

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    token = models.CharField(max_length=40, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "email"], name="one_invitation_per_address")]

    def __str__(self) -> str:
        return f"{self.cohort_id} · {self.pk}"


class Announcement(models.Model):
    shown_on_public_pages = False

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="announcements")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("announcement"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class TelegramCourse(models.Model):
    """A learner taking a course through the bot, one micro-lesson a day."""

    shown_on_public_pages = False

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telegram_courses")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    next_lesson = models.PositiveIntegerField(default=0)
    last_sent_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_telegram_course")]

    def __str__(self) -> str:
        return f"{self.course_id} · {self.user_id}"


class TelegramPoll(models.Model):
    """A quiz poll sent to a learner; its answer becomes a one-question attempt."""

    shown_on_public_pages = False

    poll_id = models.CharField(max_length=100, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    option_ids = models.JSONField(default=list)
    attempt = models.ForeignKey(Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.poll_id
