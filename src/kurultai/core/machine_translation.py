"""Machine translation of records' missing languages through a LibreTranslate-compatible service.

Off unless ``KURULTAI_TRANSLATE_URL`` is set. Translated languages are listed under the field's
``"_machine"`` key, shown as machine translations, and lose the mark when a person corrects them.
"""

from __future__ import annotations

from typing import Any, Protocol

import httpx
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions, record
from kurultai.core.multilingual import MACHINE_KEY, TranslatableModel, TranslatedField, coerce, language_codes


@actions
class TranslationAction(models.TextChoices):
    MACHINE_TRANSLATED = "core.machine_translated", _("Missing languages filled by machine translation")
    EDITED = "core.translation_edited", _("Translation written by a person")


class TranslationError(Exception):
    """The service refused or could not be reached; the message says why, in words for an editor."""


class Backend(Protocol):
    def translate(self, text: str, source: str, target: str) -> str: ...


class LibreTranslateBackend:
    """Speaks LibreTranslate's ``POST /translate`` (``{q, source, target, format, api_key}`` → ``{translatedText}``)."""

    def __init__(self, url: str, api_key: str = "", timeout: float = 30.0) -> None:
        self.url = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, text: str, source: str, target: str) -> str:
        payload = {"q": text, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        try:
            response = httpx.post(self.url, json=payload, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise TranslationError(_("The translation service cannot be reached.")) from exc
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code == 429:
            raise TranslationError(_("The translation service is busy; try again later."))
        if response.status_code == 403:
            raise TranslationError(_("The translation service refused the API key."))
        if response.status_code != 200 or not isinstance(data.get("translatedText"), str):
            reason = data.get("error") if isinstance(data, dict) else None
            raise TranslationError(str(reason or _("The translation service could not translate this text.")))
        return data["translatedText"]


def get_backend() -> Backend | None:
    """The configured backend, or None when machine translation is off."""
    url = getattr(settings, "KURULTAI_TRANSLATE_URL", "")
    if not url:
        return None
    backend_class = import_string(settings.KURULTAI_TRANSLATE_BACKEND)
    return backend_class(url, api_key=settings.KURULTAI_TRANSLATE_API_KEY)


def is_enabled() -> bool:
    return bool(getattr(settings, "KURULTAI_TRANSLATE_URL", ""))


def translated_fields(model: type[models.Model]) -> list[TranslatedField]:
    return [f for f in model._meta.get_fields() if isinstance(f, TranslatedField)]


def translatable_models() -> dict[str, type[models.Model]]:
    """Every concrete model with translated fields, by ``app_label.model_name``."""
    return {
        m._meta.label_lower: m for m in apps.get_models() if issubclass(m, TranslatableModel) and translated_fields(m)
    }


def missing_languages(obj: models.Model) -> dict[str, list[str]]:
    """Per translated field with text: the content languages it has no text in."""
    result = {}
    for field in translated_fields(type(obj)):
        texts = getattr(obj, field.name).texts()
        if texts:
            missing = [code for code in language_codes() if code not in texts]
            if missing:
                result[field.name] = missing
    return result


def fill_missing_languages(obj: models.Model, *, actor: Any = None, backend: Backend | None = None) -> list[str]:
    """Translate every translated field of ``obj`` into the languages it lacks; returns the languages filled.

    Side effects: calls the translation service once per field and language; saves the record; records an
    audit entry. Stops at the first refusal (raising :class:`TranslationError`) and keeps nothing half-done.
    """
    backend = backend or get_backend()
    if backend is None:
        raise TranslationError(_("Machine translation is not configured."))
    original = getattr(obj, "original_language", None)
    updates: dict[str, dict] = {}
    for name, missing in missing_languages(obj).items():
        value = getattr(obj, name)
        texts = value.texts()
        source = original if original in texts else value.resolve_language("en")
        new = dict(value)
        marked = list(value.get(MACHINE_KEY, []))
        for target in missing:
            new[target] = backend.translate(texts[source], source, target)
            marked.append(target)
        new[MACHINE_KEY] = sorted(set(marked))
        updates[name] = new
    if not updates:
        return []
    with transaction.atomic():
        for name, new in updates.items():
            setattr(obj, name, coerce(new))
        obj.save(update_fields=list(updates))
        filled = sorted({code for new in updates.values() for code in new[MACHINE_KEY]})
        record(actor, TranslationAction.MACHINE_TRANSLATED, obj, {"fields": sorted(updates), "languages": filled})
    return filled


def request_translation(obj: models.Model, *, actor: Any = None) -> None:
    """Queue the machine translation of ``obj``'s missing languages (after the current transaction commits).

    Side effects: enqueues a background job.
    """
    from kurultai.core.tasks import translate_record

    label, pk, actor_id = obj._meta.label_lower, obj.pk, getattr(actor, "pk", None)
    transaction.on_commit(lambda: translate_record.enqueue(label, pk, actor_id))


def translate_new_content(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """``post_save`` receiver: new records get their missing languages when the site is set up for it."""
    if not created or raw or not settings.KURULTAI_TRANSLATE_NEW_CONTENT or not is_enabled():
        return
    if issubclass(sender, TranslatableModel) and translated_fields(sender) and missing_languages(instance):
        request_translation(instance)
