"""Demo programmes: the sixth forum (2026, Kyrgyzstan, regional thematic working groups) and a fictional seventh
edition for trying registration. The forums' facts are public; times, rooms, speakers and session texts are demo
content, and every invented speaker says so in their biography."""

from __future__ import annotations

import datetime as dt
from typing import Any

DEMO_BIO = {
    "en": "Demo profile: an invented person, so that the programme can be tried out.",
    "ru": "Демонстрационный профиль: вымышленный человек, чтобы можно было опробовать программу.",
}

# key → name, position, directory organisation slug (or None), free-text organisation
SPEAKERS: dict[str, tuple[dict, dict, str | None, dict]] = {
    "asel": (
        {"en": "Asel Demo-Toktogulova", "ru": "Асель Демо-Токтогулова"},
        {"en": "Director", "ru": "Директор"},
        "digital-village-kg",
        {},
    ),
    "bakyt": (
        {"en": "Bakyt Demo-Usenov", "ru": "Бакыт Демо-Усенов"},
        {"en": "Chair of the board", "ru": "Председатель правления"},
        "mountain-water-users",
        {},
    ),
    "dilnoza": (
        {"en": "Dilnoza Demo-Karimova", "ru": "Дильноза Демо-Каримова"},
        {"en": "Programme lead", "ru": "Руководитель программ"},
        "media-literacy-tashkent",
        {},
    ),
    "farrukh": (
        {"en": "Farrukh Demo-Nazarov", "ru": "Фаррух Демо-Назаров"},
        {"en": "Youth coordinator", "ru": "Координатор молодёжных программ"},
        "pamir-youth",
        {},
    ),
    "gulnara": (
        {"en": "Gulnara Demo-Abdrakhmanova", "ru": "Гульнара Демо-Абдрахманова"},
        {"en": "Lawyer", "ru": "Юрист"},
        "womens-rights-tj",
        {},
    ),
    "maral": (
        {"en": "Maral Demo-Atayeva", "ru": "Марал Демо-Атаева"},
        {"en": "Ecologist", "ru": "Эколог"},
        "karakum-nature",
        {},
    ),
    "timur": (
        {"en": "Timur Demo-Sultanov", "ru": "Тимур Демо-Султанов"},
        {"en": "Social entrepreneur", "ru": "Социальный предприниматель"},
        None,
        {"en": "Issyk-Kul Social Business Hub (demo)", "ru": "Иссык-Кульский хаб социального бизнеса (демо)"},
    ),
    "elena": (
        {"en": "Elena Demo-Petrova", "ru": "Елена Демо-Петрова"},
        {"en": "Facility team leader", "ru": "Руководитель группы проекта"},
        "unops",
        {},
    ),
    "aigerim": (
        {"en": "Aigerim Demo-Bekova", "ru": "Айгерим Демо-Бекова"},
        {"en": "Researcher", "ru": "Исследователь"},
        "alternativa",
        {},
    ),
}


def _at(day: dt.date, hour: int, minute: int = 0) -> tuple[dt.date, dt.time]:
    return day, dt.time(hour, minute)


D1, D2 = dt.date(2026, 6, 17), dt.date(2026, 6, 18)

FORUM_2026: dict[str, Any] = {
    "slug": "2026-kyrgyzstan",
    "number": 6,
    "start_date": D1,
    "end_date": D2,
    "country": "KG",
    "city": {"en": "Cholpon-Ata", "ru": "Чолпон-Ата", "ky": "Чолпон-Ата"},
    "format": "hybrid",
    "time_zone": "Asia/Bishkek",
    "title": {
        "en": "Sixth EU–Central Asia Civil Society Forum",
        "ru": "Шестой Форум гражданского общества ЕС – Центральная Азия",
    },
    "theme": {
        "en": "Regional thematic working groups: from recommendations to regional action plans",
        "ru": "Региональные тематические рабочие группы: от рекомендаций к региональным планам действий",
    },
    "concept": {
        "en": "The sixth forum, hosted by Kyrgyzstan, is organised around regional thematic working groups: digital "
        "transformation; climate and environment; youth participation; governance and social entrepreneurship; "
        "women's empowerment. Each group reviews what happened to earlier recommendations and drafts a regional "
        "action plan. The dates, times, rooms, speakers and session texts shown here are demo content.",
        "ru": "Шестой форум, принимающей стороной которого стал Кыргызстан, построен вокруг региональных тематических "
        "рабочих групп: цифровая трансформация; климат и окружающая среда; участие молодёжи; управление и "
        "социальное предпринимательство; расширение прав и возможностей женщин. Каждая группа смотрит, что стало "
        "с прежними рекомендациями, и готовит региональный план действий. Даты, время, залы, спикеры и тексты "
        "сессий здесь — демонстрационные данные.",
    },
    "themes": ["digital-transformation", "climate-change", "youth", "gender-equality", "regional-cooperation"],
    "programme": [
        {
            "number": 1,
            "title": {"en": "Opening plenary: five years of the forum", "ru": "Открытие: пять лет форума"},
            "purpose": {
                "en": "Welcome, the state of EU–Central Asia civil society cooperation and how the working groups "
                "will run.",
                "ru": "Приветствие, состояние сотрудничества гражданского общества ЕС и Центральной Азии и порядок "
                "работы рабочих групп.",
            },
            "when": (_at(D1, 9, 30), dt.time(11, 0)),
            "room": "Main hall",
            "format": "hybrid",
            "track": "",
            "themes": ["regional-cooperation"],
            "roles": [("elena", "moderator"), ("aigerim", "speaker"), ("bakyt", "speaker")],
        },
        {
            "number": 2,
            "title": {"en": "Working group: digital transformation", "ru": "Рабочая группа: цифровая трансформация"},
            "purpose": {
                "en": "Digital public services, connectivity in rural areas and digital rights.",
                "ru": "Цифровые госуслуги, связь в сельских районах и цифровые права.",
            },
            "when": (_at(D1, 11, 30), dt.time(13, 0)),
            "room": "Hall A",
            "format": "hybrid",
            "track": "Hall A",
            "themes": ["digital-transformation"],
            "roles": [("asel", "moderator"), ("dilnoza", "speaker"), ("aigerim", "rapporteur")],
        },
        {
            "number": 3,
            "title": {
                "en": "Working group: climate and environment",
                "ru": "Рабочая группа: климат и окружающая среда",
            },
            "purpose": {
                "en": "Glacier melt, water for mountain villages and community adaptation plans.",
                "ru": "Таяние ледников, вода для горных сёл и планы адаптации сообществ.",
            },
            "when": (_at(D1, 11, 30), dt.time(13, 0)),
            "room": "Hall B",
            "format": "in_person",
            "track": "Hall B",
            "themes": ["climate-change", "water-management"],
            "roles": [("bakyt", "moderator"), ("maral", "speaker"), ("timur", "rapporteur")],
        },
        {
            "number": 4,
            "title": {"en": "Working group: youth participation", "ru": "Рабочая группа: участие молодёжи"},
            "purpose": {
                "en": "Youth councils, volunteering and young people's voice in local decisions.",
                "ru": "Молодёжные советы, волонтёрство и голос молодёжи в местных решениях.",
            },
            "when": (_at(D1, 14, 30), dt.time(16, 0)),
            "room": "Hall A",
            "format": "hybrid",
            "track": "Hall A",
            "themes": ["youth"],
            "roles": [("farrukh", "moderator"), ("asel", "speaker"), ("dilnoza", "rapporteur")],
        },
        {
            "number": 5,
            "title": {
                "en": "Working group: governance and social entrepreneurship",
                "ru": "Рабочая группа: управление и социальное предпринимательство",
            },
            "purpose": {
                "en": "Public procurement of social services, social enterprises and accountable local government.",
                "ru": "Государственный социальный заказ, социальные предприятия и подотчётное местное управление.",
            },
            "when": (_at(D1, 14, 30), dt.time(16, 0)),
            "room": "Hall B",
            "format": "in_person",
            "track": "Hall B",
            "themes": ["rule-of-law", "green-economy"],
            "roles": [("timur", "moderator"), ("elena", "speaker"), ("farrukh", "rapporteur")],
        },
        {
            "number": 6,
            "title": {
                "en": "Working group: women's empowerment",
                "ru": "Рабочая группа: расширение прав и возможностей женщин",
            },
            "purpose": {
                "en": "Economic independence, protection from domestic violence and women in leadership.",
                "ru": "Экономическая самостоятельность, защита от домашнего насилия и женщины в руководстве.",
            },
            "when": (_at(D2, 9, 30), dt.time(11, 0)),
            "room": "Hall A",
            "format": "hybrid",
            "track": "Hall A",
            "themes": ["gender-equality"],
            "roles": [("gulnara", "moderator"), ("maral", "speaker"), ("asel", "rapporteur")],
        },
        {
            "number": 7,
            "title": {
                "en": "Clinic: turning recommendations into a regional action plan",
                "ru": "Клиника: как превратить рекомендации в региональный план действий",
            },
            "purpose": {
                "en": "A practical session on owners, indicators and deadlines for every action.",
                "ru": "Практическая сессия об ответственных, индикаторах и сроках для каждого действия.",
            },
            "when": (_at(D2, 9, 30), dt.time(11, 0)),
            "room": "Hall B",
            "format": "in_person",
            "track": "Hall B",
            "themes": ["regional-cooperation"],
            "roles": [("aigerim", "moderator"), ("bakyt", "speaker")],
        },
        {
            "number": 8,
            "title": {
                "en": "Plenary: the working groups report",
                "ru": "Пленарное заседание: доклады рабочих групп",
            },
            "purpose": {
                "en": "Each group's rapporteur presents its recommendations and draft action plan.",
                "ru": "Докладчики групп представляют рекомендации и проекты планов действий.",
            },
            "when": (_at(D2, 11, 30), dt.time(13, 0)),
            "room": "Main hall",
            "format": "hybrid",
            "track": "",
            "themes": ["regional-cooperation"],
            "roles": [("elena", "moderator"), ("aigerim", "rapporteur"), ("timur", "rapporteur")],
        },
        {
            "number": 9,
            "title": {"en": "Closing: adoption and next steps", "ru": "Закрытие: принятие итогов и следующие шаги"},
            "purpose": {
                "en": "Adoption of the outcome document and the follow-up calendar.",
                "ru": "Принятие итогового документа и календарь дальнейших действий.",
            },
            "when": (_at(D2, 14, 0), dt.time(15, 0)),
            "room": "Main hall",
            "format": "hybrid",
            "track": "",
            "themes": [],
            "roles": [("gulnara", "speaker"), ("elena", "speaker")],
        },
    ],
}

E1, E2 = dt.date(2027, 9, 15), dt.date(2027, 9, 16)

DEMO_FORUM_2027: dict[str, Any] = {
    "slug": "demo-forum-2027",
    "number": 7,
    "start_date": E1,
    "end_date": E2,
    "country": "KZ",
    "city": {"en": "Almaty", "ru": "Алматы", "kk": "Алматы"},
    "format": "hybrid",
    "time_zone": "Asia/Almaty",
    "title": {
        "en": "Demo forum — try registration",
        "ru": "Демонстрационный форум — попробуйте регистрацию",
    },
    "theme": {
        "en": "A fictional edition for trying registration, the waiting list and certificates",
        "ru": "Вымышленный форум, чтобы опробовать регистрацию, лист ожидания и сертификаты",
    },
    "concept": {
        "en": "This forum does not exist: it is demo content. Register in person or online, see the waiting list "
        "at work and, after check-in, download a certificate.",
        "ru": "Этого форума не существует: это демонстрационные данные. Зарегистрируйтесь очно или онлайн, "
        "посмотрите, как работает лист ожидания, и после регистрации на месте скачайте сертификат.",
    },
    "themes": ["regional-cooperation"],
    "programme": [
        {
            "number": 1,
            "title": {"en": "Welcome (demo)", "ru": "Приветствие (демо)"},
            "purpose": {"en": "How the demo forum works.", "ru": "Как устроен демонстрационный форум."},
            "when": (_at(E1, 10, 0), dt.time(11, 0)),
            "room": "Hall 1",
            "format": "hybrid",
            "track": "",
            "online_url": "https://meet.example.org/kurultai-demo-welcome",
            "themes": ["regional-cooperation"],
            "roles": [("elena", "moderator")],
        },
        {
            "number": 2,
            "title": {
                "en": "Parallel session A: open data (demo)",
                "ru": "Параллельная сессия A: открытые данные (демо)",
            },
            "purpose": {"en": "A fictional session.", "ru": "Вымышленная сессия."},
            "when": (_at(E1, 11, 30), dt.time(13, 0)),
            "room": "Hall 1",
            "format": "hybrid",
            "track": "A",
            "online_url": "https://meet.example.org/kurultai-demo-a",
            "themes": ["digital-transformation"],
            "roles": [("asel", "moderator"), ("dilnoza", "speaker")],
        },
        {
            "number": 3,
            "title": {
                "en": "Parallel session B: clean water (demo)",
                "ru": "Параллельная сессия B: чистая вода (демо)",
            },
            "purpose": {"en": "A fictional session.", "ru": "Вымышленная сессия."},
            "when": (_at(E1, 11, 30), dt.time(13, 0)),
            "room": "Hall 2",
            "format": "in_person",
            "track": "B",
            "online_url": "",
            "themes": ["water-management"],
            "roles": [("bakyt", "moderator"), ("maral", "speaker")],
        },
        {
            "number": 4,
            "title": {"en": "Closing (demo)", "ru": "Закрытие (демо)"},
            "purpose": {"en": "Certificates and goodbyes.", "ru": "Сертификаты и прощание."},
            "when": (_at(E2, 10, 0), dt.time(11, 0)),
            "room": "Hall 1",
            "format": "hybrid",
            "track": "",
            "online_url": "https://meet.example.org/kurultai-demo-closing",
            "themes": [],
            "roles": [("elena", "speaker")],
        },
    ],
}

PROGRAMMES = [FORUM_2026, DEMO_FORUM_2027]
