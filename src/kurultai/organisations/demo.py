"""Demo directory: networks named in CAREC's CSO concept, public institutions, and sample CSOs.

The sample civil society organisations are fictional and say so in their description.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from kurultai.core.models import Country, Theme
from kurultai.organisations.models import Network, Organisation, PartnerRequest

DEMO_NOTE = {"en": "\n\n*Demo organisation.*", "ru": "\n\n*Демонстрационная организация.*"}

NETWORKS = [
    (
        "rncso-climate",
        {
            "en": "Central Asian Regional Network of CSOs on Climate Change (RNCSO)",
            "ru": "Региональная сеть ОГО Центральной Азии по изменению климата (РСОГО)",
        },
        {
            "en": "Civil society organisations of the region working on climate change, supported by CAREC.",
            "ru": "Организации гражданского общества региона, работающие над изменением климата, при поддержке РЭЦЦА.",
        },
        ["climate-change"],
    ),
    (
        "calp-alumni",
        {"en": "CALP alumni network", "ru": "Сеть выпускников CALP"},
        {
            "en": "Alumni of the Central Asian Leadership Programme on Environment for Sustainable Development.",
            "ru": "Выпускники Центральноазиатской программы лидерства по окружающей среде для устойчивого развития.",
        },
        ["education-capacity"],
    ),
    (
        "academic-network",
        {
            "en": "Central Asian Academic Community Network + Afghanistan",
            "ru": "Сеть академического сообщества Центральной Азии и Афганистана",
        },
        {
            "en": "Universities and research institutes of Central Asia and Afghanistan working on environment and "
            "sustainable development.",
            "ru": "Университеты и научные институты Центральной Азии и Афганистана, работающие в сфере окружающей среды "
            "и устойчивого развития.",
        },
        ["education-capacity", "climate-change"],
    ),
]

# slug, type, country, city, name, short, description, themes, networks, founded, demo?
ORGANISATIONS: list[tuple[Any, ...]] = [
    (
        "carec",
        "international",
        "KZ",
        {"en": "Almaty", "ru": "Алматы"},
        {
            "en": "Regional Environmental Centre for Central Asia",
            "ru": "Региональный экологический центр Центральной Азии",
        },
        "CAREC",
        {
            "en": "An independent, non-profit regional organisation founded in 2001 to promote cooperation on "
            "environmental problems between NGOs, government agencies, business and local authorities.",
            "ru": "Независимая некоммерческая региональная организация, созданная в 2001 году для развития "
            "сотрудничества НПО, госорганов, бизнеса и местных властей в решении экологических проблем.",
        },
        ["climate-change", "water-management", "education-capacity"],
        [],
        2001,
        False,
    ),
    (
        "eu-delegation-kazakhstan",
        "eu",
        "KZ",
        {"en": "Astana", "ru": "Астана"},
        {
            "en": "Delegation of the European Union to Kazakhstan",
            "ru": "Представительство Европейского союза в Казахстане",
        },
        "",
        {"en": "Represents the European Union in Kazakhstan.", "ru": "Представляет Европейский союз в Казахстане."},
        ["regional-cooperation"],
        [],
        None,
        False,
    ),
    (
        "unops",
        "international",
        None,
        {},
        {"en": "United Nations Office for Project Services", "ru": "Управление ООН по обслуживанию проектов"},
        "UNOPS",
        {
            "en": "Implements the EU Civil Society Facility for Central Asia.",
            "ru": "Реализует проект «Механизм ЕС для гражданского общества» в Центральной Азии.",
        },
        ["regional-cooperation"],
        [],
        None,
        False,
    ),
    (
        "ministry-digital-development-kz",
        "government",
        "KZ",
        {"en": "Astana", "ru": "Астана"},
        {
            "en": "Ministry of Digital Development, Innovation and Aerospace Industry of Kazakhstan",
            "ru": "Министерство цифрового развития, инноваций и аэрокосмической промышленности Казахстана",
        },
        "",
        {
            "en": "The national ministry for digital development; answers for the government on digital matters.",
            "ru": "Национальное министерство цифрового развития; отвечает от имени правительства по цифровым вопросам.",
        },
        ["digital-transformation"],
        [],
        None,
        False,
    ),
    (
        "akimat-almaty",
        "government",
        "KZ",
        {"en": "Almaty", "ru": "Алматы"},
        {"en": "Akimat of Almaty", "ru": "Акимат города Алматы", "kk": "Алматы қаласының әкімдігі"},
        "",
        {
            "en": "The city administration that hosted the 2021 forum.",
            "ru": "Городская администрация, принимавшая форум 2021 года.",
        },
        [],
        [],
        None,
        False,
    ),
    (
        "alternativa",
        "academic",
        "KZ",
        {"en": "Almaty", "ru": "Алматы"},
        {"en": "Center for Topical Research “Alternativa”", "ru": "Центр актуальных исследований «Альтернатива»"},
        "",
        {
            "en": "A private research institution studying EU–Central Asia cooperation.",
            "ru": "Частное исследовательское учреждение, изучающее сотрудничество ЕС и Центральной Азии.",
        },
        ["regional-cooperation"],
        ["academic-network"],
        None,
        False,
    ),
    (
        "green-steppe",
        "cso",
        "KZ",
        {"en": "Almaty", "ru": "Алматы"},
        {
            "en": "Green Steppe Ecological Society",
            "ru": "Экологическое общество «Зелёная степь»",
            "kk": "«Жасыл дала» экологиялық қоғамы",
        },
        "",
        {
            "en": "Works with businesses on plastic waste separation and recycling.",
            "ru": "Работает с бизнесом над раздельным сбором и переработкой пластика.",
        },
        ["consumption-waste", "green-economy"],
        ["rncso-climate"],
        2009,
        True,
    ),
    (
        "mountain-water-users",
        "cso",
        "KG",
        {"en": "Naryn", "ru": "Нарын"},
        {"en": "Mountain Water Users' Union", "ru": "Союз водопользователей горных районов"},
        "",
        {
            "en": "Helps mountain villages manage irrigation water and adapt to glacier melt.",
            "ru": "Помогает горным сёлам управлять поливной водой и адаптироваться к таянию ледников.",
        },
        ["water-management", "disaster-risk-adaptation"],
        ["rncso-climate", "calp-alumni"],
        2004,
        True,
    ),
    (
        "digital-village-kg",
        "cso",
        "KG",
        {"en": "Bishkek", "ru": "Бишкек"},
        {"en": "Digital Village", "ru": "Цифровое село", "ky": "Санариптик айыл"},
        "",
        {
            "en": "Brings internet access, devices and digital skills to remote villages and creates content in Kyrgyz.",
            "ru": "Приносит интернет, устройства и цифровые навыки в отдалённые сёла и создаёт контент на кыргызском.",
        },
        ["digital-transformation", "youth"],
        [],
        2016,
        True,
    ),
    (
        "pamir-youth",
        "cso",
        "TJ",
        {"en": "Khorog", "ru": "Хорог"},
        {"en": "Pamir Youth Initiative", "ru": "Молодёжная инициатива Памира", "tg": "Ташаббуси ҷавонони Помир"},
        "",
        {
            "en": "Youth clubs on civic education and disaster preparedness in mountain districts.",
            "ru": "Молодёжные клубы гражданского образования и готовности к бедствиям в горных районах.",
        },
        ["youth", "disaster-risk-adaptation"],
        ["calp-alumni"],
        2012,
        True,
    ),
    (
        "womens-rights-tj",
        "cso",
        "TJ",
        {"en": "Dushanbe", "ru": "Душанбе"},
        {"en": "Women's Rights Support Centre", "ru": "Центр поддержки прав женщин"},
        "",
        {
            "en": "Legal aid and shelters for survivors of domestic violence; works with local authorities.",
            "ru": "Юридическая помощь и кризисные центры для пострадавших от домашнего насилия; работает с местными "
            "властями.",
        },
        ["gender-equality", "rule-of-law"],
        [],
        2005,
        True,
    ),
    (
        "karakum-nature",
        "cso",
        "TM",
        {"en": "Ashgabat", "ru": "Ашхабад"},
        {
            "en": "Karakum Nature Protection Society",
            "ru": "Общество охраны природы Каракумов",
            "tk": "Garagum tebigaty goraýyş jemgyýeti",
        },
        "",
        {
            "en": "Volunteers monitoring desert ecosystems and saving water in agriculture.",
            "ru": "Волонтёры наблюдают за экосистемами пустыни и экономят воду в сельском хозяйстве.",
        },
        ["biodiversity", "water-saving"],
        ["rncso-climate"],
        2011,
        True,
    ),
    (
        "aral-farmers",
        "cso",
        "UZ",
        {"en": "Nukus", "ru": "Нукус", "uz": "Nukus"},
        {
            "en": "Aral Sea Farmers' Association",
            "ru": "Ассоциация фермеров Приаралья",
            "uz": "Orol dengizi fermerlari uyushmasi",
        },
        "",
        {
            "en": "Food security, technology transfer and resilience of farming communities around the Aral Sea.",
            "ru": "Продовольственная безопасность, передача технологий и устойчивость фермерских сообществ Приаралья.",
            "uz": "Orol boʻyi fermer jamoalarining oziq-ovqat xavfsizligi va barqarorligi.",
        },
        ["climate-change", "water-saving", "green-economy"],
        ["rncso-climate"],
        2008,
        True,
    ),
    (
        "media-literacy-tashkent",
        "media",
        "UZ",
        {"en": "Tashkent", "ru": "Ташкент", "uz": "Toshkent"},
        {"en": "Media Literacy Centre", "ru": "Центр медиаграмотности", "uz": "Mediasavodxonlik markazi"},
        "",
        {
            "en": "Trains teachers and young people in media literacy and critical thinking.",
            "ru": "Обучает учителей и молодёжь медиаграмотности и критическому мышлению.",
        },
        ["media-freedom", "education-capacity", "youth"],
        [],
        2017,
        True,
    ),
    (
        "afghan-women-education",
        "cso",
        "AF",
        {"en": "Mazar-i-Sharif"},
        {"en": "Afghan Women's Education Network", "ru": "Сеть образования афганских женщин"},
        "",
        {
            "en": "Community classes and online learning for women and girls.",
            "ru": "Занятия в общинах и онлайн-обучение для женщин и девочек.",
        },
        ["gender-equality", "education-capacity"],
        ["academic-network"],
        2003,
        True,
    ),
]


@transaction.atomic
def load() -> dict[str, int]:
    """Create or update the demo networks, organisations and one partner request."""
    themes = {t.slug: t for t in Theme.objects.all()}
    countries = {c.code: c for c in Country.objects.all()}
    networks = {}
    for slug, name, description, theme_slugs in NETWORKS:
        network, _created = Network.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "original_language": "en"}
        )
        network.themes.set([themes[s] for s in theme_slugs])
        networks[slug] = network
    for slug, kind, country, city, name, short, description, theme_slugs, network_slugs, founded, demo in ORGANISATIONS:
        if demo:
            description = {code: text + DEMO_NOTE.get(code, "") for code, text in description.items()}
        org, _created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "type": kind,
                "country": countries.get(country),
                "city": city,
                "name": name,
                "short_name": short,
                "description": description,
                "founded": founded,
                "original_language": "en",
            },
        )
        org.themes.set([themes[s] for s in theme_slugs])
        org.networks.set([networks[s] for s in network_slugs])
    requester = Organisation.objects.get(slug="green-steppe")
    request, _created = PartnerRequest.objects.update_or_create(
        organisation=requester,
        title={
            "en": "Partners for a regional plastic recycling project",
            "ru": "Партнёры для регионального проекта по переработке пластика",
        },
        defaults={
            "purpose": {
                "en": "We are preparing a proposal for a regional call on circular economy and look for "
                "partners in Kyrgyzstan and Uzbekistan with experience in waste collection.",
                "ru": "Мы готовим заявку на региональный конкурс по циркулярной экономике и ищем партнёров в "
                "Кыргызстане и Узбекистане с опытом в сборе отходов.",
            },
            "deadline": dt.date.today() + dt.timedelta(days=90),
            "original_language": "en",
        },
    )
    request.themes.set([themes["consumption-waste"], themes["green-economy"]])
    _demo_representatives()
    request.countries.set([countries["KG"], countries["UZ"]])
    return {"networks": len(NETWORKS), "organisations": len(ORGANISATIONS), "partner requests": 1}


def _demo_representatives() -> None:
    """Aigerim represents Green Steppe (as its administrator); Bakyt represents the water users' union."""
    from kurultai.accounts.models import User
    from kurultai.organisations.models import Membership

    for email, slug, role in (
        ("aigerim@demo.kurultai.example", "green-steppe", Membership.Role.ADMIN),
        ("bakyt@demo.kurultai.example", "mountain-water-users", Membership.Role.REPRESENTATIVE),
    ):
        user = User.objects.filter(email=email).first()
        if user:
            Membership.objects.update_or_create(
                user=user,
                organisation=Organisation.objects.get(slug=slug),
                defaults={"role": role, "status": Membership.Status.APPROVED},
            )
