"""Terms of use and privacy notice: versions in force, and who still has to accept them."""

from __future__ import annotations

from typing import Any

from django.db.models import Max

from kurultai.accounts.models import Consent, LegalDocument

DEFAULTS = {
    LegalDocument.Kind.TERMS: (
        {"en": "Terms of use", "ru": "Условия использования"},
        {
            "en": "Kurultai is a space for respectful dialogue between civil society, governments and the "
            "European Union. Write only what you may publish, respect others, and do not share other "
            "people's personal data. Editors and moderators may hide content that breaks these terms.",
            "ru": "Курултай — пространство для уважительного диалога гражданского общества, правительств и "
            "Европейского союза. Публикуйте только то, что вправе публиковать, уважайте других и не "
            "раскрывайте чужие персональные данные. Редакторы и модераторы могут скрывать материалы, "
            "нарушающие эти условия.",
        },
    ),
    LegalDocument.Kind.PRIVACY: ({"en": "Privacy notice", "ru": "Уведомление о конфиденциальности"}, {}),
}

PRIVACY_EN = """\
This notice explains what this site keeps about you, why, for how long, who sees it, and what you can do
about it. It follows the principles of the EU General Data Protection Regulation (GDPR) and of the
personal-data laws of Central Asian countries.

## Who is responsible

The organisation that runs this installation of Kurultai is the controller of your personal data. Write to
it about your data at the address given on the contact line below; it answers within one month.

## What we keep, why, and on what legal basis

- **Your email address and a hash of your password (never the password itself)**: to sign you in and to write to
  you about your account (contract).
- **The name you choose to show, your preferred language, your notification choices**: to show your
  contributions and to write to you in your language (contract).
- **Which version of the terms of use and of this notice you accepted, and when**: to prove your consent (legal
  obligation).
- **The organisations you represent or asked to represent, with your message to their administrators**: so that
  you can act for them (contract).
- **What you publish: responses, progress updates, assessments, partner requests and answers, with the language
  you wrote in**: the public record of the dialogue and its follow-up (legitimate interest).
- **What you follow, the notifications we prepared for you, and, if you linked it, your Telegram chat**: to tell
  you what happens (consent).
- **A second factor (TOTP secret and recovery codes), when you set one up**: to protect your account (contract).
- **Audit entries: which action your account took on which record, and when (ids only)**: security and
  accountability (legitimate interest).
- **Failed sign-in attempts, counted per IP address and per email address**: to stop password guessing
  (legitimate interest).

We do not use your data for advertising, profiling or automated decisions, and we do not sell it.

## How long

- Your account and its settings: until you delete your account.
- When you delete your account, your email address, name, settings, memberships, follows, notifications and
  second factor are erased at once. What you published stays, because others have answered and relied on it,
  and is attributed to "former member".
- Records of consent and audit entries: as long as the site runs, holding ids only; after you delete your
  account they no longer point to anyone.
- "Download my data" archives: 7 days.
- Counters of failed sign-in attempts: a few minutes.
- Web server logs (IP address, page, time, browser): at most 30 days, to keep the site secure.

## Who sees what

- Everyone: your chosen name next to what you publish, and the organisations you represent.
- Nobody else ever sees your email address; people answer each other through the site.
- Administrators of an organisation: your request to represent it and your message.
- Editors and moderators: what they need to check and publish content and to verify organisations.
- Administrators of the site: everything, for operating it; every change they make is recorded.

## Processors

The controller uses these services, bound by contracts to process data only on its instructions:

- the hosting provider of the servers and the database;
- the email delivery provider that carries our emails;
- Telegram, only if you link your Telegram account to receive notifications there.

Pages load nothing from other sites: no analytics, no advertising, no fonts or scripts from third parties.

## Cookies

We set only two cookies, both needed for the site to work, so no consent banner is required:

- `sessionid`: keeps you signed in and carries short messages such as "saved" from one page to the next;
  it is deleted when you sign out and expires after at most two weeks;
- `csrftoken`: protects forms against submission from other sites.

Visitors who only read pages receive no cookies; `csrftoken` is set when a form such as sign-in is opened.

## Your rights

You may at any time:

- **see and take** your data: "Download my data" on your profile page gives a zip of JSON and CSV files
  (access and portability);
- **correct** it on your profile page (rectification);
- **delete** your account on your profile page (erasure);
- **stop** notifications, or change how often they come (withdrawing consent);
- **object** to or ask to **restrict** a use of your data, by writing to the controller;
- **complain** to the data protection authority of your country.

## Changes

When this notice changes, a new version is published here and you are asked to read and accept it the next
time you sign in.
"""

PRIVACY_RU = """\
Здесь объясняется, что сайт хранит о вас, зачем, как долго, кто это видит и что вы можете с этим сделать.
Уведомление следует принципам Общего регламента ЕС по защите данных (GDPR) и законов о персональных
данных стран Центральной Азии.

## Кто отвечает

Оператором ваших персональных данных является организация, которая поддерживает эту установку
Курултая. Пишите ей о своих данных по адресу, указанному ниже; она отвечает в течение месяца.

## Что мы храним, зачем и на каком правовом основании

- **Адрес электронной почты и хеш пароля (но не сам пароль)**: чтобы вы могли войти и получали письма об учётной
  записи (договор).
- **Имя, которое вы показываете другим, предпочитаемый язык, настройки уведомлений**: чтобы подписывать ваши
  материалы и писать вам на вашем языке (договор).
- **Какую версию условий использования и этого уведомления вы приняли и когда**: чтобы подтвердить ваше согласие
  (требование закона).
- **Организации, которые вы представляете или просите разрешения представлять, и ваше сообщение их
  администраторам**: чтобы вы могли действовать от их имени (договор).
- **То, что вы публикуете: ответы, сообщения о ходе выполнения, оценки, запросы на партнёрство и ответы на них,
  с языком текста**: открытая история диалога и выполнения рекомендаций (законный интерес).
- **На что вы подписаны, подготовленные для вас уведомления и, если вы его привязали, ваш чат в Telegram**:
  чтобы сообщать вам о новостях (согласие).
- **Второй фактор (секрет TOTP и резервные коды), если вы его настроили**: чтобы защитить учётную запись
  (договор).
- **Записи журнала аудита: какое действие ваша учётная запись совершила с какой записью и когда (только
  идентификаторы)**: безопасность и подотчётность (законный интерес).
- **Неудачные попытки входа, подсчитанные по IP-адресу и по адресу почты**: чтобы помешать подбору паролей
  (законный интерес).

Мы не используем ваши данные для рекламы, профилирования или автоматических решений и не продаём их.

## Как долго

- Учётная запись и её настройки — пока вы её не удалите.
- При удалении учётной записи адрес почты, имя, настройки, членство в организациях, подписки, уведомления и
  второй фактор стираются сразу. Опубликованное вами остаётся, потому что другие на это отвечали и на это
  опирались, и подписывается «бывший участник».
- Записи о согласии и журнал аудита — пока работает сайт; в них только идентификаторы, и после удаления
  учётной записи они ни на кого не указывают.
- Архивы «Скачать мои данные» — 7 дней.
- Счётчики неудачных попыток входа — несколько минут.
- Журналы веб-сервера (IP-адрес, страница, время, браузер) — не более 30 дней, для безопасности сайта.

## Кто что видит

- Все: выбранное вами имя рядом с опубликованным и организации, которые вы представляете.
- Ваш адрес почты не видит никто; люди отвечают друг другу через сайт.
- Администраторы организации: вашу просьбу представлять её и ваше сообщение.
- Редакторы и модераторы: то, что нужно для проверки и публикации материалов и проверки организаций.
- Администраторы сайта: всё, что нужно для его работы; каждое их изменение записывается.

## Обработчики

Оператор пользуется следующими услугами; договоры обязывают их обрабатывать данные только по его указаниям:

- хостинг-провайдер серверов и базы данных;
- служба доставки электронной почты;
- Telegram — только если вы привязали свой аккаунт Telegram, чтобы получать там уведомления.

Страницы ничего не загружают с других сайтов: никакой аналитики, рекламы, сторонних шрифтов и скриптов.

## Файлы cookie

Мы устанавливаем только два файла cookie, оба необходимы для работы сайта, поэтому согласие на них не
требуется:

- `sessionid` — сохраняет вход и переносит короткие сообщения вроде «сохранено» на следующую страницу;
  удаляется при выходе и истекает не позже чем через две недели;
- `csrftoken` — защищает формы от отправки с других сайтов.

Посетители, которые только читают страницы, не получают cookie; `csrftoken` появляется, когда открывается
форма, например форма входа.

## Ваши права

Вы в любой момент можете:

- **получить** свои данные: «Скачать мои данные» на странице профиля даёт zip-архив с файлами JSON и CSV
  (доступ и переносимость);
- **исправить** их на странице профиля;
- **удалить** учётную запись на странице профиля;
- **отключить** уведомления или изменить их частоту (отзыв согласия);
- **возразить** против использования ваших данных или попросить его **ограничить**, написав оператору;
- **пожаловаться** в орган по защите персональных данных вашей страны.

## Изменения

Когда уведомление меняется, здесь публикуется новая версия, и при следующем входе вас попросят прочитать и
принять её.
"""

CONTACT_LINE = {
    "en": "\n## Contact\n\nWrite to {contact} about your personal data.\n",
    "ru": "\n## Контакты\n\nПо вопросам о ваших персональных данных пишите на {contact}.\n",
}

# Texts that installations received as version 1; when a document still reads exactly so, the current default
# is published as its next version (and everyone is asked to accept it again).
SUPERSEDED = {
    LegalDocument.Kind.PRIVACY: [
        "We keep your email address, the name you choose to show, your language and notification "
        "choices, the organisations you represent and what you publish. Your email address is never "
        "shown to others. You can download everything we hold about you and delete your account at any "
        "time from your profile; what you published stays, attributed to a former member."
    ],
}


def privacy_notice() -> dict[str, str]:
    """The default privacy notice in every language it is written in, with the operator's contact."""
    from django.conf import settings

    contact = getattr(settings, "PRIVACY_CONTACT", "") or settings.DEFAULT_FROM_EMAIL
    return {
        code: text + CONTACT_LINE[code].format(contact=contact)
        for code, text in (("en", PRIVACY_EN), ("ru", PRIVACY_RU))
    }


def _default_body(kind: str) -> dict[str, str]:
    return privacy_notice() if kind == LegalDocument.Kind.PRIVACY else DEFAULTS[kind][1]


def ensure_legal_documents(**_kwargs: Any) -> None:
    """Every installation starts with version 1 of each document; untouched superseded texts get the new one."""
    for kind, (title, _body) in DEFAULTS.items():
        newest = LegalDocument.objects.filter(kind=kind).order_by("-version").first()
        if newest is None:
            LegalDocument.objects.create(kind=kind, version=1, title=title, body=_default_body(kind))
        elif newest.body.get("en") in SUPERSEDED.get(kind, []):
            LegalDocument.objects.create(kind=kind, version=newest.version + 1, title=title, body=_default_body(kind))


def documents_in_force() -> list[LegalDocument]:
    """The newest published version of each kind."""
    from django.utils import timezone

    newest = (
        LegalDocument.objects.filter(published_at__lte=timezone.now()).values("kind").annotate(version=Max("version"))
    )
    wanted = {(row["kind"], row["version"]) for row in newest}
    return [d for d in LegalDocument.objects.filter(kind__in=[k for k, _v in wanted]) if (d.kind, d.version) in wanted]


def missing_consents(user) -> list[LegalDocument]:
    """Documents in force that this person has not accepted yet."""
    accepted = set(Consent.objects.filter(user=user).values_list("document_id", flat=True))
    return [d for d in documents_in_force() if d.pk not in accepted]
