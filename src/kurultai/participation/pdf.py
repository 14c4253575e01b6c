"""Badges and invitation letters as PDF, with the certificates app's font and QR helpers."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from kurultai.certificates.pdf import FONT, Document, draw_qr
from kurultai.participation.models import InvitationLetter, Registration

BADGE_W, BADGE_H = 105.0, 148.5  # A6: four to an A4 sheet


def _badge(pdf: Document, registration: Registration, x: float, y: float) -> None:
    pdf.set_line_width(0.2)
    pdf.rect(x + 2, y + 2, BADGE_W - 4, BADGE_H - 4)
    forum = registration.call.forum
    pdf.set_font(FONT, size=9)
    pdf.set_xy(x + 8, y + 8)
    pdf.multi_cell(BADGE_W - 16, 5, str(forum.title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 18)
    pdf.set_xy(x + 8, y + 30)
    pdf.multi_cell(BADGE_W - 16, 9, registration.name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=11)
    pdf.set_x(x + 8)
    pdf.multi_cell(BADGE_W - 16, 6, registration.organisation_label or " ", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(x + 8)
    country = str(registration.country.name) if registration.country_id else ""
    line = " · ".join(p for p in (country, registration.get_format_display()) if p)
    pdf.multi_cell(BADGE_W - 16, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    size = 38
    draw_qr(pdf, registration.check_in_code, x + (BADGE_W - size) / 2, y + BADGE_H - size - 18, size)
    pdf.set_font(FONT, size=10)
    pdf.set_xy(x + 8, y + BADGE_H - 16)
    pdf.cell(BADGE_W - 16, 6, registration.check_in_code, align="C")


def badges_pdf(registrations: Iterable[Registration], sheet: bool = False) -> bytes:
    """One A6 badge per page, or (``sheet``) four badges per A4 page to print and cut."""
    registrations = list(registrations)
    pdf = Document(page_format="A4" if sheet else (BADGE_W, BADGE_H))
    pdf.set_title(_("Badges"))
    if not registrations:
        pdf.add_page()
        pdf.set_xy(15, 20)
        pdf.multi_cell(0, 8, _("No participant has a confirmed place yet."))
        return pdf.bytes()
    for index, registration in enumerate(registrations):
        if not sheet or index % 4 == 0:
            pdf.add_page()
        slot = index % 4 if sheet else 0
        _badge(pdf, registration, (slot % 2) * BADGE_W, (slot // 2) * BADGE_H)
    return pdf.bytes()


def letter_pdf(letter: InvitationLetter) -> bytes:
    """A letter of invitation for a visa application, in English (consulates read it) with the forum's facts."""
    registration = letter.registration
    call = registration.call
    forum = call.forum
    with translation.override("en"):
        pdf = Document()
        pdf.set_title(_("Letter of invitation"))
        pdf.add_page()
        pdf.set_margins(25, 25, 25)
        pdf.set_xy(25, 25)
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(0, 6, call.issuer_name(), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=11)
        pdf.multi_cell(0, 6, formats.date_format(letter.issued_at.date(), "DATE_FORMAT"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.set_font(FONT, "B", 14)
        pdf.multi_cell(0, 8, _("Letter of invitation"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font(FONT, size=11)
        place = ", ".join(p for p in (str(forum.city), str(forum.country.name) if forum.country_id else "") if p)
        dates = formats.date_format(forum.start_date, "DATE_FORMAT")
        if forum.end_date and forum.end_date != forum.start_date:
            dates += " – " + formats.date_format(forum.end_date, "DATE_FORMAT")
        nationality = str(letter.nationality.name) if letter.nationality_id else ""
        text = _(
            "To whom it may concern,\n\nWe are pleased to invite %(name)s, "
            "passport number %(passport)s%(nationality)s, to take part in person in %(forum)s, "
            "held in %(place)s on %(dates)s.\n\n"
            "%(name)s is registered as a participant%(organisation)s. This letter is issued to support the "
            "application for a visa. It does not commit the organisers to any costs beyond those agreed in writing.\n\n"
            "Yours faithfully,"
        ) % {
            "name": letter.passport_name,
            "passport": letter.passport_number,
            "nationality": f" ({nationality})" if nationality else "",
            "forum": str(forum.title),
            "place": place or settings.SITE_NAME,
            "dates": dates,
            "organisation": f" ({registration.organisation_label})" if registration.organisation_label else "",
        }
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(12)
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(0, 6, call.issuer_name(), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9)
        pdf.ln(6)
        pdf.multi_cell(0, 5, _("Reference: %(code)s") % {"code": registration.check_in_code}, new_x="LMARGIN")
        return pdf.bytes()
