"""Certificates: issue and revoke, the PDF with its font and QR code, the public check page, the holder's page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import segno
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kurultai.certificates import services
from kurultai.certificates.models import Certificate
from kurultai.certificates.pdf import certificate_pdf, verification_url
from kurultai.core.models import AuditEntry
from tests.certificates.factories import CertificateFactory
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CENTRAL_ASIAN_NAME = "Әғқңөұүһі Ҳҷӣӯ Äçňöşüýž Oʻgʻ"


def qr_matrix_from_pdf(content: bytes) -> list[list[bool]]:
    """The QR image embedded in the PDF, read back module by module (dark = True)."""
    from kurultai.certificates.pdf import QR_SCALE

    page = PdfReader(io.BytesIO(content)).pages[0]
    images = list(page.images)
    assert images, "the PDF has no QR image"
    image = images[0].image.convert("L")
    size = image.width // QR_SCALE
    return [
        [image.getpixel((x * QR_SCALE + QR_SCALE // 2, y * QR_SCALE + QR_SCALE // 2)) < 128 for x in range(size)]
        for y in range(size)
    ]


def segno_matrix(url: str) -> list[list[bool]]:
    qr = segno.make(url, error="m", micro=False)
    return [[bool(v) for v in row] for row in qr.matrix_iter(border=4)]


def test_issue_is_audited_and_idempotent_per_source():
    holder = UserFactory()
    source = UserFactory()  # any record can be the source
    first = services.issue(kind="attendance", holder=holder, title="Forum", issuer="Org", source=source)
    again = services.issue(kind="attendance", holder=holder, title="Forum", issuer="Org", source=source)
    assert first.pk == again.pk
    assert first.source_type == "accounts.user" and first.source_id == str(source.pk)
    assert len(first.code) == 14 and first.status == "valid"
    assert AuditEntry.objects.filter(action="certificates.issued", object_id=str(first.pk)).count() == 1


def test_issue_refuses_bad_input():
    with pytest.raises(ValidationError):
        services.issue(kind="diploma", holder=UserFactory(), title="x", issuer="y")
    with pytest.raises(ValidationError):
        services.issue(kind="course", holder=UserFactory(), title=" ", issuer="y")


def test_pdf_embeds_a_font_with_every_central_asian_letter_and_the_verification_qr():
    certificate = CertificateFactory(holder_name=CENTRAL_ASIAN_NAME, title="Форум «Қазақстан» 2027")
    content = certificate_pdf(certificate)
    reader = PdfReader(io.BytesIO(content))
    text = reader.pages[0].extract_text()
    assert CENTRAL_ASIAN_NAME in text
    assert "Қазақстан" in text
    url = verification_url(certificate)
    assert url.endswith(f"/en/certificates/{certificate.code}/")
    assert url in text.replace("\n", "")
    fonts = [font.get_object()["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()]
    assert all("DejaVu" in name for name in fonts)
    assert qr_matrix_from_pdf(content) == segno_matrix(url)


def test_verification_page_says_valid_revoked_or_expired(client):
    certificate = CertificateFactory(holder_name="Айгүл Сейітова")
    page = client.get(certificate.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Valid" in html and "Айгүл Сейітова" in html and "noindex" in html
    assert page["X-Robots-Tag"] == "noindex"

    services.revoke(certificate, reason="Issued by mistake", actor=None)
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Revoked" in html and "Issued by mistake" in html

    expired = CertificateFactory(valid_until=timezone.localdate() - dt.timedelta(days=1), issued_on=dt.date(2020, 1, 1))
    assert "Expired" in client.get(expired.get_absolute_url()).content.decode()

    assert client.get("/en/certificates/NOPE-NOPE-NOPE/").status_code == 404
    assert client.get("/ru/certificates/" + certificate.code.lower() + "/").status_code == 200


def test_lookup_by_code(client):
    certificate = CertificateFactory()
    response = client.get(reverse("certificates:lookup"), {"code": certificate.code.lower()})
    assert response.status_code == 302 and response["Location"] == certificate.get_absolute_url()
    response = client.get(reverse("certificates:lookup"), {"code": "ABCD-EFGH-JKMN"})
    assert "No certificate has this code" in response.content.decode()


def test_revoke_needs_a_reason():
    with pytest.raises(ValidationError):
        services.revoke(CertificateFactory(), reason=" ")


def test_only_the_holder_downloads_and_renames(client):
    certificate = CertificateFactory()
    stranger = UserFactory()
    client.login(email=stranger.email, password=PASSWORD)
    assert client.get(certificate.pdf_url()).status_code == 403
    assert client.post(reverse("certificates:rename", args=[certificate.code]), {"holder_name": "X"}).status_code == 403

    client.login(email=certificate.holder.email, password=PASSWORD)
    response = client.get(certificate.pdf_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    mine = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.title in mine
    response = client.post(
        reverse("certificates:rename", args=[certificate.code]), {"holder_name": "  Aygul   Seitova "}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.holder_name == "Aygul Seitova"
    assert AuditEntry.objects.filter(action="certificates.renamed").exists()
    response = client.post(reverse("certificates:rename", args=[certificate.code]), {"holder_name": ""})
    assert response.status_code == 200 and "errorlist" in response.content.decode()


def test_erasing_the_account_erases_its_certificates():
    from kurultai.certificates.privacy import DECLARATIONS

    certificate = CertificateFactory()
    (declaration,) = DECLARATIONS
    assert declaration.rows(certificate.holder)[0]["code"] == certificate.code
    declaration.apply_erasure(certificate.holder)
    assert not Certificate.objects.filter(pk=certificate.pk).exists()
