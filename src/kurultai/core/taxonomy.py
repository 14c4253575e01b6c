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
# Names in the order of ``NAME_LANGUAGES``; Uzbek in Latin script with ʻ (U+02BB) and ʼ (U+02BC).
NAME_LANGUAGES = ("en", "ru", "kk", "ky", "tg", "tk", "uz")


def named(*names: str) -> dict[str, str]:
    """A name in every language of ``NAME_LANGUAGES``."""
    return dict(zip(NAME_LANGUAGES, names, strict=True))


EU_MEMBERS = [
    ("AT", named("Austria", "Австрия", "Австрия", "Австрия", "Австрия", "Awstriýa", "Avstriya")),
    ("BE", named("Belgium", "Бельгия", "Бельгия", "Бельгия", "Белгия", "Belgiýa", "Belgiya")),
    ("BG", named("Bulgaria", "Болгария", "Болгария", "Болгария", "Булғория", "Bolgariýa", "Bolgariya")),
    ("HR", named("Croatia", "Хорватия", "Хорватия", "Хорватия", "Хорватия", "Horwatiýa", "Xorvatiya")),
    ("CY", named("Cyprus", "Кипр", "Кипр", "Кипр", "Қибрис", "Kipr", "Kipr")),
    ("CZ", named("Czechia", "Чехия", "Чехия", "Чехия", "Чехия", "Çehiýa", "Chexiya")),
    ("DK", named("Denmark", "Дания", "Дания", "Дания", "Дания", "Daniýa", "Daniya")),
    ("EE", named("Estonia", "Эстония", "Эстония", "Эстония", "Эстония", "Estoniýa", "Estoniya")),
    ("FI", named("Finland", "Финляндия", "Финляндия", "Финляндия", "Финландия", "Finlýandiýa", "Finlandiya")),
    ("FR", named("France", "Франция", "Франция", "Франция", "Фаронса", "Fransiýa", "Fransiya")),
    ("DE", named("Germany", "Германия", "Германия", "Германия", "Олмон", "Germaniýa", "Germaniya")),
    ("GR", named("Greece", "Греция", "Грекия", "Греция", "Юнон", "Gresiýa", "Gretsiya")),
    ("HU", named("Hungary", "Венгрия", "Венгрия", "Венгрия", "Маҷористон", "Wengriýa", "Vengriya")),
    ("IE", named("Ireland", "Ирландия", "Ирландия", "Ирландия", "Ирландия", "Irlandiýa", "Irlandiya")),
    ("IT", named("Italy", "Италия", "Италия", "Италия", "Италия", "Italiýa", "Italiya")),
    ("LV", named("Latvia", "Латвия", "Латвия", "Латвия", "Латвия", "Latwiýa", "Latviya")),
    ("LT", named("Lithuania", "Литва", "Литва", "Литва", "Литва", "Litwa", "Litva")),
    ("LU", named("Luxembourg", "Люксембург", "Люксембург", "Люксембург", "Люксембург", "Lýuksemburg", "Lyuksemburg")),
    ("MT", named("Malta", "Мальта", "Мальта", "Мальта", "Малта", "Malta", "Malta")),
    (
        "NL",
        named("Netherlands", "Нидерланды", "Нидерланд", "Нидерланддар", "Нидерланд", "Niderlandlar", "Niderlandiya"),
    ),
    ("PL", named("Poland", "Польша", "Польша", "Польша", "Лаҳистон", "Polşa", "Polsha")),
    ("PT", named("Portugal", "Португалия", "Португалия", "Португалия", "Португалия", "Portugaliýa", "Portugaliya")),
    ("RO", named("Romania", "Румыния", "Румыния", "Румыния", "Руминия", "Rumyniýa", "Ruminiya")),
    ("SK", named("Slovakia", "Словакия", "Словакия", "Словакия", "Словакия", "Slowakiýa", "Slovakiya")),
    ("SI", named("Slovenia", "Словения", "Словения", "Словения", "Словения", "Sloweniýa", "Sloveniya")),
    ("ES", named("Spain", "Испания", "Испания", "Испания", "Испания", "Ispaniýa", "Ispaniya")),
    ("SE", named("Sweden", "Швеция", "Швеция", "Швеция", "Шветсия", "Şwesiýa", "Shvetsiya")),
]

THEMES = [
    # Environmental areas (CAREC's concept for cooperation with CSOs).
    (
        "climate-change",
        "environment",
        named(
            "Climate change",
            "Изменение климата",
            "Климаттың өзгеруі",
            "Климаттын өзгөрүшү",
            "Тағйирёбии иқлим",
            "Howanyň üýtgemegi",
            "Iqlim oʻzgarishi",
        ),
    ),
    (
        "water-management",
        "environment",
        named(
            "Integrated water resources management",
            "Интегрированное управление водными ресурсами",
            "Су ресурстарын кешенді басқару",
            "Суу ресурстарын интеграцияланган башкаруу",
            "Идоракунии ҳамгироёнаи захираҳои об",
            "Suw serişdelerini toplumlaýyn dolandyrmak",
            "Suv resurslarini integratsiyalashgan boshqarish",
        ),
    ),
    (
        "transboundary-water",
        "environment",
        named(
            "Transboundary water cooperation",
            "Трансграничное водное сотрудничество",
            "Трансшекаралық су ынтымақтастығы",
            "Трансчегаралык суу кызматташтыгы",
            "Ҳамкории фаромарзӣ дар соҳаи об",
            "Serhetüsti suw hyzmatdaşlygy",
            "Transchegaraviy suv hamkorligi",
        ),
    ),
    (
        "disaster-risk-adaptation",
        "environment",
        named(
            "Disaster risk reduction and climate adaptation",
            "Снижение риска бедствий и адаптация к изменению климата",
            "Апат қаупін азайту және климаттың өзгеруіне бейімделу",
            "Кырсык коркунучун азайтуу жана климаттын өзгөрүшүнө ыңгайлашуу",
            "Коҳиш додани хатари офатҳо ва мутобиқшавӣ ба тағйирёбии иқлим",
            "Betbagtçylyk howpuny azaltmak we howanyň üýtgemegine uýgunlaşmak",
            "Ofat xavfini kamaytirish va iqlim oʻzgarishiga moslashish",
        ),
    ),
    (
        "biodiversity",
        "environment",
        named(
            "Biodiversity and ecosystems",
            "Биоразнообразие и экосистемы",
            "Биоалуантүрлілік және экожүйелер",
            "Биологиялык ар түрдүүлүк жана экосистемалар",
            "Гуногунии биологӣ ва экосистемаҳо",
            "Biologik dürlülik we ekoulgamlar",
            "Biologik xilma-xillik va ekotizimlar",
        ),
    ),
    (
        "consumption-waste",
        "environment",
        named(
            "Consumption and waste",
            "Потребление и отходы",
            "Тұтыну және қалдықтар",
            "Керектөө жана калдыктар",
            "Истеъмол ва партовҳо",
            "Sarp ediş we galyndylar",
            "Isteʼmol va chiqindilar",
        ),
    ),
    (
        "chemical-safety",
        "environment",
        named(
            "Chemical safety",
            "Химическая безопасность",
            "Химиялық қауіпсіздік",
            "Химиялык коопсуздук",
            "Бехатарии кимиёвӣ",
            "Himiki howpsuzlyk",
            "Kimyoviy xavfsizlik",
        ),
    ),
    (
        "education-capacity",
        "environment",
        named(
            "Education, leadership and capacity building",
            "Образование, лидерство и наращивание потенциала",
            "Білім беру, көшбасшылық және әлеуетті арттыру",
            "Билим берүү, лидерлик жана потенциалды өнүктүрүү",
            "Маориф, роҳбарӣ ва рушди иқтидор",
            "Bilim, ýolbaşçylyk we mümkinçilikleri artdyrmak",
            "Taʼlim, yetakchilik va salohiyatni oshirish",
        ),
    ),
    (
        "environment-health",
        "environment",
        named(
            "Environment and health",
            "Окружающая среда и здоровье",
            "Қоршаған орта және денсаулық",
            "Айлана-чөйрө жана ден соолук",
            "Муҳити зист ва саломатӣ",
            "Daşky gurşaw we saglyk",
            "Atrof-muhit va salomatlik",
        ),
    ),
    (
        "clean-energy",
        "environment",
        named(
            "Clean energy",
            "Чистая энергия",
            "Таза энергия",
            "Таза энергия",
            "Энергияи тоза",
            "Arassa energiýa",
            "Toza energiya",
        ),
    ),
    (
        "water-saving",
        "environment",
        named(
            "Water-saving technologies",
            "Водосберегающие технологии",
            "Су үнемдеу технологиялары",
            "Суу үнөмдөөчү технологиялар",
            "Технологияҳои сарфаи об",
            "Suw tygşytlaýjy tehnologiýalar",
            "Suvni tejovchi texnologiyalar",
        ),
    ),
    # Themes of the forums.
    (
        "resilience-inclusion",
        "forum",
        named(
            "Resilience and inclusion",
            "Устойчивость и инклюзивность",
            "Орнықтылық және инклюзивтілік",
            "Туруктуулук жана инклюзивдүүлүк",
            "Устуворӣ ва фарогирӣ",
            "Durnuklylyk we inklýuziwlik",
            "Barqarorlik va inklyuzivlik",
        ),
    ),
    (
        "rule-of-law",
        "forum",
        named(
            "Rule of law and access to justice",
            "Верховенство права и доступ к правосудию",
            "Заң үстемдігі және сот төрелігіне қолжетімділік",
            "Мыйзамдын үстөмдүгү жана сот адилеттигине жетүү",
            "Волоияти қонун ва дастрасӣ ба адолати судӣ",
            "Kanunyň agalygy we adalata elýeterlilik",
            "Qonun ustuvorligi va odil sudlovdan foydalanish",
        ),
    ),
    (
        "health",
        "forum",
        named(
            "Health",
            "Здравоохранение",
            "Денсаулық сақтау",
            "Саламаттыкты сактоо",
            "Тандурустӣ",
            "Saglygy goraýyş",
            "Sogʻliqni saqlash",
        ),
    ),
    (
        "gender-equality",
        "forum",
        named(
            "Gender equality and domestic violence",
            "Гендерное равенство и домашнее насилие",
            "Гендерлік теңдік және тұрмыстық зорлық-зомбылық",
            "Гендердик теңчилик жана үй-бүлөлүк зомбулук",
            "Баробарии гендерӣ ва хушунати хонаводагӣ",
            "Gender deňligi we maşgala zorlugy",
            "Gender tengligi va maishiy zoʻravonlik",
        ),
    ),
    ("youth", "forum", named("Youth", "Молодёжь", "Жастар", "Жаштар", "Ҷавонон", "Ýaşlar", "Yoshlar")),
    (
        "digital-transformation",
        "forum",
        named(
            "Digital transformation",
            "Цифровая трансформация",
            "Цифрлық трансформация",
            "Санариптик трансформация",
            "Табдилоти рақамӣ",
            "Sanly özgertmeler",
            "Raqamli transformatsiya",
        ),
    ),
    (
        "media-freedom",
        "forum",
        named(
            "Media freedom",
            "Свобода СМИ",
            "БАҚ бостандығы",
            "Маалымат каражаттарынын эркиндиги",
            "Озодии расонаҳо",
            "Metbugat azatlygy",
            "Ommaviy axborot vositalari erkinligi",
        ),
    ),
    (
        "green-economy",
        "forum",
        named(
            "Green economy",
            "Зелёная экономика",
            "Жасыл экономика",
            "Жашыл экономика",
            "Иқтисоди сабз",
            "Ýaşyl ykdysadyýet",
            "Yashil iqtisodiyot",
        ),
    ),
    (
        "regional-cooperation",
        "forum",
        named(
            "Regional cooperation",
            "Региональное сотрудничество",
            "Өңірлік ынтымақтастық",
            "Аймактык кызматташтык",
            "Ҳамкории минтақавӣ",
            "Sebit hyzmatdaşlygy",
            "Mintaqaviy hamkorlik",
        ),
    ),
]

SDGS = [
    named(
        "No poverty",
        "Ликвидация нищеты",
        "Кедейшілікті жою",
        "Жакырчылыкты жоюу",
        "Барҳам додани камбизоатӣ",
        "Garyplygy ýok etmek",
        "Qashshoqlikka barham berish",
    ),
    named(
        "Zero hunger",
        "Ликвидация голода",
        "Аштықты жою",
        "Ачарчылыкты жоюу",
        "Барҳам додани гуруснагӣ",
        "Açlygy ýok etmek",
        "Ochlikka barham berish",
    ),
    named(
        "Good health and well-being",
        "Хорошее здоровье и благополучие",
        "Салауатты өмір және әл-ауқат",
        "Ден соолук жана бакубаттуулук",
        "Саломатӣ ва некӯаҳволӣ",
        "Berk saglyk we abadançylyk",
        "Sogʻlik va farovonlik",
    ),
    named(
        "Quality education",
        "Качественное образование",
        "Сапалы білім",
        "Сапаттуу билим берүү",
        "Маорифи босифат",
        "Hilli bilim",
        "Sifatli taʼlim",
    ),
    named(
        "Gender equality",
        "Гендерное равенство",
        "Гендерлік теңдік",
        "Гендердик теңчилик",
        "Баробарии гендерӣ",
        "Gender deňligi",
        "Gender tengligi",
    ),
    named(
        "Clean water and sanitation",
        "Чистая вода и санитария",
        "Таза су және санитария",
        "Таза суу жана санитария",
        "Оби тоза ва беҳдошт",
        "Arassa suw we arassaçylyk",
        "Toza suv va sanitariya",
    ),
    named(
        "Affordable and clean energy",
        "Недорогостоящая и чистая энергия",
        "Қолжетімді және таза энергия",
        "Жеткиликтүү жана таза энергия",
        "Энергияи дастрас ва тоза",
        "Elýeterli we arassa energiýa",
        "Arzon va toza energiya",
    ),
    named(
        "Decent work and economic growth",
        "Достойная работа и экономический рост",
        "Лайықты жұмыс және экономикалық өсу",
        "Татыктуу эмгек жана экономикалык өсүш",
        "Кори шоиста ва рушди иқтисодӣ",
        "Mynasyp iş we ykdysady ösüş",
        "Munosib mehnat va iqtisodiy oʻsish",
    ),
    named(
        "Industry, innovation and infrastructure",
        "Индустриализация, инновации и инфраструктура",
        "Индустрияландыру, инновациялар және инфрақұрылым",
        "Индустриялаштыруу, инновациялар жана инфраструктура",
        "Саноат, навоварӣ ва инфрасохтор",
        "Senagat, innowasiýalar we infrastruktura",
        "Sanoat, innovatsiyalar va infratuzilma",
    ),
    named(
        "Reduced inequalities",
        "Уменьшение неравенства",
        "Теңсіздікті азайту",
        "Теңсиздикти азайтуу",
        "Коҳиш додани нобаробарӣ",
        "Deňsizligi azaltmak",
        "Tengsizlikni qisqartirish",
    ),
    named(
        "Sustainable cities and communities",
        "Устойчивые города и населённые пункты",
        "Тұрақты қалалар мен елді мекендер",
        "Туруктуу шаарлар жана жамааттар",
        "Шаҳрҳо ва маҳалҳои аҳолинишини устувор",
        "Durnukly şäherler we ilatly ýerler",
        "Barqaror shaharlar va aholi punktlari",
    ),
    named(
        "Responsible consumption and production",
        "Ответственное потребление и производство",
        "Жауапты тұтыну және өндіріс",
        "Жоопкерчиликтүү керектөө жана өндүрүш",
        "Истеъмол ва истеҳсоли масъулиятнок",
        "Jogapkärli sarp ediş we önümçilik",
        "Masʼuliyatli isteʼmol va ishlab chiqarish",
    ),
    named(
        "Climate action",
        "Борьба с изменением климата",
        "Климаттың өзгеруімен күрес",
        "Климаттын өзгөрүшүнө каршы күрөш",
        "Мубориза бо тағйирёбии иқлим",
        "Howanyň üýtgemegine garşy göreş",
        "Iqlim oʻzgarishiga qarshi kurash",
    ),
    named(
        "Life below water",
        "Сохранение морских экосистем",
        "Теңіз экожүйелерін сақтау",
        "Деңиз экосистемаларын сактоо",
        "Ҳифзи экосистемаҳои баҳрӣ",
        "Deňiz ekoulgamlaryny goramak",
        "Dengiz ekotizimlarini saqlash",
    ),
    named(
        "Life on land",
        "Сохранение экосистем суши",
        "Құрлық экожүйелерін сақтау",
        "Кургактык экосистемаларын сактоо",
        "Ҳифзи экосистемаҳои хушкӣ",
        "Gury ýer ekoulgamlaryny goramak",
        "Quruqlik ekotizimlarini saqlash",
    ),
    named(
        "Peace, justice and strong institutions",
        "Мир, правосудие и эффективные институты",
        "Бейбітшілік, сот төрелігі және тиімді институттар",
        "Тынчтык, адилеттүүлүк жана натыйжалуу институттар",
        "Сулҳ, адолат ва ниҳодҳои самаранок",
        "Parahatçylyk, adalat we netijeli institutlar",
        "Tinchlik, adolat va samarali institutlar",
    ),
    named(
        "Partnerships for the goals",
        "Партнёрство в интересах устойчивого развития",
        "Тұрақты даму мүддесіндегі әріптестік",
        "Туруктуу өнүгүү үчүн өнөктөштүк",
        "Шарикӣ барои ҳадафҳо",
        "Maksatlar üçin hyzmatdaşlyk",
        "Maqsadlar yoʻlida hamkorlik",
    ),
]


def _ensure(model: Any, lookup: dict, defaults: dict) -> bool:
    """Create the row when missing; return True when it was created."""
    _obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    return created


def country_names() -> dict[str, dict[str, str]]:
    """Every shipped country name by ISO code."""
    return dict(CENTRAL_ASIA + NEIGHBOURS + EUROPEAN_UNION + EU_MEMBERS)


def sync_taxonomy(**_kwargs: Any) -> int:
    """Create missing countries, themes and SDGs; returns how many rows were added."""
    from kurultai.core.models import SDG, Country, Theme

    added = 0
    regions = [
        (CENTRAL_ASIA, Country.Region.CENTRAL_ASIA),
        (NEIGHBOURS, Country.Region.NEIGHBOURS),
        (EUROPEAN_UNION, Country.Region.EU),
        (EU_MEMBERS, Country.Region.EU_MEMBER),
    ]
    position = 0
    for entries, region in regions:
        for code, names in entries:
            position += 1
            added += _ensure(Country, {"code": code}, {"name": names, "region": region, "position": position})
    for index, (slug, kind, names) in enumerate(THEMES, start=1):
        added += _ensure(Theme, {"slug": slug}, {"name": names, "kind": kind, "position": index})
    for number, names in enumerate(SDGS, start=1):
        added += _ensure(SDG, {"number": number}, {"name": names})
    return added


def fill_missing_names(country: Any, theme: Any, sdg: Any) -> int:
    """Add shipped names for languages a row has no text in; returns how many rows changed.

    Takes the models as arguments so that a data migration can pass its historical ones. Text an editor
    wrote is never replaced: only empty or absent languages are filled.
    """
    shipped = [
        (country, "code", country_names()),
        (theme, "slug", {slug: names for slug, _kind, names in THEMES}),
        (sdg, "number", {number: names for number, names in enumerate(SDGS, start=1)}),
    ]
    changed = 0
    for model, key, names_by_key in shipped:
        for row in model.objects.filter(**{f"{key}__in": list(names_by_key)}):
            current = dict(row.name or {})
            missing = {
                lang: text
                for lang, text in names_by_key[getattr(row, key)].items()
                if not (isinstance(current.get(lang), str) and current[lang].strip())
            }
            if missing:
                row.name = {**current, **missing}
                row.save(update_fields=["name"])
                changed += 1
    return changed
