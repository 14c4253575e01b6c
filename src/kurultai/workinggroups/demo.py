"""Demo working groups of the 2026 forum, each with members, a meeting and an adopted action plan of three actions
built from real 2021 and 2025 recommendations. The groups' plans, actions, figures and updates are invented and
flagged as demo content; rerunning changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q

from kurultai.core.models import Country, Theme
from kurultai.followup.models import ProgressUpdate, trackable_of
from kurultai.followup.services import sync_responsible_actors
from kurultai.forums.models import Forum, Recommendation
from kurultai.organisations.models import Organisation
from kurultai.workinggroups.models import (
    Action,
    ActionPlan,
    GroupMembership,
    Indicator,
    Meeting,
    PlanVersion,
    WorkingGroup,
)
from kurultai.workinggroups.services import snapshot

ADOPTED_ON = dt.date(2026, 6, 18)
START, DUE = dt.date(2026, 9, 1), dt.date(2028, 6, 30)

# slug, title, themes, keywords that find its recommendations, members, owners of its three actions, countries
GROUPS: list[dict[str, Any]] = [
    {
        "slug": "digital-transformation",
        "title": {"en": "Digital transformation", "ru": "Цифровая трансформация"},
        "themes": ["digital-transformation"],
        "words": ["digital", "online", "internet", "data"],
        "members": ["digital-village-kg", "media-literacy-tashkent", "alternativa", "green-steppe"],
        "owners": ["ministry-digital-development-kz", "digital-village-kg", "media-literacy-tashkent"],
        "countries": ["KZ", "KG", "UZ"],
        "actions": [
            ("Open rural digital skills centres", "Centres open", "centres", 0, 12),
            ("Publish a regional open data catalogue of public services", "Datasets published", "datasets", 5, 60),
            ("Train civil society on digital security", "People trained", "people", 0, 400),
        ],
    },
    {
        "slug": "climate-and-environment",
        "title": {"en": "Climate and environment", "ru": "Климат и окружающая среда"},
        "themes": ["climate-change"],
        "words": ["climate", "water", "environment", "energy"],
        "members": ["carec", "green-steppe", "karakum-nature", "aral-farmers", "mountain-water-users"],
        "owners": ["carec", "aral-farmers", "mountain-water-users"],
        "countries": ["KZ", "UZ", "KG", "TM"],
        "actions": [
            ("Run community early-warning pilots for floods and mudflows", "Villages covered", "villages", 0, 30),
            ("Introduce water-saving irrigation on demonstration farms", "Hectares irrigated", "ha", 0, 500),
            ("Publish a joint monitoring report on climate finance", "Reports published", "reports", 0, 2),
        ],
    },
    {
        "slug": "youth-participation",
        "title": {"en": "Youth participation", "ru": "Участие молодёжи"},
        "themes": ["youth"],
        "words": ["youth", "young", "education", "learning"],
        "members": ["pamir-youth", "alternativa", "afghan-women-education"],
        "owners": ["pamir-youth", "alternativa", "afghan-women-education"],
        "countries": ["TJ", "KZ", "AF"],
        "actions": [
            ("Set up youth councils beside local administrations", "Councils active", "councils", 0, 15),
            ("Offer an online course on civic participation", "Learners completed", "people", 0, 1000),
            ("Fund small youth-led community projects", "Projects funded", "projects", 0, 40),
        ],
    },
    {
        "slug": "governance-and-social-entrepreneurship",
        "title": {"en": "Governance and social entrepreneurship", "ru": "Управление и социальное предпринимательство"},
        "themes": ["rule-of-law"],
        "words": ["entrepreneur", "business", "government", "law", "monitor"],
        "members": ["alternativa", "green-steppe", "media-literacy-tashkent"],
        "owners": ["akimat-almaty", "alternativa", "green-steppe"],
        "countries": ["KZ", "UZ"],
        "actions": [
            ("Draft a model law on social enterprises", "Countries with a draft law", "countries", 0, 3),
            ("Open public procurement to social enterprises", "Contracts won", "contracts", 2, 25),
            ("Monitor EU-funded projects with civil society", "Projects monitored", "projects", 0, 10),
        ],
    },
    {
        "slug": "womens-empowerment",
        "title": {"en": "Women's empowerment", "ru": "Расширение прав и возможностей женщин"},
        "themes": ["gender-equality"],
        "words": ["women", "gender", "violence", "girls"],
        "members": ["womens-rights-tj", "afghan-women-education", "pamir-youth"],
        "owners": ["womens-rights-tj", "afghan-women-education", "eu-delegation-kazakhstan"],
        "countries": ["TJ", "AF", "KZ"],
        "actions": [
            ("Open crisis centres for survivors of domestic violence", "Centres open", "centres", 3, 10),
            ("Mentor women-led organisations on fundraising", "Organisations mentored", "organisations", 0, 50),
            ("Grant scholarships for girls' secondary education", "Scholarships granted", "scholarships", 0, 200),
        ],
    },
]


def _recommendations(words: list[str]) -> list[Recommendation]:
    """Three real 2021/2025 recommendations about the group's theme (any of them if too few match)."""
    base = Recommendation.objects.filter(forum__start_date__year__in=[2021, 2025]).order_by("forum__start_date", "pk")
    match = Q()
    for word in words:
        match |= Q(text__icontains=word)
    found = list(base.filter(match)[:3])
    if len(found) < 3:
        found += [r for r in base[:6] if r not in found][: 3 - len(found)]
    return found


@transaction.atomic
def load() -> dict[str, int]:
    forum = Forum.objects.filter(slug="2026-kyrgyzstan").first()
    orgs = {o.slug: o for o in Organisation.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    countries = {c.code: c for c in Country.objects.all()}
    counts = {"working groups": 0, "actions": 0}
    for data in GROUPS:
        group, _created = WorkingGroup.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "description": {
                    "en": "A regional thematic working group of the 2026 forum. Its plan and figures are demo content.",
                    "ru": "Региональная тематическая рабочая группа форума 2026 года. План и цифры — демо-данные.",
                },
                "original_language": "en",
                "forum": forum,
                "is_demo": True,
            },
        )
        group.themes.set([themes[s] for s in data["themes"] if s in themes])
        for slug in data["members"]:
            if slug in orgs:
                GroupMembership.objects.update_or_create(
                    group=group, organisation=orgs[slug], defaults={"status": GroupMembership.Status.APPROVED}
                )
        Meeting.objects.update_or_create(
            group=group,
            is_demo=True,
            defaults={
                "title": {"en": "Planning meeting", "ru": "Планирующее заседание"},
                "starts_at": dt.datetime(2026, 9, 15, 10, 0, tzinfo=ZoneInfo("Asia/Bishkek")),
                "ends_at": dt.datetime(2026, 9, 15, 12, 0, tzinfo=ZoneInfo("Asia/Bishkek")),
                "time_zone": "Asia/Bishkek",
                "online_url": "https://meet.example.org/kurultai-demo",
                "agenda": {
                    "en": "1. Progress on the action plan\n2. Next steps",
                    "ru": "1. Ход плана\n2. Дальнейшие шаги",
                },
                "minutes": {"en": "The group reviewed the first reports from action owners."},
                "original_language": "en",
            },
        )
        counts["actions"] += _plan(group, data, orgs, countries)
        counts["working groups"] += 1
    return counts


def _plan(group: WorkingGroup, data: dict[str, Any], orgs: dict, countries: dict) -> int:
    plan, _created = ActionPlan.objects.update_or_create(
        group=group,
        is_demo=True,
        defaults={
            "title": {"en": f"Regional action plan 2026–2028: {data['title']['en']}",
                      "ru": f"Региональный план действий 2026–2028: {data['title']['ru']}"},
            "summary": {"en": "Three actions that answer recommendations of the 2021 and 2025 forums (demo content)."},
            "original_language": "en",
        },
    )  # fmt: skip
    recs = _recommendations(data["words"])
    for index, (title, indicator, unit, baseline, target) in enumerate(data["actions"]):
        action, _created = Action.objects.update_or_create(
            plan=plan,
            position=index + 1,
            defaults={
                "title": {"en": title},
                "original_language": "en",
                "starts_on": START,
                "due_on": DUE,
                "budget_amount": Decimal(50000 * (index + 1)),
                "budget_currency": "EUR",
                "is_demo": True,
            },
        )
        owner = orgs.get(data["owners"][index])
        action.owners.set([owner] if owner else [])
        action.countries.set([countries[c] for c in data["countries"] if c in countries])
        action.recommendations.set(recs[index : index + 1] or recs[:1])
        Indicator.objects.update_or_create(
            action=action,
            unit=unit,
            defaults={
                "name": {"en": indicator},
                "original_language": "en",
                "baseline": Decimal(baseline),
                "target": Decimal(target),
                "actual": Decimal(baseline + (target - baseline) // 3) if index == 0 else None,
                "actual_on": dt.date(2026, 11, 1) if index == 0 else None,
            },
        )
        if owner:
            sync_responsible_actors(None, action, [owner], deadline=DUE)
    version = PlanVersion.objects.filter(plan=plan, number=1).first()
    if version is None:
        version = PlanVersion.objects.create(plan=plan, number=1, adopted_on=ADOPTED_ON, snapshot=snapshot(plan))
    plan.actions.update(adopted_in=version)
    ActionPlan.objects.filter(pk=plan.pk).update(changed_since_adoption=False)
    first = plan.actions.order_by("position").first()
    owner = first.owners.first()
    if owner is not None:
        ProgressUpdate.objects.update_or_create(
            trackable=trackable_of(first, create=True),
            is_demo=True,
            reported_on=dt.date(2026, 11, 1),
            defaults={
                "status": "in_progress",
                "text": {"en": "A third of the target is reached; the rest is scheduled for 2027."},
                "original_language": "en",
                "reporter": ProgressUpdate.Reporter.ACTOR,
                "organisation": owner,
            },
        )
    return plan.actions.count()
