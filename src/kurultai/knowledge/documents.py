"""Good practices as Word documents: the export of a version, and the template contributors fill in offline and
upload to start a draft.

The template is a table with one row per part of a practice: the first column holds the label and, in square
brackets, the part's stable code (``Title [title]``); the second column is filled in. A second table lists building
blocks (title, description, enabling factors). Reading accepts any language of the labels, since the codes decide.
"""

from __future__ import annotations

import io
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kurultai.core.models import Country, Theme

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_UPLOAD = 5 * 1024 * 1024
CODE = re.compile(r"\[([a-z_]+)\]\s*$")
MARK = "kurultai-good-practice-template"

# code, label, required
FIELDS: list[tuple[str, Any, bool]] = [
    ("title", gettext_lazy("Title"), True),
    ("summary", gettext_lazy("Summary"), True),
    ("challenge", gettext_lazy("Challenge"), True),
    ("solution", gettext_lazy("Solution"), True),
    ("impact", gettext_lazy("Impact"), False),
    ("lessons", gettext_lazy("Lessons learned"), False),
    ("cost_amount", gettext_lazy("Cost (a number)"), False),
    ("cost_currency", gettext_lazy("Currency (three letters, e.g. KZT)"), False),
    ("cost_text", gettext_lazy("About the cost"), False),
    ("country", gettext_lazy("Country (two-letter code, e.g. KZ)"), False),
    ("region", gettext_lazy("Region or place"), False),
    ("latitude", gettext_lazy("Latitude (optional)"), False),
    ("longitude", gettext_lazy("Longitude (optional)"), False),
    ("themes", gettext_lazy("Themes (codes separated by commas)"), False),
]
BLOCK_CODES = ("block_title", "block_description", "block_factors")


def _document() -> Any:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    return document


def template_docx() -> bytes:
    """The offline template in the reader's language, with the theme codes to choose from."""
    document = _document()
    document.add_heading(_("Good practice: offline template"), level=1)
    document.core_properties.subject = MARK
    document.add_paragraph(
        _(
            "Fill in the right-hand column of each table and upload this file on the hub. Do not change the codes in "
            "square brackets. Rows marked * are required."
        )
    )
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for code, label, required in FIELDS:
        cells = table.add_row().cells
        cells[0].text = f"{label}{' *' if required else ''} [{code}]"
        cells[1].text = ""
    document.add_heading(_("Building blocks"), level=2)
    blocks = document.add_table(rows=1, cols=3)
    blocks.style = "Table Grid"
    labels = (_("Title"), _("Description"), _("Enabling factors"))
    for cell, label, code in zip(blocks.rows[0].cells, labels, BLOCK_CODES, strict=True):
        cell.text = f"{label} [{code}]"
    for _row in range(3):
        blocks.add_row()
    document.add_heading(_("Theme codes"), level=2)
    for theme in Theme.objects.all():
        document.add_paragraph(f"{theme.slug}: {theme.name}", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cell_text(cell: Any) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()


def read_template(upload: Any) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The values and building blocks of a filled-in template; a ValidationError lists what is missing or wrong."""
    if upload is None:
        raise ValidationError(_("Choose the filled-in template."))
    if upload.size > MAX_UPLOAD:
        raise ValidationError(_("The file may be at most 5 MB."))
    head = upload.read(4)
    upload.seek(0)
    if head != b"PK\x03\x04":
        raise ValidationError(_("This is not a DOCX file; download the template, fill it in and upload it."))
    from docx import Document

    try:
        document = Document(io.BytesIO(upload.read()))
    except Exception:  # python-docx raises many kinds (bad zip, missing parts, XML errors)
        raise ValidationError(_("The DOCX file could not be read; is it damaged?")) from None
    found: dict[str, str] = {}
    blocks: list[dict[str, str]] = []
    for table in document.tables[:10]:
        rows = list(table.rows)[:200]
        if not rows:
            continue
        header = [CODE.search(_cell_text(c)) for c in rows[0].cells]
        codes = [m.group(1) if m else "" for m in header]
        if codes[:3] == list(BLOCK_CODES):
            for row in rows[1:50]:
                values = [_cell_text(c) for c in row.cells[:3]]
                if values and values[0]:
                    blocks.append(dict(zip(("title", "description", "enabling_factors"), values, strict=False)))
            continue
        for row in rows:
            cells = row.cells
            if len(cells) < 2:
                continue
            match = CODE.search(_cell_text(cells[0]))
            if match:
                found[match.group(1)] = _cell_text(cells[1])
    known = {code for code, _label, _required in FIELDS}
    if not (known & set(found)):
        raise ValidationError(
            _("This document is not the good practice template: none of its parts were found. Missing: %(missing)s.")
            % {"missing": ", ".join(str(label) for _code, label, _req in FIELDS)}
        )
    missing = [str(label) for code, label, required in FIELDS if required and not found.get(code)]
    if missing:
        raise ValidationError(
            _("The template is missing required parts: %(missing)s. Fill them in and upload it again.")
            % {"missing": ", ".join(missing)}
        )
    values: dict[str, Any] = {code: found[code] for code in known & set(found) if code not in ("country", "themes")}
    problems = []
    country_code = found.get("country", "").strip().upper()
    if country_code:
        country = Country.objects.filter(code=country_code[:2]).first()
        if country is None:
            problems.append(_("unknown country code “%(code)s”") % {"code": country_code[:10]})
        values["country"] = country
    slugs = [s.strip().lower() for s in re.split(r"[,;\n]", found.get("themes", "")) if s.strip()]
    themes = list(Theme.objects.filter(slug__in=slugs[:30]))
    unknown = sorted(set(slugs) - {t.slug for t in themes})
    if unknown:
        problems.append(_("unknown theme codes: %(codes)s") % {"codes": ", ".join(u[:40] for u in unknown[:10])})
    values["themes"] = themes
    if problems:
        raise ValidationError(_("Please correct the template: %(problems)s.") % {"problems": "; ".join(problems)})
    return values, blocks


def version_docx(version: Any) -> bytes:
    """One version of a practice as a Word document (texts in the reader's language, with fallback)."""
    document = _document()
    document.add_heading(str(version.title), level=1)
    facts = []
    if version.country_id:
        facts.append(str(version.country) + (f", {version.region}" if version.region else ""))
    facts.append(_("Version %(number)s") % {"number": version.number})
    if version.published_at:
        facts.append(version.published_at.date().isoformat())
    document.add_paragraph(" · ".join(facts))
    if version.practice.is_demo:
        document.add_paragraph(_("Demo content: this practice is fictional."))
    sections = [
        (_("Summary"), version.summary),
        (_("Challenge"), version.challenge),
        (_("Solution"), version.solution),
        (_("Impact"), version.impact),
        (_("Lessons learned"), version.lessons),
    ]
    for heading, text in sections:
        if str(text):
            document.add_heading(str(heading), level=2)
            for paragraph in str(text).split("\n\n"):
                document.add_paragraph(paragraph.strip())
    blocks = list(version.building_blocks.all())
    if blocks:
        document.add_heading(_("Building blocks"), level=2)
        for block in blocks:
            document.add_heading(str(block.title), level=3)
            if str(block.description):
                document.add_paragraph(str(block.description))
            if str(block.enabling_factors):
                document.add_paragraph(_("Enabling factors: %(text)s") % {"text": block.enabling_factors})
    if version.cost_amount is not None or str(version.cost_text):
        document.add_heading(_("Cost"), level=2)
        if version.cost_amount is not None:
            document.add_paragraph(f"{version.cost_amount:,.2f} {version.cost_currency}".strip())
        if str(version.cost_text):
            document.add_paragraph(str(version.cost_text))
    themes = [str(t) for t in version.themes.all()]
    if themes:
        document.add_paragraph(_("Themes: %(themes)s") % {"themes": ", ".join(themes)})
    organisations = [str(o.name) for o in version.organisations.all()]
    if organisations:
        document.add_paragraph(_("Organisations: %(names)s") % {"names": ", ".join(organisations)})
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
