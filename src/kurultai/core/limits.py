"""Limits on text people type: lengths and characters, the same on SQLite and PostgreSQL.

SQLite stores text of any length and any character; PostgreSQL refuses NUL in text and JSON and
over-long values in limited columns. Checking here, in forms and model validation, turns both into
an error message next to the field instead of a silent difference or a server error.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Per language, for translated fields that set no limit of their own.
LINE_MAX_LENGTH = 500  # titles, names: one line
TEXT_MAX_LENGTH = 50_000  # descriptions and other Markdown: about 25 printed pages

# C0 control characters other than tab, line feed and carriage return, and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def default_max_length(multiline: bool) -> int:
    """The limit of a translated text field that names none."""
    return TEXT_MAX_LENGTH if multiline else LINE_MAX_LENGTH


@deconstructible
class ProhibitControlCharacters:
    """Refuse NUL and other invisible control characters (PostgreSQL cannot even store NUL)."""

    message = _("The text contains invisible control characters; remove them and try again.")
    code = "control_characters"

    def __call__(self, value: Any) -> None:
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProhibitControlCharacters)

    def __hash__(self) -> int:
        return hash(self.code)


prohibit_control_characters = ProhibitControlCharacters()


def check_text(value: str, max_length: int, *, what: str | None = None) -> str:
    """``value`` unchanged, or a ValidationError when it is too long or holds control characters."""
    prohibit_control_characters(value)
    if len(value) > max_length:
        raise ValidationError(
            _("%(what)s may be at most %(limit)d characters long (it has %(length)d).")
            % {"what": what or _("The text"), "limit": max_length, "length": len(value)},
            code="max_length",
        )
    return value
