"""Parse the text of an outcome document ("Main discussion points and recommendations").

The parser reads lines as people lay them out: session headings at any level or in bold,
"Session 2:" alone with the title on the next line, lists marked with ``-``, ``•``, ``*``,
numbers or letters, bullets broken across lines, blank lines or page breaks, stray
separators, page numbers, and the same in Russian ("Сессия 1", «Основные рекомендации»).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from django.utils.translation import gettext as _

from kurultai.forums.outcome.document import OutcomeDocument, OutcomeError, ParsedSession

PAGE_BREAK = "\f"

MAX_ITEM_LENGTH = 5000

_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}

SESSION_RE = re.compile(
    r"^(?:session|panel|working\s+group|сессия|секция|панель|рабочая\s+группа|sessiya)\s*"
    r"(?:№\s*)?(?P<number>\d{1,3}|[ivx]{1,4})\b\s*[:.)\-–—]*\s*(?P<title>.*)$",
    re.IGNORECASE,
)
DISCUSSION_RE = re.compile(
    r"^(?:(?:the\s+)?(?:main|key|major)\s+)?(?:points\s+of\s+(?:the\s+)?discussion|discussion\s+points|points\s+discussed"
    r"|discussion|issues\s+discussed)"
    r"|^(?:основные|ключевые|главные)?\s*(?:тезисы|моменты|вопросы|пункты|положения)\s+(?:обсуждения|дискуссии)"
    r"|^(?:основные|ключевые)\s+тезисы|^обсуждение|^тезисы\s+обсуждения$",
    re.IGNORECASE,
)
RECOMMENDATIONS_RE = re.compile(
    r"^(?:(?:the\s+)?(?:main|key|major)\s+)?recommendations(?:\s+made)?"
    r"|^(?:основные|ключевые|главные)?\s*рекомендации",
    re.IGNORECASE,
)
CONCLUSIONS_RE = re.compile(
    r"^(?:(?:final|main|key)\s+)?(?:conclusions?|concluding\s+remarks)"
    r"|^(?:основные\s+|заключительные\s+)?(?:выводы|заключение)",
    re.IGNORECASE,
)
BULLET_RE = re.compile(
    r"^(?:[-•*–—·▪◦●○■□➢►▶✓✔✗\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d]|\\checkmark"
    r"|\(?\d{1,3}[.)](?!\d)|\(?[a-zа-я][.)]|\(?(?:i{1,3}|iv|v|vi{0,3}|ix|x)\))(?:\s+|$)",
    re.IGNORECASE,
)
SEPARATOR_RE = re.compile(r"^[\s\-*_=~.•·–—]{3,}$")
PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–—]\s*)?(?:page|p\.|стр\.?|страница|бет)?\s*\d{1,4}(?:\s*(?:/|of|из)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
TERMINAL = tuple('.!?;:…»"”)')
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


class Section(Enum):
    PREAMBLE = "preamble"
    TITLE = "title"
    PURPOSE = "purpose"
    DISCUSSION = "discussion_points"
    RECOMMENDATIONS = "recommendations"
    CONCLUSIONS = "conclusions"
    OTHER = "other"


@dataclass
class Line:
    """One cleaned line and what its layout tells us."""

    text: str
    heading: bool = False
    bullet: bool = False
    indented: bool = False
    blank: bool = False


def clean(raw: str) -> Line:
    """Strip Markdown decoration and normalise spaces, remembering headings, bullets and indentation."""
    raw = CONTROL_RE.sub("", unicodedata.normalize("NFC", raw.replace("\t", "    ")))
    indented = raw.startswith("  ")
    text = SPACES_RE.sub(" ", raw).strip()
    if not text or SEPARATOR_RE.match(text) or PAGE_NUMBER_RE.match(text):
        return Line("", blank=True)
    heading = False
    if text.startswith("#"):
        stripped = text.lstrip("#")
        if not stripped or stripped[0] == " ":
            heading, text = True, stripped.strip()
    text = LINK_RE.sub(r"\1", text)
    if text.startswith(("**", "__")) and text.endswith(("**", "__")) and len(text) > 4:
        heading = True
    text = text.replace("**", "").replace("__", "")
    if len(text) > 2 and text[0] == text[-1] and text[0] in "_*" and text[1] != " ":
        text = text[1:-1]
    bullet = False
    while True:
        match = BULLET_RE.match(text)
        if not match or match.end() == 0:
            break
        bullet, text = True, text[match.end() :].strip()
    text = ESCAPE_RE.sub(r"\1", text).strip()
    if not text:
        return Line("", blank=True)
    return Line(text, heading=heading, bullet=bullet, indented=indented)


def _marker(text: str) -> Section | None:
    """The section a short heading line opens, if it is one."""
    label = text.strip().rstrip(":.：").strip()
    if len(label) > 60:
        return None
    for regex, section in (
        (RECOMMENDATIONS_RE, Section.RECOMMENDATIONS),
        (DISCUSSION_RE, Section.DISCUSSION),
        (CONCLUSIONS_RE, Section.CONCLUSIONS),
    ):
        match = regex.match(label)
        if match and match.end() == len(label):
            return section
    return None


def _session_header(line: Line) -> tuple[int, str] | None:
    """``(number, inline title)`` when the line opens a session."""
    match = SESSION_RE.match(line.text)
    if not match or line.bullet or len(line.text) > 300:
        return None
    raw_number = match.group("number").lower()
    number = int(raw_number) if raw_number.isdigit() else _ROMAN.get(raw_number)
    if not number:
        return None
    title = match.group("title").strip()
    # "Session 1 was opened by …" is prose, not a heading.
    if title and not line.heading and not _looks_like_title(title):
        return None
    return number, title.rstrip(":").strip()


def is_structural(raw: str) -> bool:
    """True for lines that carry the document's structure: bullets, session headings, section headings."""
    line = clean(raw)
    return line.bullet or _session_header(line) is not None or _marker(line.text) is not None


def _looks_like_title(text: str) -> bool:
    return len(text) <= 200 and not text.endswith((".", ";"))


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


class _Builder:
    """Collects items of the current section, deciding whether a line starts or continues one."""

    def __init__(self) -> None:
        self.doc = OutcomeDocument()
        self.session: ParsedSession | None = None
        self.section = Section.PREAMBLE
        self.items: list[str] | None = None
        self.current_from_bullet = False
        self.after_gap = False
        self.purpose: list[str] = []

    def start_session(self, number: int, title: str) -> None:
        self.finish_purpose()
        if any(s.number == number for s in self.doc.sessions):
            raise OutcomeError(_("Session %(number)d appears twice in the document.") % {"number": number})
        self.session = ParsedSession(number=number, title=title)
        self.doc.sessions.append(self.session)
        self.section = Section.PURPOSE if title else Section.TITLE
        self.items = None
        self.purpose = []

    def open_section(self, section: Section) -> None:
        self.finish_purpose()
        self.section = section
        if section == Section.CONCLUSIONS:
            self.items = self.doc.conclusions
            self.session = None
        elif self.session is None:
            self.items = None
            self.section = Section.OTHER
        else:
            self.items = getattr(self.session, section.value)
        self.current_from_bullet = False
        self.after_gap = False

    def finish_purpose(self) -> None:
        if self.session is not None and self.purpose:
            self.session.purpose = " ".join(self.purpose)
        self.purpose = []

    def gap(self) -> None:
        self.after_gap = True

    def add(self, line: Line) -> None:
        if self.section == Section.TITLE and self.session is not None:
            if self.session.title and (line.heading or self.after_gap or not line.text[:1].islower()):
                self.section = Section.PURPOSE
            else:
                self.session.title = f"{self.session.title} {line.text}".strip()
                self.after_gap = False
                return
        if self.section == Section.PURPOSE:
            self.purpose.append(line.text)
        elif self.items is not None:
            self._add_item(line)
        self.after_gap = False

    def _add_item(self, line: Line) -> None:
        items = self.items
        assert items is not None
        if line.heading and not line.bullet:
            # A sub-heading inside a list closes the current item and is not an item itself.
            self.current_from_bullet = False
            items.append("")
            return
        if line.bullet or not items or items[-1] == "":
            if items and items[-1] == "":
                items.pop()
            items.append(line.text)
            self.current_from_bullet = line.bullet
            return
        previous = items[-1]
        continues = (
            not self.after_gap
            or line.indented
            or line.text[:1].islower()
            or not _ends_sentence(previous)
            or self.current_from_bullet
        )
        if continues:
            items[-1] = f"{previous} {line.text}"
        else:
            items.append(line.text)

    def result(self) -> OutcomeDocument:
        self.finish_purpose()
        for session in self.doc.sessions:
            session.discussion_points = [p for p in session.discussion_points if p]
            session.recommendations = [r for r in session.recommendations if r]
        self.doc.conclusions[:] = [c for c in self.doc.conclusions if c]
        return self.doc


def parse_lines(raw_lines: list[str]) -> OutcomeDocument:
    """Turn the lines of a document into sessions, points, recommendations and conclusions."""
    builder = _Builder()
    for raw in raw_lines:
        if raw == PAGE_BREAK:
            builder.gap()
            continue
        line = clean(raw)
        if line.blank:
            builder.gap()
            continue
        header = _session_header(line)
        if header:
            builder.start_session(*header)
            continue
        section = _marker(line.text) if (line.heading or not line.bullet) else None
        if section and (line.heading or len(line.text) <= 60):
            builder.open_section(section)
            continue
        builder.add(line)
    doc = builder.result()
    validate(doc)
    return doc


def validate(doc: OutcomeDocument) -> None:
    """Refuse documents that hold nothing to import, or items no person would write."""
    if not doc.sessions:
        raise OutcomeError(
            _("No session was found. Sessions must start with a heading such as “Session 1” or “Сессия 1”.")
        )
    for session in doc.sessions:
        if not session.title:
            raise OutcomeError(_("Session %(number)d has no title.") % {"number": session.number})
        if not session.discussion_points and not session.recommendations:
            raise OutcomeError(
                _(
                    "Session %(number)d has neither discussion points nor recommendations. "
                    "Check the “Main discussion points” and “Main recommendations” headings."
                )
                % {"number": session.number}
            )
        for item in [session.title, session.purpose, *session.discussion_points, *session.recommendations]:
            if len(item) > MAX_ITEM_LENGTH:
                raise OutcomeError(
                    _(
                        "Session %(number)d has an item longer than %(limit)d characters; "
                        "two bullets may have run together."
                    )
                    % {"number": session.number, "limit": MAX_ITEM_LENGTH}
                )


def parse_text(text: str) -> OutcomeDocument:
    """Parse a whole text (Markdown or plain); form feeds are page breaks."""
    lines: list[str] = []
    for page_number, page in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f")):
        if page_number:
            lines.append(PAGE_BREAK)
        lines.extend(page.split("\n"))
    return parse_lines(lines)
