"""Demo knowledge hub: good practices of the kinds the 2021 forum named (plastic waste separation with business in
Kazakhstan, food security with rural communities in the Aral Sea area, internet and digital skills for remote
villages in Kyrgyzstan), a replication of the first in Kyrgyzstan, shared building blocks, two demonstration sites,
and a demo reviewer and publisher who are not real people.

Everything here is written in our own words, invented, and flagged as demo content. The thematic areas are CAREC's,
from the taxonomy."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from kurultai.core.models import Country, Theme
from kurultai.knowledge.models import BuildingBlock, DemoSite, HubRole, Practice, PracticeVersion
from kurultai.organisations.models import Organisation

NOTE = {"en": "\n\n*Demo content: fictional.*", "ru": "\n\n*Демонстрационный материал: вымышленный.*"}
ROLE_PEOPLE = [
    ("hub-reviewer@demo.kurultai.example", "Hub reviewer (demo)", HubRole.Role.REVIEWER),
    ("hub-publisher@demo.kurultai.example", "Hub publisher (demo)", HubRole.Role.PUBLISHER),
]

BLOCKS: dict[str, dict[str, dict[str, str]]] = {
    "bins": {
        "title": {
            "en": "Separate bins agreed with shop owners",
            "ru": "Раздельные контейнеры по договорённости с магазинами",
        },
        "description": {
            "en": "Shops host three bins (plastic, paper, other) at their entrance and empty them on a fixed day.",
            "ru": "Магазины ставят у входа три контейнера (пластик, бумага, прочее) и опорожняют их в определённый день.",
        },
        "enabling_factors": {
            "en": "A shop owner who champions the idea; a simple written agreement; visible signs for customers.",
            "ru": "Владелец магазина, поддерживающий идею; простое письменное соглашение; понятные покупателям знаки.",
        },
    },
    "recycler": {
        "title": {"en": "Take-back agreement with a recycler", "ru": "Соглашение о вывозе с переработчиком"},
        "description": {
            "en": "A local recycling company collects sorted plastic weekly and pays per kilogram.",
            "ru": "Местная компания-переработчик еженедельно забирает отсортированный пластик и платит за килограмм.",
        },
        "enabling_factors": {
            "en": "A recycler within 50 km; clean, dry material; a price agreed for a full year.",
            "ru": "Переработчик в пределах 50 км; чистое и сухое сырьё; цена, согласованная на год.",
        },
    },
    "gardens": {
        "title": {"en": "Drip-irrigated kitchen gardens", "ru": "Приусадебные огороды с капельным орошением"},
        "description": {
            "en": "Households grow vegetables with low-cost drip lines that use a third of the water of furrows.",
            "ru": "Домохозяйства выращивают овощи с недорогими капельными линиями, расходующими треть воды.",
        },
        "enabling_factors": {
            "en": "Local sellers of spare parts; a neighbour trained to repair the lines.",
            "ru": "Местные продавцы запчастей; сосед, обученный ремонту линий.",
        },
    },
    "seeds": {
        "title": {"en": "Community seed bank", "ru": "Общинный банк семян"},
        "description": {
            "en": "Salt-tolerant local seed varieties are stored, lent and returned after harvest.",
            "ru": "Солеустойчивые местные сорта хранятся, выдаются и возвращаются после урожая.",
        },
        "enabling_factors": {
            "en": "A dry room in the school or mosque; a register kept by a trusted elder.",
            "ru": "Сухое помещение в школе или мечети; реестр у уважаемого старейшины.",
        },
    },
    "wifi": {
        "title": {"en": "Village wifi point", "ru": "Сельская точка Wi-Fi"},
        "description": {
            "en": "One satellite or radio link shared from the village club, open every evening.",
            "ru": "Один спутниковый или радиоканал в сельском клубе, открытый каждый вечер.",
        },
        "enabling_factors": {
            "en": "A solar panel and battery; the village council pays the monthly fee.",
            "ru": "Солнечная панель и аккумулятор; ежемесячную плату вносит айыл окмоту.",
        },
    },
    "tutors": {
        "title": {"en": "Volunteer digital tutors", "ru": "Волонтёры — цифровые наставники"},
        "description": {
            "en": "School leavers teach adults to use messengers, e-government services and online banking.",
            "ru": "Выпускники школ учат взрослых пользоваться мессенджерами, госуслугами и онлайн-банком.",
        },
        "enabling_factors": {
            "en": "A short course for the tutors; a certificate that helps them find work.",
            "ru": "Короткий курс для наставников; сертификат, помогающий им найти работу.",
        },
    },
}

# key, organisation, country, region, themes, blocks, cost, title, summary, challenge, solution, impact, lessons
PRACTICES: list[dict[str, Any]] = [
    {
        "key": "plastic-kz",
        "organisation": "green-steppe",
        "country": "KZ",
        "region": "Almaty",
        "coordinates": ("43.23800", "76.94500"),
        "themes": ["consumption-waste", "green-economy"],
        "sdgs": [11, 12],
        "blocks": ["bins", "recycler"],
        "cost": (
            "2400000",
            "KZT",
            {
                "en": "Bins, signs and a year of collection for twelve shops.",
                "ru": "Контейнеры, знаки и год вывоза для двенадцати магазинов.",
            },
        ),
        "title": {
            "en": "Plastic waste separation with local businesses",
            "ru": "Раздельный сбор пластика вместе с местным бизнесом",
        },
        "summary": {
            "en": "Neighbourhood shops and a recycler separate plastic at the source with a local NGO.",
            "ru": "Магазины района и переработчик вместе с местной НКО разделяют пластик у источника.",
        },
        "challenge": {
            "en": "Mixed waste from shops went to the landfill; plastic that could be recycled was lost.",
            "ru": "Смешанные отходы магазинов шли на полигон; пригодный к переработке пластик терялся.",
        },
        "solution": {
            "en": "An NGO brokered agreements between twelve shops and a recycler, and trained shop staff.",
            "ru": "НКО заключила соглашения между двенадцатью магазинами и переработчиком и обучила продавцов.",
        },
        "impact": {
            "en": "About four tonnes of plastic a year collected clean; shops cut their waste fees.",
            "ru": "Около четырёх тонн чистого пластика в год; магазины сократили плату за вывоз.",
        },
        "lessons": {
            "en": "Start with the shop owners who already care; publish the monthly weights.",
            "ru": "Начинайте с владельцев, которым это уже важно; публикуйте ежемесячные объёмы.",
        },
        "versions": 2,
    },
    {
        "key": "food-aral",
        "organisation": "aral-farmers",
        "country": "UZ",
        "region": "Karakalpakstan",
        "coordinates": None,
        "themes": ["climate-change", "water-saving", "disaster-risk-adaptation"],
        "sdgs": [2, 6, 13],
        "blocks": ["gardens", "seeds"],
        "cost": (
            "18000",
            "USD",
            {
                "en": "Drip kits for 150 households and the seed bank room.",
                "ru": "Капельные комплекты для 150 домохозяйств и помещение банка семян.",
            },
        ),
        "title": {
            "en": "Food security with rural communities in the Aral Sea area",
            "ru": "Продовольственная безопасность с сельскими общинами Приаралья",
        },
        "summary": {
            "en": "Households grow more food with less water and keep salt-tolerant seeds together.",
            "ru": "Домохозяйства выращивают больше еды при меньшем расходе воды и сообща хранят солеустойчивые семена.",
        },
        "challenge": {
            "en": "Salty soils and scarce water reduced harvests; families bought most vegetables.",
            "ru": "Засолённые почвы и нехватка воды снизили урожаи; семьи покупали большую часть овощей.",
        },
        "solution": {
            "en": "A farmers' association set up drip-irrigated kitchen gardens and a seed bank.",
            "ru": "Ассоциация фермеров создала огороды с капельным орошением и банк семян.",
        },
        "impact": {
            "en": "Families grow vegetables for five months a year; water use per garden fell by two thirds.",
            "ru": "Семьи выращивают овощи пять месяцев в году; расход воды на огород снизился на две трети.",
        },
        "lessons": {
            "en": "Local repair skills matter more than the kit; women led the seed bank best.",
            "ru": "Местные навыки ремонта важнее оборудования; банком семян лучше всего руководили женщины.",
        },
        "versions": 1,
    },
    {
        "key": "digital-kg",
        "organisation": "digital-village-kg",
        "country": "KG",
        "region": "Naryn",
        "coordinates": ("41.42800", "75.99100"),
        "themes": ["digital-transformation", "education-capacity"],
        "sdgs": [4, 9],
        "blocks": ["wifi", "tutors"],
        "cost": (
            "9500",
            "USD",
            {
                "en": "Equipment and the first year of connection for three villages.",
                "ru": "Оборудование и первый год связи для трёх сёл.",
            },
        ),
        "title": {
            "en": "Internet and digital skills for remote villages",
            "ru": "Интернет и цифровые навыки для отдалённых сёл",
        },
        "summary": {
            "en": "A shared connection in the village club and young tutors bring adults online.",
            "ru": "Общая точка доступа в сельском клубе и молодые наставники помогают взрослым выйти в интернет.",
        },
        "challenge": {
            "en": "Mountain villages had no reliable internet; adults could not use public services online.",
            "ru": "В горных сёлах не было надёжного интернета; взрослые не могли пользоваться госуслугами онлайн.",
        },
        "solution": {
            "en": "A village wifi point powered by the sun, and evening lessons by trained school leavers.",
            "ru": "Сельская точка Wi-Fi на солнечной энергии и вечерние занятия с обученными выпускниками.",
        },
        "impact": {
            "en": "Three villages connected; over 400 adults used an e-government service for the first time.",
            "ru": "Три села подключены; более 400 взрослых впервые воспользовались электронной госуслугой.",
        },
        "lessons": {
            "en": "The council must own the running cost from the first month.",
            "ru": "Айыл окмоту должен нести текущие расходы с первого месяца.",
        },
        "versions": 1,
        "in_review": {
            "en": "Five villages connected; over 900 adults used an e-government service for the first time.",
            "ru": "Пять сёл подключены; более 900 взрослых впервые воспользовались электронной госуслугой.",
        },
    },
    {
        "key": "plastic-kg",
        "organisation": "digital-village-kg",
        "country": "KG",
        "region": "Osh",
        "coordinates": None,
        "themes": ["consumption-waste", "youth"],
        "sdgs": [12],
        "blocks": ["bins"],
        "cost": None,
        "inspired_by": "plastic-kz",
        "title": {"en": "School plastic separation in Osh", "ru": "Раздельный сбор пластика в школах Оша"},
        "summary": {
            "en": "Schools copied the shop bins from Almaty and pupils run the collection.",
            "ru": "Школы переняли алматинскую схему с контейнерами, а сбор организуют ученики.",
        },
        "challenge": {
            "en": "Schools produced much plastic and nobody collected it separately.",
            "ru": "В школах было много пластика, и никто не собирал его отдельно.",
        },
        "solution": {
            "en": "Pupils' eco-clubs adopted the separate bins building block and sell the plastic.",
            "ru": "Школьные эко-клубы применили блок «раздельные контейнеры» и продают пластик.",
        },
        "impact": {
            "en": "Five schools take part; the income pays for club trips.",
            "ru": "Участвуют пять школ; доход идёт на поездки клубов.",
        },
        "lessons": {
            "en": "Pupils keep it going when teachers change.",
            "ru": "Ученики поддерживают работу, даже когда меняются учителя.",
        },
        "versions": 1,
    },
]

SITES: list[dict[str, Any]] = [
    {
        "host": "green-steppe",
        "country": "KZ",
        "region": "Almaty",
        "practice": "plastic-kz",
        "themes": ["consumption-waste"],
        "coordinates": ("43.23800", "76.94500"),
        "name": {"en": "Sorting corner at a neighbourhood shop", "ru": "Уголок сортировки в магазине района"},
        "what_to_see": {
            "en": "The three bins, the signs for customers and the weekly weighing with the recycler (Thursdays).",
            "ru": "Три контейнера, знаки для покупателей и еженедельное взвешивание с переработчиком (по четвергам).",
        },
        "directions": {
            "en": "Bus stop “Market”, then 200 m north; ask for the NGO's volunteer at the till.",
            "ru": "Остановка «Базар», затем 200 м на север; спросите волонтёра НКО у кассы.",
        },
    },
    {
        "host": "aral-farmers",
        "country": "UZ",
        "region": "Karakalpakstan",
        "practice": "food-aral",
        "themes": ["water-saving", "climate-change"],
        "coordinates": None,
        "name": {"en": "Demonstration garden and seed bank", "ru": "Демонстрационный огород и банк семян"},
        "what_to_see": {
            "en": "Drip lines in use from April to October, and the seed register and store room.",
            "ru": "Капельные линии в работе с апреля по октябрь, реестр и хранилище семян.",
        },
        "directions": {
            "en": "From the district centre take the road to the old shore; the association's sign is at the school.",
            "ru": "Из районного центра по дороге к старому берегу; вывеска ассоциации у школы.",
        },
    },
]


def _with_note(texts: dict[str, str]) -> dict[str, str]:
    return {lang: text + NOTE[lang] if lang in NOTE else text for lang, text in texts.items()}


def _people() -> list[Any]:
    from kurultai.accounts.demo import DEMO_PASSWORD
    from kurultai.accounts.models import User

    people = []
    for email, name, role in ROLE_PEOPLE:
        user, created = User.objects.get_or_create(email=email, defaults={"display_name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        HubRole.objects.get_or_create(user=user, hub="practices", role=role)
        people.append(user)
    return people


def _blocks() -> dict[str, BuildingBlock]:
    made = {}
    for key, texts in BLOCKS.items():
        block = BuildingBlock.objects.filter(is_demo=True, title__en=texts["title"]["en"]).first()
        if block is None:
            block = BuildingBlock.objects.create(is_demo=True, original_language="en", **texts)
        made[key] = block
    return made


def _practice(item: dict[str, Any], blocks: dict[str, BuildingBlock], publisher: Any) -> Practice:
    found = Practice.objects.filter(is_demo=True, versions__number=1, versions__title__en=item["title"]["en"]).first()
    if found is not None:
        return found
    organisation = Organisation.objects.filter(slug=item["organisation"]).first()
    practice = Practice.objects.create(is_demo=True, contact_organisation=organisation)
    now = timezone.now()
    for number in range(1, item["versions"] + 1):
        last = number == item["versions"]
        summary = dict(item["summary"])
        if not last:
            summary = {lang: text.split(".")[0] + "." for lang, text in summary.items()}
        version = PracticeVersion.objects.create(
            practice=practice,
            number=number,
            status=PracticeVersion.Status.PUBLISHED if last else PracticeVersion.Status.SUPERSEDED,
            original_language="en",
            title=item["title"],
            summary=summary,
            challenge=item["challenge"],
            solution=item["solution"],
            impact=item["impact"],
            lessons=_with_note(item["lessons"]),
            cost_amount=item["cost"][0] if item["cost"] else None,
            cost_currency=item["cost"][1] if item["cost"] else "",
            cost_text=item["cost"][2] if item["cost"] else {},
            country=Country.objects.get(code=item["country"]),
            region=item["region"],
            latitude=item["coordinates"][0] if item["coordinates"] else None,
            longitude=item["coordinates"][1] if item["coordinates"] else None,
            published_by=publisher,
            published_at=now,
        )
        version.themes.set(Theme.objects.filter(slug__in=item["themes"]))
        from kurultai.core.models import SDG

        version.sdgs.set(SDG.objects.filter(number__in=item["sdgs"]))
        version.building_blocks.set([blocks[key] for key in item["blocks"]])
        if organisation:
            version.organisations.set([organisation])
        if last:
            practice.current = version
            practice.save(update_fields=["current"])
    if item.get("in_review"):
        # A second version waits for a reviewer while the first stays published.
        draft = PracticeVersion.objects.get(pk=practice.current_id)
        draft.pk = draft.id = None
        draft._state.adding = True
        draft.number += 1
        draft.status = PracticeVersion.Status.SUBMITTED
        draft.submitted_at, draft.published_at, draft.published_by = now, None, None
        draft.impact = item["in_review"]
        draft.save()
        current = practice.current
        draft.themes.set(current.themes.all())
        draft.sdgs.set(current.sdgs.all())
        draft.building_blocks.set(current.building_blocks.all())
        draft.organisations.set(current.organisations.all())
    return practice


@transaction.atomic
def load() -> dict[str, int]:
    """Create the demo hub once; running it again changes nothing."""
    _reviewer, publisher = _people()
    blocks = _blocks()
    practices = {item["key"]: _practice(item, blocks, publisher) for item in PRACTICES}
    for item in PRACTICES:
        if item.get("inspired_by"):
            practices[item["key"]].inspired_by.add(practices[item["inspired_by"]])
    for item in SITES:
        if DemoSite.objects.filter(is_demo=True, name__en=item["name"]["en"]).exists():
            continue
        site = DemoSite.objects.create(
            is_demo=True,
            status=DemoSite.Status.PUBLISHED,
            original_language="en",
            name=item["name"],
            what_to_see=_with_note(item["what_to_see"]),
            directions=item["directions"],
            host=Organisation.objects.get(slug=item["host"]),
            country=Country.objects.get(code=item["country"]),
            region=item["region"],
            latitude=item["coordinates"][0] if item["coordinates"] else None,
            longitude=item["coordinates"][1] if item["coordinates"] else None,
            practice=practices[item["practice"]],
        )
        site.themes.set(Theme.objects.filter(slug__in=item["themes"]))
    return {
        "good practices": Practice.objects.filter(is_demo=True).count(),
        "building blocks": BuildingBlock.objects.filter(is_demo=True).count(),
        "demonstration sites": DemoSite.objects.filter(is_demo=True).count(),
    }
