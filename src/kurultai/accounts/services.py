"""State changes of accounts: consent, profile, "download my data" and erasure."""

from __future__ import annotations

import csv
import io
import json
import logging
import zipfile
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session as DjangoSession
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from kurultai.accounts.audit import AccountAction
from kurultai.accounts.models import Consent, DataExport, LegalDocument, User
from kurultai.core import privacy
from kurultai.core.audit import record
from kurultai.core.csvsafe import safe_cell
from kurultai.core.text import absolute_url
from kurultai.core.uploads import generated_basename

logger = logging.getLogger(__name__)

INLINE_EXPORT_LIMIT = int(getattr(settings, "KURULTAI_EXPORT_INLINE_LIMIT", 2000))


@transaction.atomic
def record_consent(user: User, documents: Iterable[LegalDocument]) -> list[Consent]:
    """Record that the person accepted these document versions (once each; accepting twice changes nothing).

    Side effects: an audit entry per new acceptance.
    """
    consents = []
    for document in documents:
        consent, created = Consent.objects.get_or_create(user=user, document=document)
        if created:
            record(user, AccountAction.CONSENTED, consent, {"document": document.pk})
        consents.append(consent)
    return consents


PROFILE_FIELDS = ("display_name", "preferred_language", "email_digest")


@transaction.atomic
def update_profile(user: User, **values: Any) -> User:
    """Change the person's own public name, language and email frequency. Side effects: an audit entry."""
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    stored = User.objects.select_for_update().get(pk=user.pk)
    changed = [name for name, value in values.items() if getattr(stored, name) != value]
    for name, value in values.items():
        setattr(user, name, value)
    user.full_clean(exclude=[f.name for f in User._meta.fields if f.name not in PROFILE_FIELDS])
    if changed:
        user.save(update_fields=changed)
    record(user, AccountAction.PROFILE_CHANGED, user, {"fields": changed})
    return user


def personal_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Everything the platform holds about a person, as tables of plain values (every app's privacy.py)."""
    return privacy.personal_data(user)


def _cell(value: Any) -> Any:
    """One spreadsheet cell: translated text as "en: …; ru: …", lists joined, nothing nested."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return ", ".join(str(_cell(v)) for v in value)
    return value


def _archive(data: dict[str, list[dict[str, Any]]]) -> bytes:
    """A zip with ``data.json`` and one CSV per table (UTF-8 with BOM, readable columns); not password-protected."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for table, rows in data.items():
            if not rows:
                continue
            out = io.StringIO()
            out.write("\ufeff")  # spreadsheet programs then read Cyrillic correctly
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                writer.writerow({k: safe_cell(_cell(v)) for k, v in row.items()})
            archive.writestr(f"{table}.csv", out.getvalue())
    return buffer.getvalue()


def export_personal_data(user: User) -> tuple[bytes | None, DataExport | None]:
    """The archive now for ordinary accounts; a background job (and an email) for very large ones."""
    data = personal_data(user)
    if sum(len(rows) for rows in data.values()) <= INLINE_EXPORT_LIMIT:
        logger.info("Personal data downloaded by user %s", user.pk)
        record(user, AccountAction.DATA_EXPORTED, user)
        return _archive(data), None
    from kurultai.accounts.tasks import build_data_export

    export = DataExport.objects.create(user=user)
    record(user, AccountAction.DATA_EXPORT_REQUESTED, export)
    transaction.on_commit(lambda: build_data_export.enqueue(export.pk))
    return None, export


def build_export(export: DataExport) -> DataExport:
    """Produce the archive of a pending export and tell the person it is ready."""
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils import translation
    from django.utils.translation import gettext as _

    archive = _archive(personal_data(export.user))
    export.archive.save(generated_basename("application/zip"), ContentFile(archive))
    export.status, export.finished_at = DataExport.Status.READY, timezone.now()
    export.save(update_fields=["archive", "status", "finished_at"])
    with translation.override(export.user.preferred_language):
        send_mail(
            _("Your Kurultai data is ready"),
            _("Download it from your profile within 7 days: %(path)s")
            % {"path": absolute_url(reverse("accounts:profile"))},
            None,
            [export.user.email],
        )
    return export


@transaction.atomic
def erase_account(user: User) -> None:
    """Erase a person: personal data goes, public contributions stay as "former member"."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    privacy.erase(user)
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
    record(None, AccountAction.ERASED, user)
    logger.info("Account %s erased at the person's request", user.pk)
