"""The editors' translation workspace: which records lack which language, and saving a person's translation."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models import Q

from kurultai.core.audit import record
from kurultai.core.machine_translation import TranslationAction, translatable_models, translated_fields
from kurultai.core.multilingual import MACHINE_KEY, TranslatedText, language_codes


def kinds() -> list[tuple[str, str]]:
    """The kinds of record that hold translated text, as (label, name) pairs for a filter."""
    return sorted(
        ((label, str(model._meta.verbose_name_plural).capitalize()) for label, model in translatable_models().items()),
        key=lambda pair: pair[1],
    )


def lacking(label: str, language: str) -> models.QuerySet:
    """Records of one kind with a translated field that has text, but none in ``language`` (one query to count)."""
    model = translatable_models()[label]
    condition = Q()
    for field in translated_fields(model):
        condition |= ~Q(**{field.name: {}}) & ~Q(**{f"{field.name}__has_key": language})
    return model._default_manager.filter(condition).order_by("pk")


def fields_of(obj: models.Model) -> list[tuple[str, Any, TranslatedText]]:
    """(name, label, text) of every translated field of a record, for side-by-side editing."""
    return [(f.name, f.verbose_name, getattr(obj, f.name)) for f in translated_fields(type(obj))]


@transaction.atomic
def save_translation(actor: Any, obj: models.Model, language: str, values: dict[str, str]) -> list[str]:
    """Write a person's text for ``language`` into the record's translated fields; returns the fields changed.

    A person's text replaces a machine translation and clears its mark; over-long text or control characters
    raise ``ValidationError`` and nothing is saved. Side effects: an audit entry.
    """
    if language not in language_codes():
        raise ValueError(f"Unknown language {language!r}")
    changed = []
    for field in translated_fields(type(obj)):
        if field.name not in values:
            continue
        text = values[field.name].strip()
        current = getattr(obj, field.name)
        if text == (current.get(language) or "").strip():
            continue
        new = TranslatedText({k: v for k, v in current.items() if k != language})
        if text:
            new[language] = text
        machine = [code for code in current.get(MACHINE_KEY, []) if code != language]
        new.pop(MACHINE_KEY, None)
        if machine:
            new[MACHINE_KEY] = machine
        setattr(obj, field.name, new)
        changed.append(field.name)
    if changed:
        obj.clean_fields(exclude=[f.name for f in obj._meta.fields if f.name not in changed])
        obj.save(update_fields=changed)
        record(actor, TranslationAction.EDITED, obj, {"language": language, "fields": changed})
    return changed
