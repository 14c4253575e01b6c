"""Every change to certificates: issue, revoke, and the holder's choice of how their name is printed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kurultai.certificates.audit import CertificateAction
from kurultai.certificates.models import Certificate
from kurultai.core import audit


def issue(
    *,
    kind: str,
    holder: Any,
    title: str,
    issuer: str,
    holder_name: str = "",
    source: models.Model | None = None,
    issued_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    language: str = "",
    actor: Any = None,
) -> Certificate:
    """Issue a certificate, or return the one already current for the same holder and source (idempotent).

    Side effects: writes the certificate and an audit entry.
    """
    if kind not in Certificate.Kind.values:
        raise ValidationError(_("Unknown kind of certificate."))
    name = (holder_name or holder.get_full_name() or holder.get_username()).strip()[:200]
    if not title.strip() or not issuer.strip() or not name:
        raise ValidationError(_("A certificate needs a name, a title and an issuer."))
    if valid_until and valid_until < (issued_on or timezone.localdate()):
        raise ValidationError(_("A certificate cannot expire before it is issued."))
    source_type = source._meta.label_lower if source is not None else ""
    source_id = str(source.pk) if source is not None else ""
    if source is not None:
        found = Certificate.objects.current().filter(source_type=source_type, source_id=source_id, holder=holder)
        if existing := found.first():
            return existing
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                kind=kind,
                holder=holder,
                holder_name=name,
                title=title.strip()[:300],
                issuer=issuer.strip()[:300],
                issued_on=issued_on or timezone.localdate(),
                valid_until=valid_until,
                language=language or getattr(holder, "preferred_language", "") or translation.get_language() or "en",
                source_type=source_type,
                source_id=source_id,
            )
            audit.record(actor, CertificateAction.ISSUED, certificate, {"kind": kind, "holder": holder.pk})
    except IntegrityError:
        # Issued at the same moment by another request: that one stands.
        return Certificate.objects.current().get(source_type=source_type, source_id=source_id, holder=holder)
    return certificate


def revoke(certificate: Certificate, *, reason: str, actor: Any = None) -> Certificate:
    """Revoke with a reason; the verification page then says "revoked". Revoking twice changes nothing.

    Side effects: writes ``revoked_at``/``revoke_reason`` and an audit entry.
    """
    if not reason.strip():
        raise ValidationError(_("Give a reason for revoking the certificate."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoke_reason = reason.strip()[:300]
            locked.save(update_fields=["revoked_at", "revoke_reason"])
            audit.record(actor, CertificateAction.REVOKED, locked)
    return locked


def revoke_for_source(source: models.Model, *, reason: str, actor: Any = None) -> int:
    """Revoke every current certificate issued for a record (e.g. an attendance found to be wrong)."""
    count = 0
    for certificate in Certificate.objects.current().for_source(source):
        revoke(certificate, reason=reason, actor=actor)
        count += 1
    return count


def rename(certificate: Certificate, *, holder_name: str, actor: Any) -> Certificate:
    """The holder chooses how their name is written (e.g. Cyrillic or Latin); the PDF follows at once.

    Side effects: writes ``holder_name`` and an audit entry (ids only).
    """
    name = " ".join(holder_name.split())
    if not name:
        raise ValidationError({"holder_name": _("Write your name as it should appear.")})
    if len(name) > 200:
        raise ValidationError({"holder_name": _("The name is too long (200 characters at most).")})
    if certificate.revoked_at:
        raise ValidationError(_("This certificate was revoked."))
    Certificate.objects.filter(pk=certificate.pk).update(holder_name=name)
    certificate.holder_name = name
    audit.record(actor, CertificateAction.RENAMED, certificate)
    return certificate
