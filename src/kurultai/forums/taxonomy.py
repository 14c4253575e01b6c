"""The kinds of actors recommendations are addressed to; created after ``migrate`` when missing."""

from typing import Any

ADDRESSEES = [
    ("eu", "European Union", "Европейский союз"),
    ("governments", "National governments", "Национальные правительства"),
    ("csos", "Civil society organisations", "Организации гражданского общества"),
    ("donors", "Donors", "Доноры"),
    ("international", "International organisations", "Международные организации"),
]


def sync_addressees(**_kwargs: Any) -> int:
    """Create missing addressees; never overwrite an editor's changes."""
    from kurultai.forums.models import Addressee

    added = 0
    for position, (code, en, ru) in enumerate(ADDRESSEES, start=1):
        _obj, created = Addressee.objects.get_or_create(
            code=code, defaults={"name": {"en": en, "ru": ru}, "position": position}
        )
        added += created
    return added
