"""Demo follow-up of the 2021 recommendations. Every record is flagged as demo content."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kurultai.followup.models import Assessment, ProgressUpdate, Response, ResponsibleActor
from kurultai.forums.models import Addressee, Recommendation
from kurultai.organisations.models import Organisation


def _rec(session: int, position: int) -> Recommendation:
    return Recommendation.objects.get(forum__slug="2021-almaty", session__number=session, position=position)


@transaction.atomic
def load() -> dict[str, int]:
    """Responsible actors, responses, updates and one disagreeing assessment, for the 2021 forum."""
    if not Recommendation.objects.filter(forum__slug="2021-almaty").exists():
        return {}
    eu = Addressee.objects.get(code="eu")
    governments = Addressee.objects.get(code="governments")
    delegation = Organisation.objects.get(slug="eu-delegation-kazakhstan")
    ministry = Organisation.objects.get(slug="ministry-digital-development-kz")
    eu.organisations.add(delegation)
    governments.organisations.add(ministry)
    carec = Organisation.objects.get(slug="carec")
    steppe = Organisation.objects.get(slug="green-steppe")
    learning = _rec(4, 2)  # web-based learning facility
    monitoring = _rec(2, 2)  # CSOs monitor EU-funded projects
    ResponsibleActor.objects.update_or_create(
        recommendation=learning, organisation=carec, defaults={"role": "lead", "deadline": dt.date(2025, 12, 31)}
    )
    ResponsibleActor.objects.update_or_create(
        recommendation=monitoring, organisation=delegation, defaults={"role": "lead", "deadline": dt.date(2027, 6, 30)}
    )
    Response.objects.update_or_create(
        recommendation=learning,
        addressee=eu,
        is_demo=True,
        defaults={
            "status": "accepted",
            "responded_on": dt.date(2022, 3, 15),
            "organisation": delegation,
            "text": {
                "en": "The EU supports a regional online learning offer for civil society on climate.",
                "ru": "ЕС поддерживает региональное онлайн-обучение гражданского общества по климату.",
            },
        },
    )
    Response.objects.update_or_create(
        recommendation=monitoring,
        addressee=eu,
        is_demo=True,
        defaults={
            "status": "partially_accepted",
            "responded_on": dt.date(2022, 5, 10),
            "organisation": delegation,
            "text": {
                "en": "Project results are published; funding data will follow.",
                "ru": "Результаты проектов публикуются; данные о финансировании появятся позже.",
            },
        },
    )
    Response.objects.update_or_create(
        recommendation=_rec(3, 2),
        addressee=governments,
        is_demo=True,
        defaults={
            "status": "noted",
            "responded_on": dt.date(2022, 9, 1),
            "organisation": ministry,
            "text": {
                "en": "Noted by the national digital development programmes.",
                "ru": "Принято к сведению в национальных программах цифрового развития.",
            },
        },
    )
    for when, status, text in (
        (
            dt.date(2022, 6, 1),
            "planned",
            {"en": "Course outline agreed with CSO networks.", "ru": "План курса согласован с сетями ОГО."},
        ),
        (
            dt.date(2023, 4, 20),
            "in_progress",
            {
                "en": "First climate module online in Russian and English.",
                "ru": "Первый модуль по климату доступен на русском и английском.",
            },
        ),
    ):
        ProgressUpdate.objects.update_or_create(
            recommendation=learning,
            reported_on=when,
            is_demo=True,
            defaults={"status": status, "text": text, "reporter": "actor", "organisation": carec},
        )
    ProgressUpdate.objects.update_or_create(
        recommendation=monitoring,
        reported_on=dt.date(2022, 11, 5),
        is_demo=True,
        defaults={
            "status": "partially_implemented",
            "reporter": "actor",
            "organisation": delegation,
            "text": {
                "en": "Results of EU-funded projects are published per country.",
                "ru": "Результаты проектов ЕС публикуются по странам.",
            },
        },
    )
    Assessment.objects.update_or_create(
        recommendation=monitoring,
        organisation=steppe,
        is_demo=True,
        defaults={
            "status": "not_started",
            "assessed_on": dt.date(2023, 2, 1),
            "text": {
                "en": "Budgets and contractors are still not public; CSOs cannot monitor funding.",
                "ru": "Бюджеты и подрядчики по-прежнему не публикуются; ОГО не могут отслеживать финансирование.",
            },
        },
    )
    from kurultai.followup import recurrence
    from kurultai.followup.models import RecurrenceLink

    suggested = recurrence.suggest()
    digital_2025 = Recommendation.objects.filter(forum__slug="2025-almaty", session__number=1, position=1).first()
    if digital_2025:
        RecurrenceLink.objects.update_or_create(
            recommendation=digital_2025, earlier=_rec(3, 2), defaults={"status": RecurrenceLink.Status.CONFIRMED}
        )
    return {"responses": 3, "progress updates": 3, "assessments": 1, "recurrence suggestions": suggested}
