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
    LegalDocument.Kind.PRIVACY: (
        {"en": "Privacy notice", "ru": "Уведомление о конфиденциальности"},
        {
            "en": "We keep your email address, the name you choose to show, your language and notification "
            "choices, the organisations you represent and what you publish. Your email address is never "
            "shown to others. You can download everything we hold about you and delete your account at any "
            "time from your profile; what you published stays, attributed to a former member.",
            "ru": "Мы храним ваш адрес электронной почты, имя, которое вы показываете другим, язык и настройки "
            "уведомлений, организации, которые вы представляете, и то, что вы публикуете. Адрес почты никогда "
            "не показывается другим. В профиле вы в любой момент можете скачать все данные о себе и удалить "
            "учётную запись; опубликованное вами останется с подписью «бывший участник».",
        },
    ),
}


def ensure_legal_documents(**_kwargs: Any) -> None:
    """Every installation starts with version 1 of each document."""
    for kind, (title, body) in DEFAULTS.items():
        if not LegalDocument.objects.filter(kind=kind).exists():
            LegalDocument.objects.create(kind=kind, version=1, title=title, body=body)


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
