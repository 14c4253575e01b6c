"""The kinds of actors recommendations are addressed to; created after ``migrate`` when missing."""

from typing import Any

# code → name in every interface language.
ADDRESSEES = [
    ("eu", {
        "en": "European Union", "ru": "Европейский союз", "kk": "Еуропалық одақ", "ky": "Европа Биримдиги",
        "tg": "Иттиҳоди Аврупо", "tk": "Ýewropa Bileleşigi", "uz": "Yevropa Ittifoqi",
    }),
    ("governments", {
        "en": "National governments", "ru": "Национальные правительства", "kk": "Ұлттық үкіметтер",
        "ky": "Улуттук өкмөттөр", "tg": "Ҳукуматҳои миллӣ", "tk": "Milli hökümetler", "uz": "Milliy hukumatlar",
    }),
    ("csos", {
        "en": "Civil society organisations", "ru": "Организации гражданского общества",
        "kk": "Азаматтық қоғам ұйымдары", "ky": "Жарандык коом уюмдары", "tg": "Созмонҳои ҷомеаи шаҳрвандӣ",
        "tk": "Raýat jemgyýetiniň guramalary", "uz": "Fuqarolik jamiyati tashkilotlari",
    }),
    ("donors", {
        "en": "Donors", "ru": "Доноры", "kk": "Донорлар", "ky": "Донорлор", "tg": "Донорҳо", "tk": "Donorlar",
        "uz": "Donorlar",
    }),
    ("international", {
        "en": "International organisations", "ru": "Международные организации", "kk": "Халықаралық ұйымдар",
        "ky": "Эл аралык уюмдар", "tg": "Созмонҳои байналмилалӣ", "tk": "Halkara guramalar",
        "uz": "Xalqaro tashkilotlar",
    }),
]  # fmt: skip


def sync_addressees(**_kwargs: Any) -> int:
    """Create missing addressees and fill languages they lack; never overwrite a name an editor wrote."""
    from kurultai.forums.models import Addressee

    added = 0
    for position, (code, names) in enumerate(ADDRESSEES, start=1):
        obj, created = Addressee.objects.get_or_create(code=code, defaults={"name": names, "position": position})
        added += created
        missing = {lang: text for lang, text in names.items() if not (obj.name.get(lang) or "").strip()}
        if not created and missing:
            obj.name = {**obj.name, **missing}
            obj.save(update_fields=["name"])
    return added
