"""Random, truncated and garbled documents never crash the parser and never leave a partial forum."""

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kurultai.forums.models import Session
from kurultai.forums.outcome.document import OutcomeError
from kurultai.forums.outcome.parser import parse_text
from kurultai.forums.outcome.readers import parse_document
from kurultai.forums.services import import_outcome
from tests.factories import ForumFactory

SEED_TEXT = (Path(__file__).parent / "outcome_docs" / "csf-2021-almaty-outcome.md").read_text()

FRAGMENTS = [
    "Session 1",
    "## Session 2:",
    "**Session 3**",
    "Сессия 4",
    "Session IV",
    "Main discussion points:",
    "Main recommendations",
    "**Main recommendations:**",
    "Основные рекомендации",
    "Conclusions:",
    "Выводы",
    "- A bullet point.",
    "• Пункт списка.",
    "1) Numbered.",
    "a) Lettered.",
    "and a continuation.",
    "---",
    "Page 3 of 9",
    "12",
    "",
    "",
    "\f",
    "# Heading",
    "A plain paragraph that ends.",
    "lowercase going on",
    "\\checkmark Climate",
    "   indented text",
    "**",
    "#",
    "- ",
    "(",
    "Session 0",
    "Session 999999",
]
lines = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80)), max_size=60)


def check(doc) -> None:
    assert doc.sessions
    for session in doc.sessions:
        assert session.title
        assert session.discussion_points or session.recommendations
        assert all(item.strip() for item in session.discussion_points + session.recommendations)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_random_documents_parse_or_fail_cleanly(parts):
    with contextlib.suppress(OutcomeError):
        check(parse_text("\n".join(parts)))


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_TEXT)), st.integers(min_value=0, max_value=len(SEED_TEXT)))
def test_truncated_and_cut_reports_parse_or_fail_cleanly(start, end):
    with contextlib.suppress(OutcomeError):
        check(parse_text(SEED_TEXT[min(start, end) : max(start, end)]))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from(["x.md", "x.txt", "x.pdf", "x.docx", "x"]))
def test_random_bytes_never_crash_the_readers(data, name):
    for payload in (data, b"%PDF-1.4\n" + data, b"PK\x03\x04" + data):
        with contextlib.suppress(OutcomeError):
            parse_document(name, payload)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines)
def test_import_writes_the_whole_document_or_nothing(parts):
    forum = ForumFactory()
    try:
        doc = parse_text("\n".join(parts))
    except OutcomeError:
        assert not Session.objects.filter(forum=forum).exists()
        return
    import_outcome(forum, doc, "en")
    stored = {
        s.number: (
            s.title["en"],
            [p.text["en"] for p in s.discussion_points.all()],
            [r.text["en"] for r in s.recommendations.order_by("position")],
        )
        for s in forum.sessions.all()
    }
    assert stored == {s.number: (s.title, s.discussion_points, s.recommendations) for s in doc.sessions}
    assert [c.text["en"] for c in forum.conclusions.all()] == doc.conclusions
