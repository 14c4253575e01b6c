"""PDF documents shared by certificates, invitation letters and badges: one embedded font family that covers
Central Asian letters (DejaVu Sans, in ``fonts/``), QR codes, and the download response."""

from __future__ import annotations

import io
from importlib import resources

import segno
from django.conf import settings
from django.http import HttpResponse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from kurultai.certificates.models import Certificate
from kurultai.core.text import absolute_url

FONT = "DejaVu"
QR_SCALE = 8  # pixels per module in the embedded image: crisp in every viewer and printer


def font_path(bold: bool = False) -> str:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return str(resources.files("kurultai.certificates").joinpath("fonts", name))


class Document(FPDF):
    """An FPDF document with the embedded font registered as ``FONT`` (regular and bold) and set."""

    def __init__(self, orientation: str = "P", page_format: str | tuple[float, float] = "A4") -> None:
        super().__init__(orientation=orientation, unit="mm", format=page_format)
        self.add_font(FONT, "", font_path())
        self.add_font(FONT, "B", font_path(bold=True))
        self.set_font(FONT, size=11)
        self.set_creator(settings.SITE_NAME)
        self.set_auto_page_break(auto=False)

    def bytes(self) -> bytes:
        return bytes(self.output())


def qr_png(data: str, scale: int = QR_SCALE, border: int = 4) -> io.BytesIO:
    """A QR code as a black-and-white PNG (medium error correction)."""
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="png", scale=scale, border=border)
    buffer.seek(0)
    return buffer


def draw_qr(pdf: FPDF, data: str, x: float, y: float, size: float, link: str = "") -> None:
    """Place a square QR code of ``size`` mm at (x, y); clickable when ``link`` is given."""
    pdf.image(qr_png(data), x=x, y=y, w=size, h=size, link=link or "")


def pdf_response(content: bytes, filename: str, inline: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


def verification_url(certificate: Certificate) -> str:
    """The absolute address of the public verification page, in the certificate's language."""
    with translation.override(certificate.language or "en"):
        return absolute_url(certificate.get_absolute_url())


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate on one A4 landscape page, in the certificate's language, with the verification QR code."""
    url = verification_url(certificate)
    with translation.override(certificate.language or "en"):
        pdf = Document(orientation="L")
        pdf.set_title(f"{certificate.get_kind_display()} {certificate.code}")
        pdf.add_page()
        pdf.set_line_width(0.8)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_y(24)
        pdf.set_font(FONT, size=12)
        pdf.cell(0, 8, settings.SITE_NAME, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font(FONT, "B", 28)
        pdf.cell(0, 14, certificate.get_kind_display(), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.set_font(FONT, size=13)
        pdf.cell(0, 8, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font(FONT, "B", 24)
        pdf.multi_cell(0, 12, certificate.holder_name, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font(FONT, size=13)
        lead = _("took part in") if certificate.kind == Certificate.Kind.ATTENDANCE else _("has completed")
        pdf.cell(0, 8, lead, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "B", 16)
        pdf.set_x(30)
        pdf.multi_cell(pdf.w - 60, 9, certificate.title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font(FONT, size=12)
        lines = [
            _("Issued by: %(issuer)s") % {"issuer": certificate.issuer},
            _("Date: %(date)s") % {"date": formats.date_format(certificate.issued_on, "DATE_FORMAT")},
        ]
        if certificate.valid_until:
            lines.append(
                _("Valid until: %(date)s") % {"date": formats.date_format(certificate.valid_until, "DATE_FORMAT")}
            )
        for line in lines:
            pdf.set_x(30)
            pdf.multi_cell(pdf.w - 110, 7, line, new_x="LMARGIN", new_y="NEXT")
        size = 42
        qr_x, qr_y = pdf.w - 20 - size, pdf.h - 26 - size
        draw_qr(pdf, url, qr_x, qr_y, size, link=url)
        pdf.set_font(FONT, size=9)
        pdf.set_xy(30, pdf.h - 34)
        pdf.multi_cell(
            pdf.w - 60 - size,
            5,
            _("Code: %(code)s. Check it at %(url)s") % {"code": certificate.code, "url": url},
            new_x="LMARGIN",
            new_y="NEXT",
            link=url,
        )
        return pdf.bytes()
