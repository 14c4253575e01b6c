"""What the learning app holds about a person: progress, attempts, enrolments, Telegram lessons. No public learner
profiles; all of it is exported with the account and erased with it."""

from kurultai.core.privacy import PersonalData
from kurultai.learning.models import (
    Announcement,
    Attempt,
    Enrolment,
    Invitation,
    LessonProgress,
    Refusal,
    TelegramCourse,
    TelegramPoll,
)

DECLARATIONS = [
    PersonalData(
        LessonProgress,
        fields=("lesson", "opened_at", "last_seen_at", "reported_seconds", "completed_at"),
        table="lesson_progress",
    ),
    PersonalData(
        Attempt,
        fields=("quiz", "answers", "score", "passed", "seconds", "offline", "via", "rules", "submitted_at"),
        table="quiz_attempts",
    ),
    PersonalData(Refusal, fields=("quiz", "reason", "created_at"), table="quiz_refusals"),
    PersonalData(Enrolment, fields=("cohort", "created_at", "reminded_at"), table="cohort_enrolments"),
    PersonalData(
        Invitation,
        user_field="invited_by",
        fields=("cohort", "created_at"),
        erase="detach",
        table="cohort_invitations_sent",
    ),
    PersonalData(
        Announcement,
        user_field="author",
        fields=("cohort", "text", "created_at"),
        erase="detach",
        table="cohort_announcements",
    ),
    PersonalData(TelegramCourse, fields=("course", "next_lesson", "last_sent_on"), table="telegram_courses"),
    PersonalData(TelegramPoll, fields=("quiz", "question", "sent_at"), table="telegram_quiz_polls"),
]
