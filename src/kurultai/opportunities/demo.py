"""Demo opportunities: a dozen fictional calls, tenders, grants, fellowships, awards, trainings and events for the
five countries and Afghanistan from the directory's donors (the EU Delegation, CAREC, UNOPS), one partner search with a conversation, and one consortium at work.

Everything here is invented and flagged as demo content (``is_demo`` and a note in the text)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kurultai.core.models import Country, Theme
from kurultai.opportunities.models import (
    ChecklistItem,
    Consortium,
    ConsortiumMember,
    ConversationMessage,
    Opportunity,
    PartnerSearch,
    Role,
    SectionVersion,
)
from kurultai.organisations.models import Organisation, PartnerInterest, PartnerRequest

NOTE = {"en": "\n\n*Demo opportunity: fictional.*", "ru": "\n\n*Демонстрационная возможность: вымышленная.*"}
# key, kind, stage, donor, countries (or "global"), themes, days to deadline (None: rolling), zone, amounts, title
ITEMS: list[tuple[Any, ...]] = [
    ("water-tj", "call", "open", "eu-delegation-kazakhstan", ["TJ", "AF"], ["water-management", "transboundary-water"],
     45, "Europe/Brussels", (100000, 400000, "EUR"),
     {"en": "Civil society for water governance in the Pyanj basin", "ru": "Гражданское общество за управление водой в бассейне Пянджа"}),
    ("climate-kz", "grant", "open", "eu-delegation-kazakhstan", ["KZ"], ["climate-change"],
     20, "Europe/Brussels", (20000, 60000, "EUR"),
     {"en": "Small grants for local climate adaptation", "ru": "Малые гранты на местную адаптацию к климату"}),
    ("youth-kg", "fellowship", "open", "unops", ["KG", "KZ", "UZ"], ["youth", "digital-transformation"],
     12, "Asia/Almaty", (None, 3000, "USD"),
     {"en": "Youth digital leaders fellowship", "ru": "Стипендия для молодых цифровых лидеров"}),
    ("waste-uz", "tender", "open", "eu-delegation-kazakhstan", ["UZ"], ["consumption-waste"],
     30, "Asia/Tashkent", (None, 150000, "EUR"),
     {"en": "Service contract: study on municipal waste recycling", "ru": "Контракт на услуги: исследование переработки отходов"}),
    ("drr-tm", "training", "open", "carec", ["TM", "TJ", "KG"], ["disaster-risk-adaptation"],
     6, "Asia/Almaty", None,
     {"en": "Training on community disaster risk reduction", "ru": "Тренинг по снижению риска бедствий на уровне сообществ"}),
    ("gender-af", "grant", "open", "unops", ["AF"], ["gender-equality"],
     25, "Asia/Kabul", (5000, 25000, "USD"),
     {"en": "Sub-grants for women-led organisations", "ru": "Субгранты для организаций, возглавляемых женщинами"}),
    ("award-global", "award", "open", "carec", "global", ["biodiversity"],
     60, "Asia/Almaty", (None, 10000, "USD"),
     {"en": "Regional award for ecosystem restoration", "ru": "Региональная премия за восстановление экосистем"}),
    ("forum-event", "event", "forecast", "unops", ["KZ", "KG", "TJ", "TM", "UZ"], ["regional-cooperation"],
     90, "Asia/Almaty", None,
     {"en": "Regional civil society networking event", "ru": "Региональная встреча гражданского общества"}),
    ("health-rolling", "grant", "open", "unops", ["TJ", "KG"], ["environment-health"],
     None, "Asia/Dushanbe", (1000, 5000, "USD"),
     {"en": "Rolling micro-grants on environment and health", "ru": "Микрогранты на окружающую среду и здоровье (постоянный приём)"}),
    ("energy-forecast", "call", "forecast", "eu-delegation-kazakhstan", ["UZ", "TM"], ["clean-energy"],
     120, "Europe/Brussels", (200000, 800000, "EUR"),
     {"en": "Forthcoming call on clean energy in rural areas", "ru": "Предстоящий конкурс по чистой энергии в сельских районах"}),
    ("justice-closed", "call", "closed", "eu-delegation-kazakhstan", ["KZ"], ["rule-of-law"],
     -10, "Europe/Brussels", (50000, 150000, "EUR"),
     {"en": "Access to justice for vulnerable groups", "ru": "Доступ к правосудию для уязвимых групп"}),
    ("media-awarded", "grant", "awarded", "eu-delegation-kazakhstan", ["TJ"], ["media-freedom"],
     -60, "Europe/Brussels", (30000, 90000, "EUR"),
     {"en": "Independent local media support", "ru": "Поддержка независимых местных СМИ"}),
]  # fmt: skip

SUMMARY = {
    "en": "Support for civil society organisations working on this theme, with partners from the region.",
    "ru": "Поддержка организаций гражданского общества, работающих по этой теме, вместе с партнёрами из региона.",
}
CONCEPT_NOTE = """## Summary

Farmer groups in the lower Pyanj basin lose a third of their irrigation water to old canals. The consortium
proposes to

- line 12 km of canals with the water users' associations,
- train 40 women and men as water stewards,

## Objectives

*To be completed by the co-applicant.*
"""


@transaction.atomic
def load() -> dict[str, int]:
    """Create or update the demo opportunities, partner search, conversation and consortium (safe to rerun)."""
    countries = {c.code: c for c in Country.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    donors = {o.slug: o for o in Organisation.objects.filter(slug__in=[i[3] for i in ITEMS])}
    now = timezone.now()
    made: dict[str, Opportunity] = {}
    for key, kind, stage, donor, where, theme_slugs, days, zone, amounts, title in ITEMS:
        if donor not in donors:
            continue
        deadline = None
        if days is not None:
            day = (now + dt.timedelta(days=days)).date()
            from zoneinfo import ZoneInfo

            deadline = dt.datetime.combine(day, dt.time(17, 0), tzinfo=ZoneInfo(zone))
        low, high, currency = amounts or (None, None, "")
        opportunity, _created = Opportunity.objects.update_or_create(
            source_id=f"demo:{key}",
            defaults={
                "kind": kind,
                "stage": stage,
                "status": Opportunity.Status.PUBLISHED,
                "donor": donors[donor],
                "title": title,
                "summary": {code: SUMMARY[code] + NOTE[code] for code in SUMMARY},
                "original_language": "en",
                "is_global": where == "global",
                "applicant_types": "local_ngo cbo" if kind != "tender" else "company research",
                "amount_min": Decimal(low) if low else None,
                "amount_max": Decimal(high) if high else None,
                "currency": currency,
                "deadline": deadline,
                "time_zone": zone,
                "deadline_model": "rolling" if days is None else ("two_stage" if kind == "call" else "single"),
                "languages": "en ru",
                "partners_required": kind == "call",
                "url": "",
                "is_demo": True,
                "published_at": now - dt.timedelta(days=3),
                "expired_at": deadline if deadline and deadline < now else None,
            },
        )
        opportunity.eligible_countries.set([] if where == "global" else [countries[c] for c in where])
        opportunity.themes.set([themes[s] for s in theme_slugs if s in themes])
        made[key] = opportunity
    extra = _partner_search_and_consortium(made.get("water-tj"))
    return {"opportunities": len(made), **extra}


def _person(email: str) -> Any:
    from kurultai.accounts.models import User

    return User.objects.filter(email=email).first()


def _partner_search_and_consortium(call: Opportunity | None) -> dict[str, int]:
    """The water users' union offers itself as co-applicant for the Pyanj call; Green Steppe answers; the two and
    Pamir Youth form a consortium led by Green Steppe, with a half-written concept note."""
    orgs = {
        o.slug: o for o in Organisation.objects.filter(slug__in=["green-steppe", "mountain-water-users", "pamir-youth"])
    }
    if call is None or len(orgs) < 3:
        return {}
    aigerim, bakyt = _person("aigerim@demo.kurultai.example"), _person("bakyt@demo.kurultai.example")
    lead, partner, third = orgs["green-steppe"], orgs["mountain-water-users"], orgs["pamir-youth"]
    # The water users' union asks; Green Steppe answers (its own demo request stays the only one it posted).
    request, _created = PartnerRequest.objects.update_or_create(
        organisation=partner,
        title={"en": "Partner for the Pyanj water governance call", "ru": "Партнёр для конкурса по Пянджу"},
        defaults={
            "author": bakyt,
            "purpose": {"en": "We offer to act as co-applicant and look for a lead applicant with EU grant "
                        "experience.\n\n*Demo.*"},
            "deadline": timezone.localdate() + dt.timedelta(days=20),
            "original_language": "en",
        },
    )  # fmt: skip
    request.countries.set(Country.objects.filter(code__in=["TJ", "KZ"]))
    PartnerSearch.objects.update_or_create(
        request=request,
        defaults={"opportunity": call, "role": Role.CO_APPLICANT, "direction": "offered",
                  "expertise": "grant management, monitoring and evaluation"},
    )  # fmt: skip
    interest, _created = PartnerInterest.objects.get_or_create(
        request=request,
        organisation=lead,
        defaults={"author": aigerim, "message": "Green Steppe has led two EU grants; we would like to lead.",
                  "language": "en"},
    )  # fmt: skip
    if not interest.conversation.exists():
        ConversationMessage.objects.create(
            interest=interest, organisation=partner, author=bakyt, text="Welcome! Could you share two references?"
        )
        ConversationMessage.objects.create(
            interest=interest, organisation=lead, author=aigerim, text="Yes, we will send them by Friday."
        )
    consortium, _created = Consortium.objects.update_or_create(
        opportunity=call,
        lead=lead,
        defaults={
            "name": "Pyanj water consortium (demo)",
            "chat_url": "https://t.me/+demo-pyanj",
            "created_by": aigerim,
        },
    )
    for org, role in ((lead, Role.LEAD), (partner, Role.CO_APPLICANT), (third, Role.ASSOCIATE)):
        ConsortiumMember.objects.update_or_create(
            consortium=consortium,
            organisation=org,
            defaults={"role": role, "status": ConsortiumMember.Status.CONFIRMED},
        )
    if not consortium.versions.exists():
        SectionVersion.objects.create(
            consortium=consortium, section="concept_note", number=1, text=CONCEPT_NOTE, author=aigerim
        )
    if not consortium.checklist.exists():
        today = timezone.localdate()
        for title, owner, days in (("Concept note", lead, 10), ("Letters of support", partner, 14),
                                   ("Budget spreadsheet", lead, 18)):  # fmt: skip
            ChecklistItem.objects.create(
                consortium=consortium, title=title, owner=owner, due_on=today + dt.timedelta(days=days)
            )
    return {"partner searches": 1, "consortia": 1}
