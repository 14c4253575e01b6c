"""Reference vocabularies every installation needs: countries, thematic areas and SDGs.

``sync_taxonomy`` creates what is missing after every ``migrate`` and never overwrites
names an editor has changed in the admin.
"""

from __future__ import annotations

from typing import Any

CENTRAL_ASIA = [
    (
        "KZ",
        {
            "en": "Kazakhstan",
            "ru": "Казахстан",
            "kk": "Қазақстан",
            "ky": "Казакстан",
            "tg": "Қазоқистон",
            "tk": "Gazagystan",
            "uz": "Qozogʻiston",
        },
    ),
    (
        "KG",
        {
            "en": "Kyrgyzstan",
            "ru": "Кыргызстан",
            "kk": "Қырғызстан",
            "ky": "Кыргызстан",
            "tg": "Қирғизистон",
            "tk": "Gyrgyzystan",
            "uz": "Qirgʻiziston",
        },
    ),
    (
        "TJ",
        {
            "en": "Tajikistan",
            "ru": "Таджикистан",
            "kk": "Тәжікстан",
            "ky": "Тажикстан",
            "tg": "Тоҷикистон",
            "tk": "Täjigistan",
            "uz": "Tojikiston",
        },
    ),
    (
        "TM",
        {
            "en": "Turkmenistan",
            "ru": "Туркменистан",
            "kk": "Түрікменстан",
            "ky": "Түркмөнстан",
            "tg": "Туркманистон",
            "tk": "Türkmenistan",
            "uz": "Turkmaniston",
        },
    ),
    (
        "UZ",
        {
            "en": "Uzbekistan",
            "ru": "Узбекистан",
            "kk": "Өзбекстан",
            "ky": "Өзбекстан",
            "tg": "Ӯзбекистон",
            "tk": "Özbegistan",
            "uz": "Oʻzbekiston",
        },
    ),
]
NEIGHBOURS = [
    (
        "AF",
        {
            "en": "Afghanistan",
            "ru": "Афганистан",
            "kk": "Ауғанстан",
            "ky": "Ооганстан",
            "tg": "Афғонистон",
            "tk": "Owganystan",
            "uz": "Afgʻoniston",
        },
    ),
]
EUROPEAN_UNION = [
    (
        "EU",
        {
            "en": "European Union",
            "ru": "Европейский союз",
            "kk": "Еуропалық Одақ",
            "ky": "Европа Биримдиги",
            "tg": "Иттиҳоди Аврупо",
            "tk": "Ýewropa Bileleşigi",
            "uz": "Yevropa Ittifoqi",
        },
    ),
]
EU_MEMBERS = [
    ("AT", "Austria", "Австрия"),
    ("BE", "Belgium", "Бельгия"),
    ("BG", "Bulgaria", "Болгария"),
    ("HR", "Croatia", "Хорватия"),
    ("CY", "Cyprus", "Кипр"),
    ("CZ", "Czechia", "Чехия"),
    ("DK", "Denmark", "Дания"),
    ("EE", "Estonia", "Эстония"),
    ("FI", "Finland", "Финляндия"),
    ("FR", "France", "Франция"),
    ("DE", "Germany", "Германия"),
    ("GR", "Greece", "Греция"),
    ("HU", "Hungary", "Венгрия"),
    ("IE", "Ireland", "Ирландия"),
    ("IT", "Italy", "Италия"),
    ("LV", "Latvia", "Латвия"),
    ("LT", "Lithuania", "Литва"),
    ("LU", "Luxembourg", "Люксембург"),
    ("MT", "Malta", "Мальта"),
    ("NL", "Netherlands", "Нидерланды"),
    ("PL", "Poland", "Польша"),
    ("PT", "Portugal", "Португалия"),
    ("RO", "Romania", "Румыния"),
    ("SK", "Slovakia", "Словакия"),
    ("SI", "Slovenia", "Словения"),
    ("ES", "Spain", "Испания"),
    ("SE", "Sweden", "Швеция"),
]

THEMES = [
    # Environmental areas (CAREC's concept for cooperation with CSOs).
    ("climate-change", "environment", "Climate change", "Изменение климата"),
    (
        "water-management",
        "environment",
        "Integrated water resources management",
        "Интегрированное управление водными ресурсами",
    ),
    ("transboundary-water", "environment", "Transboundary water cooperation", "Трансграничное водное сотрудничество"),
    (
        "disaster-risk-adaptation",
        "environment",
        "Disaster risk reduction and climate adaptation",
        "Снижение риска бедствий и адаптация к изменению климата",
    ),
    ("biodiversity", "environment", "Biodiversity and ecosystems", "Биоразнообразие и экосистемы"),
    ("consumption-waste", "environment", "Consumption and waste", "Потребление и отходы"),
    ("chemical-safety", "environment", "Chemical safety", "Химическая безопасность"),
    (
        "education-capacity",
        "environment",
        "Education, leadership and capacity building",
        "Образование, лидерство и наращивание потенциала",
    ),
    ("environment-health", "environment", "Environment and health", "Окружающая среда и здоровье"),
    ("clean-energy", "environment", "Clean energy", "Чистая энергия"),
    ("water-saving", "environment", "Water-saving technologies", "Водосберегающие технологии"),
    # Themes of the forums.
    ("resilience-inclusion", "forum", "Resilience and inclusion", "Устойчивость и инклюзивность"),
    ("rule-of-law", "forum", "Rule of law and access to justice", "Верховенство права и доступ к правосудию"),
    ("health", "forum", "Health", "Здравоохранение"),
    ("gender-equality", "forum", "Gender equality and domestic violence", "Гендерное равенство и домашнее насилие"),
    ("youth", "forum", "Youth", "Молодёжь"),
    ("digital-transformation", "forum", "Digital transformation", "Цифровая трансформация"),
    ("media-freedom", "forum", "Media freedom", "Свобода СМИ"),
    ("green-economy", "forum", "Green economy", "Зелёная экономика"),
    ("regional-cooperation", "forum", "Regional cooperation", "Региональное сотрудничество"),
]

SDGS = [
    ("No poverty", "Ликвидация нищеты"),
    ("Zero hunger", "Ликвидация голода"),
    ("Good health and well-being", "Хорошее здоровье и благополучие"),
    ("Quality education", "Качественное образование"),
    ("Gender equality", "Гендерное равенство"),
    ("Clean water and sanitation", "Чистая вода и санитария"),
    ("Affordable and clean energy", "Недорогостоящая и чистая энергия"),
    ("Decent work and economic growth", "Достойная работа и экономический рост"),
    ("Industry, innovation and infrastructure", "Индустриализация, инновации и инфраструктура"),
    ("Reduced inequalities", "Уменьшение неравенства"),
    ("Sustainable cities and communities", "Устойчивые города и населённые пункты"),
    ("Responsible consumption and production", "Ответственное потребление и производство"),
    ("Climate action", "Борьба с изменением климата"),
    ("Life below water", "Сохранение морских экосистем"),
    ("Life on land", "Сохранение экосистем суши"),
    ("Peace, justice and strong institutions", "Мир, правосудие и эффективные институты"),
    ("Partnerships for the goals", "Партнёрство в интересах устойчивого развития"),
]


def _ensure(model: Any, lookup: dict, defaults: dict) -> bool:
    """Create the row when missing; return True when it was created."""
    _obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    return created


def sync_taxonomy(**_kwargs: Any) -> int:
    """Create missing countries, themes and SDGs; returns how many rows were added."""
    from kurultai.core.models import SDG, Country, Theme

    added = 0
    regions = [
        (CENTRAL_ASIA, Country.Region.CENTRAL_ASIA),
        (NEIGHBOURS, Country.Region.NEIGHBOURS),
        (EUROPEAN_UNION, Country.Region.EU),
    ]
    position = 0
    for entries, region in regions:
        for code, names in entries:
            position += 1
            added += _ensure(Country, {"code": code}, {"name": names, "region": region, "position": position})
    for code, en, ru in EU_MEMBERS:
        position += 1
        added += _ensure(
            Country,
            {"code": code},
            {"name": {"en": en, "ru": ru}, "region": Country.Region.EU_MEMBER, "position": position},
        )
    for index, (slug, kind, en, ru) in enumerate(THEMES, start=1):
        added += _ensure(Theme, {"slug": slug}, {"name": {"en": en, "ru": ru}, "kind": kind, "position": index})
    for number, (en, ru) in enumerate(SDGS, start=1):
        added += _ensure(SDG, {"number": number}, {"name": {"en": en, "ru": ru}})
    return added
