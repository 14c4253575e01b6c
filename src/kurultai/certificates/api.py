"""Read API of certificates: check one by the code printed on it (as its public verification page does)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Router, Schema

from kurultai.api.common import ERRORS, MetaOut, absolute, license_meta
from kurultai.certificates.models import CODE_PATTERN, Certificate, normalise_code

router = Router(tags=["certificates"])


class CertificateOut(Schema):
    meta: MetaOut
    code: str
    status: str = Field(description="valid, revoked or expired")
    status_label: str
    valid: bool
    kind: str = Field(description="attendance or course")
    kind_label: str
    name: str = Field(description="The holder's name as printed on the certificate")
    title: str = Field(description="What it certifies")
    issuer: str
    issued_on: str
    valid_until: str | None
    revoked_at: str | None
    url: str = Field(description="Absolute link to the public verification page")


@router.get("/certificates/{code}", response={200: CertificateOut, **ERRORS}, summary="Verify a certificate")
def get_certificate(request, code: str = Path(..., pattern=f"^{CODE_PATTERN}$")) -> dict:
    """The certificate with this code: whether it is valid, revoked or expired, whose it is, what, when, by whom."""
    certificate = get_object_or_404(Certificate, code=normalise_code(code))
    return {
        "meta": license_meta(),
        "code": certificate.code,
        "status": certificate.status,
        "status_label": certificate.get_status_display(),
        "valid": certificate.is_valid,
        "kind": certificate.kind,
        "kind_label": certificate.get_kind_display(),
        "name": certificate.holder_name,
        "title": certificate.title,
        "issuer": certificate.issuer,
        "issued_on": certificate.issued_on.isoformat(),
        "valid_until": certificate.valid_until.isoformat() if certificate.valid_until else None,
        "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
        "url": absolute(certificate.get_absolute_url()),
    }
