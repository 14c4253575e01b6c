"""Demo forums built from public facts about the EU–Central Asia Civil Society Forum.

The wording is our own summary of the published outcome documents and press releases.
``load()`` is idempotent: records are matched on natural keys and updated in place.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.db import transaction

from kurultai.core.models import SDG, Country, Theme
from kurultai.forums.demo_programmes import DEMO_BIO, PROGRAMMES, SPEAKERS
from kurultai.forums.models import (
    Addressee,
    Appearance,
    Conclusion,
    DiscussionPoint,
    Forum,
    ForumSeries,
    Recommendation,
    Session,
    Speaker,
)

CA = ["KZ", "KG", "TJ", "TM", "UZ"]

SERIES = {
    "slug": "eu-central-asia-civil-society-forum",
    "title": {"en": "EU–Central Asia Civil Society Forum", "ru": "Форум гражданского общества ЕС – Центральная Азия"},
    "short_title": {"en": "EU–CA Civil Society Forum", "ru": "Форум гражданского общества ЕС–ЦА"},
    "description": {
        "en": "A platform for dialogue between civil society from Central Asia and the European Union on the "
        "implementation of the EU Strategy on Central Asia, held since 2019.",
        "ru": "Площадка для диалога гражданского общества Центральной Азии и Европейского союза о реализации "
        "Стратегии ЕС по Центральной Азии; проводится с 2019 года.",
    },
}

# Each recommendation: (en, ru, addressees, themes, countries, sdgs).
FORUM_2021_SESSIONS: list[dict[str, Any]] = [
    {
        "number": 1,
        "title": {
            "en": "Taking stock of the implementation of the EU Central Asia Strategy and next steps",
            "ru": "Итоги реализации Стратегии ЕС по Центральной Азии и следующие шаги",
        },
        "purpose": {
            "en": "A review of how the EU Strategy on Central Asia is being implemented, of the Team Europe "
            "approach to the region and of the place of civil society in it.",
            "ru": "Обзор реализации Стратегии ЕС по Центральной Азии, подхода «Команды Европы» к региону и места "
            "гражданского общества в нём.",
        },
        "themes": ["regional-cooperation", "resilience-inclusion"],
        "points": [
            (
                "EU–Central Asia engagement has widened: from high-level political and security talks to sectoral "
                "dialogues, the Civil Society Forum and the Economic Forum, and from environment and education to help "
                "during COVID-19 and droughts. The region's own move towards integration lets the EU work with it as "
                "a whole.",
                "Взаимодействие ЕС и Центральной Азии расширилось: от политического диалога высокого уровня и "
                "отраслевых диалогов до Форума гражданского общества и Экономического форума, от экологии и "
                "образования до помощи во время COVID-19 и засух. Стремление самого региона к интеграции позволяет ЕС "
                "работать с ним как с единым целым.",
            ),
            (
                "Partners named sources of friction: slow EU decisions that look like a lack of follow-up, small "
                "budgets, tension between tradition and democracy promotion, the weight of Russia and China in the "
                "region, and the need to work with regional organisations. Developments in Afghanistan need attention.",
                "Партнёры назвали источники разногласий: медленные решения ЕС, которые выглядят как отсутствие "
                "последующих действий, небольшие бюджеты, противоречие между традициями и продвижением демократии, "
                "влияние России и Китая в регионе и необходимость работать с региональными организациями. Отдельного "
                "внимания требует ситуация в Афганистане.",
            ),
            (
                "Much of the debate was about relations between state authorities and civil society. Kazakhstan has "
                "a developed framework for this cooperation whose lessons could serve the EU and neighbouring countries.",
                "Значительная часть дискуссии касалась отношений государственных органов и гражданского общества. В "
                "Казахстане сложилась развитая система такого взаимодействия, опыт которой полезен ЕС и соседним "
                "странам.",
            ),
            (
                "The pandemic showed how much a society's resilience depends on home-grown initiatives.",
                "Пандемия показала, насколько устойчивость общества зависит от местных инициатив.",
            ),
            (
                "Women's rights weakened during the pandemic and domestic violence came to the fore; the state and a "
                "stronger civil society must secure social protection, the right to work and women's participation.",
                "Во время пандемии права женщин стали уязвимее, на первый план вышло домашнее насилие; государство и "
                "укреплённое гражданское общество должны обеспечить социальную защиту, право на труд и участие "
                "женщин в жизни общества.",
            ),
        ],
        "recommendations": [
            (
                "Support regional cooperation among civil society organisations on social, economic, environmental "
                "and climate issues, Afghanistan included, so that they share experience, good practice and lessons "
                "learned.",
                "Поддерживать региональное сотрудничество организаций гражданского общества по социальным, "
                "экономическим, экологическим и климатическим вопросам, включая Афганистан, чтобы они обменивались "
                "опытом, лучшими практиками и извлечёнными уроками.",
                ["eu", "donors"],
                ["regional-cooperation"],
                [*CA, "AF"],
                [17],
            ),
            (
                "Help Central Asian countries implement their UN commitments and international standards on gender "
                "equality (access to justice and to resources) and human rights, without promoting specifically "
                "Western values.",
                "Помогать странам Центральной Азии выполнять обязательства перед ООН и международные стандарты в "
                "области гендерного равенства (доступ к правосудию и ресурсам) и прав человека, не продвигая "
                "специфически западные ценности.",
                ["eu", "international", "governments"],
                ["gender-equality", "rule-of-law"],
                CA,
                [5, 16],
            ),
            (
                "Invest more in civic education for young people.",
                "Больше вкладывать в гражданское образование молодёжи.",
                ["eu", "donors", "governments"],
                ["youth", "education-capacity"],
                CA,
                [4],
            ),
            (
                "Explore and support the new local initiatives that civil society started during the pandemic, "
                "rather than carry on with business as usual.",
                "Изучать и поддерживать новые местные инициативы, возникшие в гражданском обществе во время "
                "пандемии, а не действовать по-старому.",
                ["eu", "donors"],
                ["resilience-inclusion"],
                CA,
                [11],
            ),
        ],
    },
    {
        "number": 2,
        "title": {
            "en": "Strengthening resilience through inclusion",
            "ru": "Укрепление устойчивости через инклюзивность",
        },
        "purpose": {
            "en": "How civil society helps communities meet their challenges: innovative approaches, good practice "
            "and success stories on community resilience, health, the rule of law and access to justice.",
            "ru": "Как гражданское общество помогает сообществам справляться с вызовами: новые подходы, лучшие "
            "практики и истории успеха в укреплении устойчивости, здравоохранении, верховенстве права и доступе "
            "к правосудию.",
        },
        "themes": ["resilience-inclusion", "health", "rule-of-law"],
        "points": [
            (
                "The pandemic is a chance to move long-standing reforms forward in Central Asia, above all a shift to "
                "human-centred approaches.",
                "Пандемия даёт шанс продвинуть давно назревшие реформы в Центральной Азии, прежде всего переход к "
                "подходам, ориентированным на человека.",
            ),
            (
                "Civil society should take part in reforms as the government's equal partner: drafting concepts, "
                "offering options, mediating between people and authorities and acting as a watchdog. For that it "
                "needs to speak with more consolidated positions.",
                "Гражданское общество должно участвовать в реформах как равноправный партнёр правительства: "
                "разрабатывать концепции, предлагать варианты, быть посредником между обществом и властью и "
                "осуществлять общественный контроль. Для этого ему нужны более консолидированные позиции.",
            ),
            (
                "In Kyrgyzstan, online portals for legislative and procurement initiatives let citizens take part in "
                "and monitor the process.",
                "В Кыргызстане онлайн-порталы законодательных инициатив и закупок позволяют гражданам участвовать в "
                "процессе и следить за ним.",
            ),
            (
                "NGOs defend the right to health, also for vulnerable groups such as people who use drugs or live "
                "below the poverty line, and were central to a rights-based COVID-19 response together with "
                "authorities and media; donor support and NGO coalitions made this possible.",
                "НКО отстаивают право на здоровье, в том числе уязвимых групп — людей, употребляющих наркотики, и "
                "живущих за чертой бедности, — и сыграли ключевую роль в правозащитном ответе на COVID-19 вместе с "
                "властями и СМИ; это стало возможным благодаря донорам и коалициям НКО.",
            ),
            (
                "Space for civil society and the media is shrinking in Central Asia: access to information is limited "
                "and legal hurdles grow.",
                "В Центральной Азии сужается пространство для гражданского общества и СМИ: доступ к информации "
                "ограничен, правовые барьеры растут.",
            ),
            (
                "Trust in governments is low or falling. Journalists and bloggers could help rebuild it, but limits on "
                "free speech and access to information hold them back.",
                "Доверие к правительствам низкое или падает. Журналисты и блогеры могли бы помочь его восстановить, "
                "но им мешают ограничения свободы слова и доступа к информации.",
            ),
            (
                "Participants debated whether gender policy should start from the family or from each woman, girl, "
                "man and boy as an individual.",
                "Участники спорили, с чего начинать гендерную политику: с семьи или с каждой женщины, девочки, "
                "мужчины и мальчика как личности.",
            ),
            (
                "Participants discussed how to keep the pandemic from causing backsliding on commitments already made.",
                "Участники обсуждали, как не допустить отката от уже взятых обязательств из-за пандемии.",
            ),
        ],
        "recommendations": [
            (
                "The international community should support civil society broadly. For Kazakhstan, the Enhanced "
                "Partnership and Cooperation Agreement should have a chapter on civil society, and wider engagement "
                "between civil society and the authorities should be backed through commitments already made in "
                "national development plans and other signed documents.",
                "Международному сообществу следует широко поддерживать гражданское общество. В Соглашении о "
                "расширенном партнёрстве и сотрудничестве с Казахстаном нужна глава о гражданском обществе, а "
                "расширение его взаимодействия с властями следует поддерживать через обязательства, уже закреплённые "
                "в национальных планах развития и других подписанных документах.",
                ["eu", "international", "governments"],
                ["resilience-inclusion", "rule-of-law"],
                ["KZ"],
                [16, 17],
            ),
            (
                "Encourage and support civil society organisations to monitor the funding and results of EU-funded "
                "projects, for more accountability and transparency in how public money delivers policies and "
                "services.",
                "Поощрять и поддерживать мониторинг организациями гражданского общества финансирования и результатов "
                "проектов ЕС ради подотчётности и прозрачности средств, на которые государство реализует политику и "
                "услуги.",
                ["eu", "donors"],
                ["rule-of-law"],
                CA,
                [16],
            ),
            (
                "NGOs and partners should help the state strengthen its social role. Their work for the right to "
                "health deserves recognition, and they need support to improve social policies and extend them to "
                "rural areas and vulnerable groups.",
                "НКО и партнёры должны помогать государству укреплять его социальную роль. Их работа за право на "
                "здоровье заслуживает признания, и им нужна поддержка, чтобы совершенствовать социальную политику и "
                "распространять её на сельские районы и уязвимые группы.",
                ["governments", "donors", "csos"],
                ["health", "resilience-inclusion"],
                CA,
                [3, 10],
            ),
            (
                "Support research into the social processes under way in the region's societies.",
                "Поддерживать исследования общественных процессов, идущих в странах региона.",
                ["donors", "eu"],
                ["resilience-inclusion"],
                CA,
                [],
            ),
            (
                "Keep acting against domestic violence and for women's empowerment.",
                "Продолжать действовать против домашнего насилия и за расширение прав и возможностей женщин.",
                ["governments", "csos", "eu"],
                ["gender-equality"],
                CA,
                [5],
            ),
            (
                "Work towards human-centred and inclusive institutions as the basis of resilient societies.",
                "Строить ориентированные на человека и инклюзивные институты как основу устойчивых обществ.",
                ["governments"],
                ["resilience-inclusion"],
                CA,
                [16],
            ),
        ],
    },
    {
        "number": 3,
        "title": {
            "en": "Green prosperity – harnessing the potential of women and youth for increasing prosperity",
            "ru": "Зелёное процветание: потенциал женщин и молодёжи для роста благосостояния",
        },
        "purpose": {
            "en": "How civil society can empower women and young people for a green recovery: social "
            "entrepreneurship, digitalisation, and good practice in working with business on social challenges.",
            "ru": "Как гражданское общество может расширять возможности женщин и молодёжи для зелёного "
            "восстановления: социальное предпринимательство, цифровизация и опыт работы с бизнесом над "
            "социальными проблемами.",
        },
        "themes": ["green-economy", "gender-equality", "youth", "digital-transformation"],
        "points": [
            (
                "Sustainable policies for a green economy and for women's empowerment should build on the region's "
                "historical and cultural foundations.",
                "Устойчивая политика в области зелёной экономики и расширения прав женщин должна опираться на "
                "исторический и культурный фундамент региона.",
            ),
            (
                "Environmental problems are also economic and development problems, and solving them takes "
                "substantial funding.",
                "Экологические проблемы — это и проблемы экономики и развития, и их решение требует значительных "
                "средств.",
            ),
            (
                "Domestic violence is, and must stay, high on the agenda.",
                "Домашнее насилие стоит и должно оставаться в числе приоритетов.",
            ),
            (
                "Civil society organisations showed how they bring internet access, devices and digital skills to "
                "remote areas of Kyrgyzstan, connecting communities, improving education and creating content in "
                "local languages.",
                "Организации гражданского общества показали, как они приносят интернет, устройства и цифровые навыки "
                "в отдалённые районы Кыргызстана, объединяя сообщества, улучшая образование и создавая контент на "
                "местных языках.",
            ),
            (
                "Civil society organisations showed how, with local authorities, ministries and businesses, they help "
                "survivors of domestic violence gain skills and jobs, and talk with the public about preventing "
                "violence against women.",
                "Организации гражданского общества показали, как вместе с местными властями, министерствами и "
                "бизнесом они помогают пострадавшим от домашнего насилия получить навыки и работу и говорят с "
                "обществом о профилактике насилия в отношении женщин.",
            ),
        ],
        "recommendations": [
            (
                "Develop online learning content that engages children in a modern way, and pair digitalisation with "
                "media literacy: digital education should teach safe internet use and critical thinking.",
                "Создавать онлайн-контент для обучения, который по-современному увлекает детей, и сочетать "
                "цифровизацию с медиаграмотностью: цифровое образование должно учить безопасному использованию "
                "интернета и критическому мышлению.",
                ["governments", "csos", "donors"],
                ["digital-transformation", "education-capacity", "youth"],
                CA,
                [4],
            ),
            (
                "Governments should help businesses bring the internet to remote areas and make public services "
                "mobile-friendly, so that they work on phones and weak connections.",
                "Правительствам следует помогать бизнесу проводить интернет в отдалённые районы и делать "
                "государственные услуги удобными для мобильных устройств и слабого интернета.",
                ["governments"],
                ["digital-transformation"],
                CA,
                [9],
            ),
            (
                "Partnerships between authorities and civil society against domestic violence and for women's "
                "empowerment should be developed, and should promote values that reject domestic violence.",
                "Развивать партнёрство властей и гражданского общества против домашнего насилия и за расширение "
                "прав женщин, продвигая ценности, отвергающие домашнее насилие.",
                ["governments", "csos"],
                ["gender-equality"],
                CA,
                [5],
            ),
            (
                "Foster cooperation on education for children and young people and the inclusive participation of "
                "women, youth and other vulnerable groups in decisions. Offer rural children, especially girls, new "
                "role models, for example in STEM, and help young people become role models themselves.",
                "Развивать сотрудничество в образовании детей и молодёжи и инклюзивное участие женщин, молодёжи и "
                "других уязвимых групп в принятии решений. Предлагать сельским детям, особенно девочкам, новые "
                "ролевые модели, например в STEM, и помогать молодым людям самим становиться примером.",
                ["governments", "csos", "donors"],
                ["youth", "gender-equality", "education-capacity"],
                CA,
                [4, 5],
            ),
            (
                "Strengthen regional internet connectivity and consider adopting the norms of the EU General Data "
                "Protection Regulation.",
                "Укреплять региональную интернет-связанность и рассмотреть принятие норм Общего регламента ЕС по "
                "защите данных (GDPR).",
                ["governments", "eu"],
                ["digital-transformation", "regional-cooperation"],
                CA,
                [9],
            ),
            (
                "Other Central Asian countries could replicate Kazakhstan's use of digital technology in the "
                "penitentiary system.",
                "Другие страны Центральной Азии могли бы перенять опыт Казахстана в использовании цифровых "
                "технологий в пенитенциарной системе.",
                ["governments"],
                ["digital-transformation", "rule-of-law"],
                ["KG", "TJ", "TM", "UZ"],
                [16],
            ),
        ],
    },
    {
        "number": 4,
        "title": {
            "en": "Regional cooperation – addressing environmental challenges",
            "ru": "Региональное сотрудничество в решении экологических проблем",
        },
        "purpose": {
            "en": "The role of civil society in green strategies, in regional and cross-border environmental "
            "cooperation and confidence building, and the potential of local communities and civil-society "
            "expertise.",
            "ru": "Роль гражданского общества в зелёных стратегиях, региональном и трансграничном экологическом "
            "сотрудничестве и укреплении доверия, потенциал местных сообществ и экспертизы гражданского "
            "общества.",
        },
        "themes": ["climate-change", "regional-cooperation", "transboundary-water", "biodiversity"],
        "points": [
            (
                "Environmental challenges are key for the region, even a matter of survival: inherited problems such "
                "as the drying Aral Sea, radioactive tailings and ageing infrastructure meet new ones — climate "
                "change, limits on emissions and COVID-19. Climate change shows itself most clearly through water.",
                "Экологические вызовы — ключевые для региона и даже вопрос выживания: к унаследованным проблемам — "
                "высыханию Аральского моря, радиоактивным хвостохранилищам, износу инфраструктуры — добавляются "
                "новые: изменение климата, ограничение выбросов и COVID-19. Изменение климата заметнее всего "
                "проявляется через воду.",
            ),
            (
                "Now that there is political will to cooperate, civil society can raise awareness, support regional "
                "action on cross-border issues, build confidence across borders, meet local needs such as clean water "
                "and sanitation, and complement the government's work.",
                "Теперь, когда есть политическая воля к сотрудничеству, гражданское общество может повышать "
                "осведомлённость, поддерживать региональные действия по трансграничным вопросам, укреплять доверие "
                "между странами, помогать с местными нуждами — чистой водой и санитарией — и дополнять работу "
                "государства.",
            ),
            (
                "The EU can be a reliable partner on these regional issues through funding, shared experience and "
                "cooperation with civil society.",
                "ЕС может быть надёжным партнёром в этих региональных вопросах благодаря финансированию, обмену "
                "опытом и сотрудничеству с гражданским обществом.",
            ),
            (
                "Civil society can help governments reach the environment-related SDGs and design and implement "
                "green strategies, for instance by contributing to an environmental code, international cooperation "
                "and training.",
                "Гражданское общество может помочь правительствам достичь экологических ЦУР, разработать и "
                "реализовать зелёные стратегии — например, участвуя в подготовке экологического кодекса, "
                "международном сотрудничестве и обучении.",
            ),
            (
                "Waste is a major problem. In Kazakhstan, civil society works with businesses to separate and recycle "
                "plastic, builds coalitions and raises public awareness.",
                "Отходы — серьёзная проблема. В Казахстане гражданское общество вместе с бизнесом организует "
                "раздельный сбор и переработку пластика, создаёт коалиции и просвещает население.",
            ),
            (
                "In Uzbekistan, civil society works with rural communities around the Aral Sea on food security, "
                "technology transfer and the resilience of farming communities, in coalitions with international "
                "organisations, academia and businesses.",
                "В Узбекистане гражданское общество работает с сельскими сообществами Приаралья над продовольственной "
                "безопасностью, передачей технологий и устойчивостью фермерских хозяйств в коалиции с международными "
                "организациями, наукой и бизнесом.",
            ),
            (
                "Local communities and public associations know the root causes of everyday problems best and should "
                "be involved in solving them, at the regional level too.",
                "Местные сообщества и общественные объединения лучше всех знают причины повседневных проблем, и их "
                "нужно вовлекать в поиск решений, в том числе на региональном уровне.",
            ),
            (
                "Small environmental changes already cause food, energy and water insecurity that can lead to "
                "instability, poverty and conflict. Civil society can lower these climate risks locally through "
                "knowledge, capacity building and better forecasting, and can work across fault lines, linking "
                "authorities with the grassroots communities who know the root causes.",
                "Даже небольшие изменения среды уже вызывают продовольственную, энергетическую и водную "
                "незащищённость, ведущую к нестабильности, бедности и конфликтам. Гражданское общество может снижать "
                "эти климатические риски на местах — через знания, наращивание потенциала и прогнозирование, — а "
                "также работать поверх разделительных линий, связывая власти с низовыми сообществами.",
            ),
            (
                "Preserving Central Asia's biodiversity should rank higher on the agenda; it also helps mitigate "
                "climate change.",
                "Сохранение биоразнообразия Центральной Азии должно занять более высокое место в повестке; оно также "
                "помогает смягчать изменение климата.",
            ),
            (
                "Water problems in the region carry a high potential for conflict, which must be reduced.",
                "Водные проблемы региона несут высокий конфликтный потенциал, который необходимо снижать.",
            ),
        ],
        "recommendations": [
            (
                "Develop a regional climate change strategy together with civil society. Promote regional research "
                "on green solutions, build regional mechanisms for knowledge and technology transfer, and consider "
                "green regional hubs for sustainable energy and water management.",
                "Разработать региональную стратегию по изменению климата вместе с гражданским обществом. Развивать "
                "региональные исследования зелёных решений, создать механизмы передачи знаний и технологий и "
                "рассмотреть создание зелёных региональных хабов по устойчивой энергетике и управлению водой.",
                ["governments", "eu", "international"],
                ["climate-change", "regional-cooperation", "clean-energy", "water-management"],
                CA,
                [6, 7, 13, 17],
            ),
            (
                "Create a web-based learning facility that builds civil society's knowledge and skills on climate "
                "change, including conflict resolution where relevant, and raise global awareness of how emitting "
                "countries affect those who bear the consequences.",
                "Создать веб-платформу обучения, которая даёт гражданскому обществу знания и навыки в области "
                "изменения климата, включая, где уместно, урегулирование конфликтов, и повышать осведомлённость мира "
                "о том, как страны-эмитенты влияют на тех, кто несёт последствия.",
                ["eu", "donors", "international"],
                ["climate-change", "education-capacity"],
                CA,
                [4, 13],
            ),
            (
                "Encourage financial instruments that tax polluters, such as tobacco or plastic manufacturers, and "
                "redirect the money to the problems they cause.",
                "Поощрять финансовые инструменты, облагающие налогом загрязнителей, например производителей табака "
                "или пластика, и направляющие эти средства на решение вызванных ими проблем.",
                ["governments"],
                ["consumption-waste", "green-economy"],
                CA,
                [12],
            ),
            (
                "Explore successful cases of governments and companies working together to change consumer "
                "behaviour, such as paying people for waste delivered to recycling plants.",
                "Изучать удачные примеры совместной работы государства и компаний по изменению поведения "
                "потребителей, например покупки отходов перерабатывающими предприятиями.",
                ["governments", "csos"],
                ["consumption-waste", "green-economy"],
                CA,
                [12],
            ),
            (
                "Keep biodiversity conservation high on Central Asia's agenda.",
                "Сохранение биоразнообразия должно оставаться в числе приоритетов Центральной Азии.",
                ["governments", "eu", "international"],
                ["biodiversity"],
                CA,
                [15],
            ),
            (
                "Donors should coordinate their support so that what one project achieves is sustained by the next.",
                "Донорам следует координировать поддержку, чтобы достигнутое одним проектом сохранялось и "
                "развивалось в следующем.",
                ["donors"],
                ["regional-cooperation"],
                CA,
                [17],
            ),
            (
                "Consider a spin-off of the EU–Central Asia Civil Society Forum devoted to the environment, and "
                "develop a regional legal framework for sharing resources to improve resilience.",
                "Рассмотреть проведение отдельного форума гражданского общества ЕС – Центральная Азия, посвящённого "
                "экологии, и разработать региональную правовую основу совместного использования ресурсов для "
                "повышения устойчивости.",
                ["eu", "governments"],
                ["regional-cooperation", "climate-change"],
                CA,
                [17],
            ),
        ],
    },
]

FORUM_2025_GROUPS: list[dict[str, Any]] = [
    {
        "number": 1,
        "title": {"en": "Working group: digital transformation", "ru": "Рабочая группа: цифровая трансформация"},
        "themes": ["digital-transformation"],
        "recommendations": [
            (
                "Draw up a regional action plan on digital skills for civil society, with a focus on rural areas "
                "and on services that work on mobile phones and weak connections.",
                "Подготовить региональный план действий по цифровым навыкам для гражданского общества с упором на "
                "сельские районы и сервисы, работающие на мобильных телефонах и при слабом интернете.",
                ["csos", "donors", "governments"],
                ["digital-transformation"],
                CA,
                [4, 9],
            ),
        ],
    },
    {
        "number": 2,
        "title": {"en": "Working group: climate and environment", "ru": "Рабочая группа: климат и окружающая среда"},
        "themes": ["climate-change", "water-management"],
        "recommendations": [
            (
                "Involve civil society networks in preparing and monitoring national climate commitments and "
                "regional water cooperation.",
                "Вовлекать сети гражданского общества в подготовку и мониторинг национальных климатических "
                "обязательств и регионального водного сотрудничества.",
                ["governments", "eu"],
                ["climate-change", "transboundary-water"],
                CA,
                [6, 13],
            ),
        ],
    },
    {
        "number": 3,
        "title": {"en": "Working group: youth participation", "ru": "Рабочая группа: участие молодёжи"},
        "themes": ["youth"],
        "recommendations": [
            (
                "Create regular channels through which youth organisations take part in regional dialogue and in "
                "following up the forum's recommendations.",
                "Создать постоянные каналы участия молодёжных организаций в региональном диалоге и в отслеживании "
                "выполнения рекомендаций форума.",
                ["eu", "governments", "csos"],
                ["youth", "regional-cooperation"],
                CA,
                [4, 16],
            ),
        ],
    },
    {
        "number": 4,
        "title": {
            "en": "Working group: governance and social entrepreneurship",
            "ru": "Рабочая группа: управление и социальное предпринимательство",
        },
        "themes": ["rule-of-law", "green-economy"],
        "recommendations": [
            (
                "Simplify the registration and reporting rules that civil society organisations and social "
                "enterprises face, and publish the results of public consultations.",
                "Упростить правила регистрации и отчётности для организаций гражданского общества и социальных "
                "предприятий и публиковать итоги общественных консультаций.",
                ["governments"],
                ["rule-of-law"],
                CA,
                [8, 16],
            ),
        ],
    },
    {
        "number": 5,
        "title": {
            "en": "Working group: women's empowerment",
            "ru": "Рабочая группа: расширение прав и возможностей женщин",
        },
        "themes": ["gender-equality"],
        "recommendations": [
            (
                "Fund women-led civil society organisations working on economic empowerment and on the prevention "
                "of domestic violence, including in remote areas.",
                "Финансировать женские организации гражданского общества, работающие над экономическими "
                "возможностями женщин и профилактикой домашнего насилия, в том числе в отдалённых районах.",
                ["donors", "eu"],
                ["gender-equality"],
                CA,
                [5],
            ),
        ],
    },
]

FORUMS: list[dict[str, Any]] = [
    {
        "slug": "2019",
        "number": 1,
        "start_date": dt.date(2019, 1, 1),
        "date_precision": "year",
        "country": "KG",
        "title": {
            "en": "First EU–Central Asia Civil Society Forum",
            "ru": "Первый Форум гражданского общества ЕС – Центральная Азия",
        },
        "concept": {
            "en": "The first forum, hosted by Kyrgyzstan, followed the adoption of the EU Strategy on Central Asia "
            "in 2019 and opened a regular dialogue between civil society, governments and the EU.",
            "ru": "Первый форум, принимающей стороной которого стал Кыргызстан, прошёл после принятия Стратегии ЕС "
            "по Центральной Азии в 2019 году и открыл регулярный диалог гражданского общества, правительств и ЕС.",
        },
        "themes": ["regional-cooperation"],
    },
    {
        "slug": "2020",
        "number": 2,
        "start_date": dt.date(2020, 1, 1),
        "date_precision": "year",
        "country": "UZ",
        "title": {
            "en": "Second EU–Central Asia Civil Society Forum",
            "ru": "Второй Форум гражданского общества ЕС – Центральная Азия",
        },
        "concept": {
            "en": "The second forum was hosted by Uzbekistan.",
            "ru": "Принимающей стороной второго форума стал Узбекистан.",
        },
        "themes": ["regional-cooperation"],
    },
    {
        "slug": "2021-almaty",
        "number": 3,
        "start_date": dt.date(2021, 10, 6),
        "country": "KZ",
        "city": {"en": "Almaty", "ru": "Алматы", "kk": "Алматы"},
        "format": "hybrid",
        "participants_count": 300,
        "title": {
            "en": "Third EU–Central Asia Civil Society Forum",
            "ru": "Третий Форум гражданского общества ЕС – Центральная Азия",
        },
        "theme": {
            "en": "Building Forward Better: engaging for a sustainable post-COVID recovery",
            "ru": "Строим будущее лучше: вместе за устойчивое восстановление после COVID",
        },
        "organisers": {
            "en": "Organised by the EU Special Representative for Central Asia and hosted by the Akimat of Almaty.",
            "ru": "Организатор — Специальный представитель ЕС по Центральной Азии, принимающая сторона — "
            "акимат города Алматы.",
        },
        "concept": {
            "en": "The forum is a platform for dialogue between civil society from Central Asia and the European "
            "Union on implementing the EU Strategy on Central Asia. In a Team Europe spirit it promotes the role "
            "of civil society in strengthening resilience, prosperity and regional cooperation, and helps "
            "governments, civil society and business learn to talk with each other while civic space is "
            "shrinking worldwide. About 300 people took part, in person and online.",
            "ru": "Форум — площадка для диалога гражданского общества Центральной Азии и Европейского союза о "
            "реализации Стратегии ЕС по Центральной Азии. В духе «Команды Европы» он укрепляет роль гражданского "
            "общества в повышении устойчивости, благосостояния и регионального сотрудничества и помогает "
            "правительствам, гражданскому обществу и бизнесу учиться диалогу, пока пространство для гражданского "
            "общества в мире сужается. Около 300 человек участвовали очно и онлайн.",
        },
        "themes": ["resilience-inclusion", "green-economy", "regional-cooperation", "climate-change"],
        "opening": [
            (
                {"en": "Terhi Hakala"},
                {
                    "en": "EU Special Representative for Central Asia",
                    "ru": "Специальный представитель ЕС по Центральной Азии",
                },
            ),
            (
                {"en": "Eamon Gilmore"},
                {
                    "en": "EU Special Representative for Human Rights",
                    "ru": "Специальный представитель ЕС по правам человека",
                },
            ),
            (
                {"en": "Erzhan Kazykhan", "ru": "Ержан Казыхан"},
                {
                    "en": "Special Representative of the President of Kazakhstan for International Cooperation",
                    "ru": "Специальный представитель Президента Казахстана по международному сотрудничеству",
                },
            ),
        ],
        "sessions": FORUM_2021_SESSIONS,
        "conclusions": [
            (
                "Civil society plays an important role in implementing the EU–Central Asia Strategy. Implementation "
                "must speed up, even if COVID-19 and the developments in Afghanistan have reordered priorities.",
                "Гражданское общество играет важную роль в реализации Стратегии ЕС по Центральной Азии. Её "
                "реализацию нужно ускорить, даже если COVID-19 и события в Афганистане изменили порядок "
                "приоритетов.",
            ),
        ],
    },
    {
        "slug": "2023-tashkent",
        "number": 4,
        "start_date": dt.date(2023, 3, 10),
        "country": "UZ",
        "city": {"en": "Tashkent", "ru": "Ташкент", "uz": "Toshkent"},
        "title": {
            "en": "Fourth EU–Central Asia Civil Society Forum",
            "ru": "Четвёртый Форум гражданского общества ЕС – Центральная Азия",
        },
        "theme": {
            "en": "Civil society and the Global Gateway connectivity agenda; women and youth",
            "ru": "Гражданское общество и повестка связанности Global Gateway; женщины и молодёжь",
        },
        "themes": ["regional-cooperation", "gender-equality", "youth"],
        "sessions": [
            {
                "number": 1,
                "title": {
                    "en": "Civil society and the Global Gateway connectivity agenda",
                    "ru": "Гражданское общество и повестка связанности Global Gateway",
                },
                "themes": ["regional-cooperation", "digital-transformation"],
            },
            {
                "number": 2,
                "title": {"en": "Women and youth", "ru": "Женщины и молодёжь"},
                "themes": ["gender-equality", "youth"],
            },
        ],
    },
    {
        "slug": "2025-almaty",
        "number": 5,
        "start_date": dt.date(2025, 1, 28),
        "end_date": dt.date(2025, 1, 30),
        "country": "KZ",
        "city": {"en": "Almaty", "ru": "Алматы", "kk": "Алматы"},
        "format": "in_person",
        "participants_count": 150,
        "title": {
            "en": "Fifth EU–Central Asia Civil Society Forum",
            "ru": "Пятый Форум гражданского общества ЕС – Центральная Азия",
        },
        "theme": {
            "en": "Digital transformation, climate change and the empowerment of women and youth",
            "ru": "Цифровая трансформация, изменение климата и расширение возможностей женщин и молодёжи",
        },
        "organisers": {
            "en": "Part of the EU Civil Society Facility, funded by the European Union (EUR 4.5 million, four "
            "years) and implemented by UNOPS.",
            "ru": "Часть проекта «Механизм ЕС для гражданского общества», финансируемого Европейским союзом "
            "(4,5 млн евро, четыре года) и реализуемого ЮНОПС.",
        },
        "concept": {
            "en": "Civil society organisations from Kazakhstan, the Kyrgyz Republic, Tajikistan, Turkmenistan and "
            "Uzbekistan met to work on digital transformation, climate change and the empowerment of youth and "
            "women. Regional thematic working groups turn the recommendations into regional action plans. "
            "The working-group recommendations shown here are demo content.",
            "ru": "Организации гражданского общества Казахстана, Кыргызской Республики, Таджикистана, "
            "Туркменистана и Узбекистана работали над цифровой трансформацией, изменением климата и расширением "
            "возможностей молодёжи и женщин. Региональные тематические рабочие группы превращают рекомендации в "
            "региональные планы действий. Рекомендации рабочих групп здесь — демонстрационные данные.",
        },
        "themes": ["digital-transformation", "climate-change", "gender-equality", "youth"],
        "opening": [
            ({"en": "Aleška Simkić"}, {"en": "EU Ambassador to Kazakhstan", "ru": "Посол ЕС в Казахстане"}),
            (
                {"en": "Roman Vassilenko", "ru": "Роман Василенко"},
                {
                    "en": "Deputy Minister of Foreign Affairs of Kazakhstan",
                    "ru": "Заместитель министра иностранных дел Казахстана",
                },
            ),
            (
                {"en": "Stephen O'Malley"},
                {"en": "UN Resident Coordinator in Kazakhstan", "ru": "Постоянный координатор ООН в Казахстане"},
            ),
        ],
        "sessions": FORUM_2025_GROUPS,
    },
]


def _bilingual(pair: tuple[str, str]) -> dict[str, str]:
    return {"en": pair[0], "ru": pair[1]}


def _load_session(forum: Forum, data: dict[str, Any], lookups: dict[str, dict]) -> tuple[int, int]:
    session, _created = Session.objects.update_or_create(
        forum=forum,
        number=data["number"],
        defaults={"title": data["title"], "purpose": data.get("purpose", {}), "original_language": "en"},
    )
    session.themes.set([lookups["themes"][slug] for slug in data.get("themes", [])])
    for position, pair in enumerate(data.get("points", []), start=1):
        DiscussionPoint.objects.update_or_create(
            session=session, position=position, defaults={"text": _bilingual(pair), "original_language": "en"}
        )
    session.discussion_points.filter(position__gt=len(data.get("points", []))).delete()
    recs = data.get("recommendations", [])
    for position, (en, ru, addressees, themes, countries, sdgs) in enumerate(recs, start=1):
        rec, _created = Recommendation.objects.update_or_create(
            forum=forum,
            session=session,
            position=position,
            defaults={"text": {"en": en, "ru": ru}, "original_language": "en"},
        )
        rec.addressees.set([lookups["addressees"][code] for code in addressees])
        rec.themes.set([lookups["themes"][slug] for slug in themes])
        rec.countries.set([lookups["countries"][code] for code in countries])
        rec.sdgs.set([lookups["sdgs"][number] for number in sdgs])
    return len(data.get("points", [])), len(recs)


@transaction.atomic
def load() -> dict[str, int]:
    """Create or update the demo forums; returns counts for the command's report."""
    lookups = {
        "themes": {t.slug: t for t in Theme.objects.all()},
        "countries": {c.code: c for c in Country.objects.all()},
        "sdgs": {s.number: s for s in SDG.objects.all()},
        "addressees": {a.code: a for a in Addressee.objects.all()},
    }
    series, _created = ForumSeries.objects.update_or_create(
        slug=SERIES["slug"], defaults={k: v for k, v in SERIES.items() if k != "slug"} | {"position": 1}
    )
    counts = {"forums": 0, "sessions": 0, "discussion points": 0, "recommendations": 0}
    for data in FORUMS:
        fields = {
            key: data[key]
            for key in (
                "number",
                "title",
                "theme",
                "city",
                "start_date",
                "end_date",
                "date_precision",
                "format",
                "concept",
                "organisers",
                "participants_count",
            )
            if key in data
        }
        fields["country"] = lookups["countries"].get(data.get("country", ""))
        forum, _created = Forum.objects.update_or_create(
            slug=data["slug"], defaults=fields | {"series": series, "original_language": "en"}
        )
        forum.themes.set([lookups["themes"][slug] for slug in data.get("themes", [])])
        counts["forums"] += 1
        for position, (name, role) in enumerate(data.get("opening", []), start=1):
            speaker = Speaker.objects.filter(name__en=name["en"]).first() or Speaker(name=name)
            speaker.position = role
            speaker.save()
            Appearance.objects.update_or_create(
                forum=forum,
                session=None,
                speaker=speaker,
                defaults={"role": Appearance.Role.OPENING, "position": position},
            )
        for session_data in data.get("sessions", []):
            points, recs = _load_session(forum, session_data, lookups)
            counts["sessions"] += 1
            counts["discussion points"] += points
            counts["recommendations"] += recs
        for position, pair in enumerate(data.get("conclusions", []), start=1):
            Conclusion.objects.update_or_create(
                forum=forum, position=position, defaults={"text": _bilingual(pair), "original_language": "en"}
            )
    speakers = _load_speakers()
    counts["speakers"] = len(speakers)
    for data in PROGRAMMES:
        counts["sessions"] += _load_programme(data, series, lookups, speakers)
        counts["forums"] += 1
    return counts


def _load_speakers() -> dict[str, Speaker]:
    """The invented speakers of the demo programmes, each saying so in their biography."""
    from kurultai.organisations.models import Organisation

    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[v[2] for v in SPEAKERS.values() if v[2]])}
    found = {}
    for key, (name, position, organisation_slug, organisation_name) in SPEAKERS.items():
        speaker = Speaker.objects.filter(name__en=name["en"]).first() or Speaker(original_language="en")
        speaker.name, speaker.position, speaker.bio = name, position, DEMO_BIO
        speaker.organisation = organisations.get(organisation_slug or "")
        speaker.organisation_name = organisation_name if speaker.organisation is None else {}
        speaker.save()
        found[key] = speaker
    return found


def _load_programme(data: dict[str, Any], series: ForumSeries, lookups: dict[str, dict], speakers: dict) -> int:
    """A forum with a timed programme (sessions on the forum's clock, rooms, tracks and speakers' roles)."""
    fields = {
        key: data[key]
        for key in ("number", "title", "theme", "city", "start_date", "end_date", "format", "concept", "time_zone")
    }
    fields["country"] = lookups["countries"].get(data["country"])
    forum, _created = Forum.objects.update_or_create(
        slug=data["slug"],
        defaults=fields | {"series": series, "original_language": "en", "is_published": True, "date_precision": "day"},
    )
    forum.themes.set([lookups["themes"][slug] for slug in data.get("themes", [])])
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    for item in data["programme"]:
        (day, start), end = item["when"]
        session, _created = Session.objects.update_or_create(
            forum=forum,
            number=item["number"],
            defaults={
                "title": item["title"],
                "purpose": item["purpose"],
                "starts_at": dt.datetime.combine(day, start, tzinfo=zone),
                "ends_at": dt.datetime.combine(day, end, tzinfo=zone),
                "room": item["room"],
                "format": item["format"],
                "track": item["track"],
                "online_url": item.get("online_url", ""),
                "original_language": "en",
            },
        )
        session.themes.set([lookups["themes"][slug] for slug in item["themes"]])
        keep = []
        for position, (key, role) in enumerate(item["roles"], start=1):
            Appearance.objects.update_or_create(
                forum=forum,
                session=session,
                speaker=speakers[key],
                defaults={"role": role, "position": position},
            )
            keep.append(speakers[key].pk)
        session.appearances.exclude(speaker__in=keep).delete()
    forum.sessions.filter(number__gt=len(data["programme"])).delete()
    return len(data["programme"])
