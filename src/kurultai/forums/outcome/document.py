"""The structure of an outcome document, independent of file format and database."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class OutcomeError(ValueError):
    """A document that cannot be read or holds no recognisable outcome; the message is for the user."""


@dataclass
class ParsedSession:
    """One session of an outcome document."""

    number: int
    title: str = ""
    purpose: str = ""
    discussion_points: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)


@dataclass
class OutcomeDocument:
    """Sessions with their points and recommendations, then forum-level conclusions."""

    sessions: list[ParsedSession] = field(default_factory=list)
    conclusions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape printed by ``import_outcome --dry-run``."""
        return {"sessions": [asdict(s) for s in self.sessions], "conclusions": list(self.conclusions)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OutcomeDocument:
        """Rebuild a document from :meth:`to_dict` output (e.g. a signed preview payload)."""
        sessions = [
            ParsedSession(
                number=int(s["number"]),
                title=str(s.get("title", "")),
                purpose=str(s.get("purpose", "")),
                discussion_points=[str(p) for p in s.get("discussion_points", [])],
                recommendations=[str(r) for r in s.get("recommendations", [])],
            )
            for s in data.get("sessions", [])
        ]
        return cls(sessions=sessions, conclusions=[str(c) for c in data.get("conclusions", [])])

    @property
    def text(self) -> str:
        """All the document's words, for language detection."""
        parts = [*self.conclusions]
        for s in self.sessions:
            parts += [s.title, s.purpose, *s.discussion_points, *s.recommendations]
        return " ".join(parts)
