"""State changes of accounts: consent, profile, "download my data" and erasure."""

from __future__ import annotations

import csv
import io
import json
import logging
import zipfile
from collections.abc import Iterable
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session as DjangoSession
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from kurultai.accounts.models import Consent, DataExport, LegalDocument, User
from kurultai.core.audit import record

logger = logging.getLogger(__name__)

INLINE_EXPORT_LIMIT = int(getattr(settings, "KURULTAI_EXPORT_INLINE_LIMIT", 2000))


def _privacy_modules() -> Iterable[Any]:
    """Each app's ``privacy`` module: what it holds about a person and how to erase it."""
    for config in apps.get_app_configs():
        name = f"{config.name}.privacy"
        if config.name.startswith("kurultai.") and find_spec(name) is not None:
            yield import_module(name)


@transaction.atomic
def record_consent(user: User, documents: Iterable[LegalDocument]) -> list[Consent]:
    """Record that the person accepted these document versions (once each)."""
    return [Consent.objects.get_or_create(user=user, document=d)[0] for d in documents]


def personal_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Everything the platform holds about a person, as tables of plain values."""
    data: dict[str, list[dict[str, Any]]] = {}
    for module in _privacy_modules():
        data.update(module.personal_data(user))
    return data


def _archive(data: dict[str, list[dict[str, Any]]]) -> bytes:
    """A zip with ``data.json`` and one CSV per table; not password-protected."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for table, rows in data.items():
            if not rows:
                continue
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for k, v in row.items()}
                )
            archive.writestr(f"{table}.csv", out.getvalue())
    return buffer.getvalue()


def export_personal_data(user: User) -> tuple[bytes | None, DataExport | None]:
    """The archive now for ordinary accounts; a background job (and an email) for very large ones."""
    data = personal_data(user)
    if sum(len(rows) for rows in data.values()) <= INLINE_EXPORT_LIMIT:
        logger.info("Personal data downloaded by user %s", user.pk)
        return _archive(data), None
    from kurultai.accounts.tasks import build_data_export

    export = DataExport.objects.create(user=user)
    transaction.on_commit(lambda: build_data_export.enqueue(export.pk))
    return None, export


def build_export(export: DataExport) -> DataExport:
    """Produce the archive of a pending export and tell the person it is ready."""
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils import translation
    from django.utils.translation import gettext as _

    archive = _archive(personal_data(export.user))
    export.archive.save(f"kurultai-data-{export.user_id}-{timezone.now():%Y%m%d%H%M}.zip", ContentFile(archive))
    export.status, export.finished_at = DataExport.Status.READY, timezone.now()
    export.save(update_fields=["archive", "status", "finished_at"])
    with translation.override(export.user.preferred_language):
        send_mail(
            _("Your Kurultai data is ready"),
            _("Download it from your profile within 7 days: %(path)s") % {"path": reverse("accounts:profile")},
            None,
            [export.user.email],
        )
    return export


@transaction.atomic
def erase_account(user: User) -> None:
    """Erase a person: personal data goes, public contributions stay as "former member"."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    for module in _privacy_modules():
        module.erase(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    for export in user.data_exports.all():
        export.archive.delete(save=False)
    user.data_exports.all().delete()
    for session in DjangoSession.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
    user.email = f"erased-{user.pk}@invalid.invalid"
    user.display_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    record(None, "account.erased", user, {})
    logger.info("Account %s erased at the person's request", user.pk)
