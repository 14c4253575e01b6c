"""CSV files the site produces, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by spreadsheet
programs as a formula (``=HYPERLINK(…)`` can leak data or run commands), so such text cells get a
leading apostrophe, which spreadsheets show as plain text. Numbers are left as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` unchanged, unless it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """Every cell of a row made safe (see ``safe_cell``)."""
    return {key: safe_cell(value) for key, value in row.items()}


class SafeDictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose rows are made safe before they are written."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow(safe_row(rowdict))

    def writerows(self, rowdicts: Any) -> None:
        for row in rowdicts:
            self.writerow(row)
