"""Demo participation: registration open on the fictional demo forum (few in-person seats, so the waiting list
can be seen at work), and past attendance with certificates at the 2025 forum for the demo people."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kurultai.accounts.models import User
from kurultai.forums.models import Forum
from kurultai.participation.models import Call, InvitationLetter, Question, Registration

DEMO_FORUM = "demo-forum-2027"
PAST_FORUM = "2025-almaty"
ISSUER = "Forum secretariat (demo)"


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), dt.UTC)


def _registration(call: Call, email: str, **values) -> Registration | None:
    user = User.objects.filter(email=email).first()
    if user is None:
        return None
    registration, _created = Registration.objects.get_or_create(
        call=call, user=user, defaults={"name": user.display_name, **values}
    )
    return registration


@transaction.atomic
def load() -> dict[str, int]:
    counts = {"calls": 0, "registrations": 0, "certificates": 0}
    forum = Forum.objects.filter(slug=DEMO_FORUM).first()
    if forum is not None:
        call, _created = Call.objects.update_or_create(
            forum=forum,
            defaults={
                "opens_at": _at(dt.date(2026, 1, 15)),
                "closes_at": _at(forum.start_date - dt.timedelta(days=14)),
                "selection": Call.Selection.FIRST_COME,
                "capacity_in_person": 3,
                "capacity_online": 200,
                "reminder_days": 3,
                "retention_days": 180,
                "issuer": ISSUER,
                "intro": {
                    "en": "Demo: only three seats in the hall, so the waiting list shows quickly. Online places are "
                    "plentiful.",
                    "ru": "Демо: в зале всего три места, так что лист ожидания появляется быстро. Онлайн-мест "
                    "достаточно.",
                },
                "original_language": "en",
            },
        )
        counts["calls"] += 1
        if not call.questions.exists():
            Question.objects.create(
                call=call,
                kind=Question.Kind.CHOICE,
                label={
                    "en": "Which working group interests you most? (demo)",
                    "ru": "Какая рабочая группа вам интереснее всего? (демо)",
                },
                choices={
                    "en": "Digital transformation\nClimate and environment\nYouth participation",
                    "ru": "Цифровая трансформация\nКлимат и окружающая среда\nУчастие молодёжи",
                },
                position=1,
            )
            Question.objects.create(
                call=call,
                purpose=Question.Purpose.FEEDBACK,
                kind=Question.Kind.SCALE,
                label={"en": "How useful was the forum for you? (demo)", "ru": "Насколько полезен был форум? (демо)"},
                required=True,
                position=1,
            )
        common = {"status": Registration.Status.ACCEPTED, "organisation_type": "cso"}
        aigerim = _registration(call, "aigerim@demo.kurultai.example", format="in_person", **common)
        _registration(call, "bakyt@demo.kurultai.example", format="in_person", **common)
        if aigerim is not None:
            InvitationLetter.objects.get_or_create(
                registration=aigerim,
                defaults={"passport_name": "AIGERIM DEMO", "passport_number": "DEMO0000001"},
            )
        counts["registrations"] += call.registrations.count()
    past = Forum.objects.filter(slug=PAST_FORUM).first()
    if past is not None:
        from kurultai.participation.services import issue_certificate

        call, _created = Call.objects.update_or_create(
            forum=past,
            defaults={
                "opens_at": _at(dt.date(2024, 11, 1)),
                "closes_at": _at(dt.date(2025, 1, 20)),
                "capacity_in_person": 150,
                "capacity_online": None,
                "reminder_days": 0,
                "retention_days": 3650,
                "issuer": ISSUER,
                "original_language": "en",
            },
        )
        counts["calls"] += 1
        for email in ("aigerim@demo.kurultai.example", "bakyt@demo.kurultai.example"):
            registration = _registration(
                call,
                email,
                format="in_person",
                status=Registration.Status.CHECKED_IN,
                checked_in_at=_at(past.start_date),
                organisation_type="cso",
            )
            if registration is not None:
                counts["registrations"] += 1
                issue_certificate(registration)
                counts["certificates"] += 1
    return counts
