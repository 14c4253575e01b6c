"""Telegram mode: a learner linked to the bot takes a course as one micro-lesson a day — the lesson's text (at most
4,096 characters with a link to the full page) and its questions as Telegram quiz polls; each poll answer is kept as
a one-question attempt."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kurultai.core.text import absolute_url, markdown_to_text
from kurultai.learning import services
from kurultai.learning.models import Block, Course, Lesson, Question, Refusal, TelegramCourse, TelegramPoll

logger = logging.getLogger(__name__)
MAX_TEXT = 4096
MAX_QUESTION = 300
MAX_OPTION = 100
POLL_KINDS = (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE)


def linked_chat(user) -> str | None:
    from kurultai.notifications.telegram.models import Link

    link = Link.objects.filter(user=user, active=True).order_by("-pk").first()
    return link.chat_id if link else None


def start(user, course: Course) -> TelegramCourse:
    """Take ``course`` in Telegram from its first lesson (again, if already started)."""
    with transaction.atomic():
        row, _created = TelegramCourse.objects.update_or_create(
            user=user, course=course, defaults={"next_lesson": 0, "last_sent_on": None}
        )
    return row


def lesson_text(lesson: Lesson) -> str:
    """Plain text of the lesson within Telegram's 4,096 characters, ending with the link to the full lesson."""
    url = absolute_url(lesson.get_absolute_url())
    head = f"{lesson.module.course.title} · {lesson.title}\n\n"
    body = "\n\n".join(
        markdown_to_text(str(b.text)) for b in lesson.blocks.all() if b.kind == Block.Kind.TEXT and str(b.text)
    )
    tail = "\n\n" + _("Full lesson: %(url)s") % {"url": url}
    room = MAX_TEXT - len(head) - len(tail)
    if len(body) > room:
        body = body[: room - 1].rstrip() + "…"
    return head + body + tail


def poll_for(question: Question) -> tuple[dict[str, Any], list[Any]] | None:
    """``sendPoll`` parameters of a quiz poll for a question, and what each option stands for (None if it does not
    fit a quiz poll: one right option, 2–10 options of at most 100 characters, a question of at most 300)."""
    if question.kind == Question.Kind.TRUE_FALSE:
        options, values = [_("True"), _("False")], ["true", "false"]
        correct = 0 if question.is_true else 1
    elif question.kind == Question.Kind.SINGLE:
        choices = list(question.choices.all())
        if not 2 <= len(choices) <= 10:
            return None
        options, values = [str(c.text) for c in choices], [c.pk for c in choices]
        right = [i for i, c in enumerate(choices) if c.correct]
        if len(right) != 1:
            return None
        correct = right[0]
    else:
        return None
    text = str(question.text)
    if len(text) > MAX_QUESTION or any(len(o) > MAX_OPTION or not o.strip() for o in options):
        return None
    params = {
        "question": text,
        "options": [{"text": o} for o in options],
        "type": "quiz",
        "is_anonymous": False,
        "correct_option_id": correct,
    }
    if str(question.explanation):
        params["explanation"] = markdown_to_text(str(question.explanation))[:200]
    return params, values


def send_lesson(row: TelegramCourse, bot) -> bool:
    """Send the learner's next lesson and its quiz polls; returns False when there is nothing (more) to send."""
    chat_id = linked_chat(row.user)
    if not chat_id:
        return False
    lessons = list(
        Lesson.objects.filter(module__course=row.course)
        .select_related("module__course")
        .prefetch_related("blocks__quiz__questions__choices")
        .order_by("module__position", "module__pk", "position", "pk")
    )
    if row.next_lesson >= len(lessons):
        return False
    lesson = lessons[row.next_lesson]
    with translation.override(row.course.original_language):
        bot.call("sendMessage", {"chat_id": chat_id, "text": lesson_text(lesson), "disable_web_page_preview": True})
        for block in lesson.blocks.all():
            if block.kind != Block.Kind.QUIZ or not block.quiz_id:
                continue
            for question in block.quiz.questions.all():
                made = poll_for(question)
                if made is None:
                    continue
                params, values = made
                result = bot.call("sendPoll", {"chat_id": chat_id, **params})
                poll_id = str(((result or {}).get("poll") or {}).get("id", ""))
                if poll_id:
                    TelegramPoll.objects.get_or_create(
                        poll_id=poll_id,
                        defaults={"user": row.user, "quiz": block.quiz, "question": question, "option_ids": values},
                    )
    TelegramCourse.objects.filter(pk=row.pk).update(next_lesson=row.next_lesson + 1, last_sent_on=timezone.localdate())
    services.open_lesson(lesson, row.user)
    return True


def send_due(bot, today=None) -> int:
    """One lesson a day to every learner taking a course in Telegram."""
    from kurultai.notifications.telegram.client import TelegramError

    today = today or timezone.localdate()
    sent = 0
    for row in TelegramCourse.objects.select_related("user", "course").exclude(last_sent_on=today):
        try:
            sent += int(send_lesson(row, bot))
        except TelegramError as error:
            logger.warning("Telegram lesson for %s failed: %s", row.pk, error)
    return sent


def on_poll_answer(answer: dict[str, Any]) -> Any:
    """A ``poll_answer`` update: keep it as a one-question attempt of the poll's quiz (once per poll)."""
    poll = (
        TelegramPoll.objects.select_related("quiz", "question", "user")
        .filter(poll_id=str(answer.get("poll_id")))
        .first()
    )
    if poll is None:
        return None
    sender = str((answer.get("user") or {}).get("id", ""))
    if sender != str(linked_chat(poll.user) or ""):
        return None
    chosen = answer.get("option_ids") or []
    if not chosen or not isinstance(chosen[0], int) or not 0 <= chosen[0] < len(poll.option_ids):
        return None  # a retracted vote, or nonsense
    value = poll.option_ids[chosen[0]]
    if poll.quiz.is_closed:
        services._refuse(poll.quiz, Refusal.Reason.CLOSED, f"telegram-poll-{poll.poll_id}", poll.user)
        return None
    try:
        attempt = services.keep_attempt(
            poll.quiz,
            poll.user,
            key=f"telegram-poll-{poll.poll_id}",
            seed=0,
            drawn=[poll.question_id],
            answers={str(poll.question_id): value},
            via="telegram",
        )
    except services.Refused:
        return None
    TelegramPoll.objects.filter(pk=poll.pk).update(attempt=attempt)
    return attempt
