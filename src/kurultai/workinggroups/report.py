"""The public report of an adopted plan as a Word document (python-docx)."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document


def _value(number: Any) -> str:
    return "—" if number is None else f"{number.normalize():f}"


def report_docx(group: Any, plan: Any, adopted: dict[str, Any]) -> bytes:
    doc = Document()
    doc.add_heading(str(adopted["title"]), level=0)
    version = adopted["version"]
    doc.add_paragraph(
        _("%(group)s · version %(number)s adopted on %(date)s · report of %(today)s")
        % {"group": group, "number": version.number, "date": version.adopted_on.isoformat(),
           "today": timezone.localdate().isoformat()}
    )  # fmt: skip
    if str(adopted["summary"]):
        doc.add_paragraph(str(adopted["summary"]))
    for item in adopted["actions"]:
        doc.add_heading(f"{item['position']}. {item['title']}", level=1)
        tracking = item["tracking"]
        status = tracking.status_label if tracking else _("No information")
        lines = [
            _("Status: %(status)s") % {"status": status},
            _("Owners: %(owners)s") % {"owners": ", ".join(o["name"] for o in item["owners"]) or "—"},
            _("Answers: %(refs)s") % {"refs": ", ".join(r["reference"] for r in item["recommendations"]) or "—"},
            _("Timeline: %(start)s – %(due)s") % {"start": item["starts_on"] or "—", "due": item["due_on"] or "—"},
        ]
        if item["budget_amount"] is not None:
            lines.append(
                _("Budget estimate: %(amount)s %(currency)s")
                % {"amount": _value(item["budget_amount"]), "currency": item["budget_currency"]}
            )
        for line in lines:
            doc.add_paragraph(line)
        if item["indicators"]:
            table = doc.add_table(rows=1, cols=5)
            table.style = "Table Grid"
            for cell, label in zip(
                table.rows[0].cells, (_("Indicator"), _("Unit"), _("Baseline"), _("Target"), _("Actual")), strict=True
            ):
                cell.text = str(label)
            for row in item["indicators"]:
                cells = table.add_row().cells
                for cell, value in zip(
                    cells,
                    (str(row["name"]), row["unit"], _value(row["baseline"]), _value(row["target"]),
                     _value(row["actual"])),
                    strict=True,
                ):  # fmt: skip
                    cell.text = value
        if tracking and tracking.last_update:
            doc.add_paragraph(
                _("Latest update (%(date)s): %(text)s")
                % {"date": tracking.last_update.reported_on.isoformat(), "text": tracking.last_update.text}
            )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
