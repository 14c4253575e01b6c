"""Personal data declared once per app, so that "download my data", erasure and a system check read one list.

Each app's ``privacy.py`` holds ``DECLARATIONS``: the models that store something about a person, which field
points at the person, what is exported, and what erasure does. It may also define ``personal_data(user)`` and
``erase(user)`` for data that is not a simple table (the account itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from typing import Any, Literal

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import models

Erase = Literal["delete", "keep", "detach"]


@dataclass(frozen=True)
class PersonalData:
    """One model's personal data.

    ``erase``: "delete" removes the rows; "keep" keeps them (public contributions, shown as "former member");
    "detach" keeps them but sets the person field to NULL.
    """

    model: type[models.Model]
    user_field: str = "user"
    fields: tuple[str, ...] = ()
    erase: Erase = "delete"
    table: str = ""

    @property
    def name(self) -> str:
        return self.table or f"{self.model._meta.app_label}_{self.model._meta.model_name}"

    def rows(self, user: Any) -> list[dict[str, Any]]:
        """The person's rows as plain values, one column per declared field (foreign keys as their text)."""
        queryset = self.model._default_manager.filter(**{self.user_field: user})
        related = [f for f in self.fields if isinstance(self._field(f), models.ForeignKey)]
        rows = []
        for obj in queryset.select_related(*related).order_by("pk"):
            rows.append({f: _plain(getattr(obj, f)) for f in self.fields})
        return rows

    def apply_erasure(self, user: Any) -> None:
        queryset = self.model._default_manager.filter(**{self.user_field: user})
        if self.erase == "delete":
            queryset.delete()
        elif self.erase == "detach":
            queryset.update(**{self.user_field: None})

    def _field(self, name: str) -> Any:
        try:
            return self.model._meta.get_field(name)
        except Exception:
            return None


def _plain(value: Any) -> Any:
    """Values a spreadsheet can show: text for related objects, the dict itself for translated text."""
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "items") and not isinstance(value, dict):
        return dict(value.items())
    return value


def privacy_modules() -> Iterator[Any]:
    """Each Kurultai app's ``privacy`` module."""
    for config in apps.get_app_configs():
        name = f"{config.name}.privacy"
        if config.name.startswith("kurultai.") and find_spec(name) is not None:
            yield import_module(name)


def _declared(module: Any) -> list[PersonalData]:
    if module.__name__ == __name__:
        return _core_declarations()
    return list(getattr(module, "DECLARATIONS", []))


def declarations() -> list[PersonalData]:
    return [d for module in privacy_modules() for d in _declared(module)]


def personal_data(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Everything the platform holds about a person, as tables of plain values."""
    data: dict[str, list[dict[str, Any]]] = {}
    for module in privacy_modules():
        if module.__name__ != __name__ and hasattr(module, "personal_data"):
            data.update(module.personal_data(user))
        for declaration in _declared(module):
            data[declaration.name] = declaration.rows(user)
    return data


def erase(user: Any) -> None:
    """Apply every declaration's erasure rule, then each module's own ``erase``."""
    for module in privacy_modules():
        for declaration in _declared(module):
            declaration.apply_erasure(user)
        if module.__name__ != __name__ and hasattr(module, "erase"):
            module.erase(user)


def _user_links(model: type[models.Model]) -> Iterable[str]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for f in model._meta.get_fields():
        if f.is_relation and f.concrete and f.related_model is user_model and (f.many_to_one or f.one_to_one):
            yield f.name


# Models whose link to a person is handled by the accounts app's own code (the account itself and its exports).
HANDLED_ELSEWHERE = {"accounts.dataexport"}


@checks.register(checks.Tags.models)
def check_personal_data_declared(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Fail when a model with a foreign key to a person is covered by no ``privacy.py`` declaration."""
    declared = {(d.model._meta.label_lower, d.user_field) for d in declarations()}
    errors = []
    for model in apps.get_models():
        if not model.__module__.startswith("kurultai.") or model._meta.label_lower in HANDLED_ELSEWHERE:
            continue
        for name in _user_links(model):
            if (model._meta.label_lower, name) not in declared:
                errors.append(
                    checks.Error(
                        f"{model._meta.label}.{name} points at a person but no privacy.py declares it.",
                        hint="Add a PersonalData declaration to the app's privacy.py (export fields and erasure rule).",
                        obj=model,
                        id="kurultai.E001",
                    )
                )
    return errors


def _core_declarations() -> list[PersonalData]:
    from kurultai.core.models import AuditEntry, CalendarKey

    return [
        # Entries stay (they are the record of what happened); who acted is forgotten.
        PersonalData(
            AuditEntry,
            user_field="actor",
            fields=("action", "object_type", "object_id", "at"),
            erase="detach",
            table="audit_entries",
        ),
        PersonalData(CalendarKey, fields=("generation", "changed_at"), table="calendar_links"),
    ]
