"""The outcome-document parser on the real 2021 report and on documents in other layouts and languages."""

from pathlib import Path

import pytest

from kurultai.forums.outcome.document import OutcomeError
from kurultai.forums.outcome.parser import parse_text
from kurultai.forums.outcome.readers import parse_document

DOCS = Path(__file__).parent / "outcome_docs"
SEED = DOCS / "csf-2021-almaty-outcome.md"


def shape(doc) -> list[tuple[int, int, int]]:
    return [(s.number, len(s.discussion_points), len(s.recommendations)) for s in doc.sessions]


@pytest.fixture(scope="module")
def seed_doc():
    return parse_document(SEED.name, SEED.read_bytes())


def test_seed_report_has_four_sessions_with_exact_counts(seed_doc):
    assert shape(seed_doc) == [(1, 5, 4), (2, 8, 6), (3, 5, 6), (4, 10, 7)]
    assert len(seed_doc.conclusions) == 1


def test_seed_titles_and_purposes(seed_doc):
    titles = [s.title for s in seed_doc.sessions]
    assert titles == [
        "Taking stock of the implementation of the EU Central Asia Strategy and next steps",
        "Strengthening resilience through inclusion",
        "Green prosperity – harnessing the potential of women and youth for increasing prosperity",
        "Regional cooperation – addressing environmental challenges",
    ]
    assert seed_doc.sessions[1].purpose.startswith("This session examined the role")
    assert seed_doc.sessions[1].purpose.endswith("rule of law and access to justice.")


def test_seed_bullet_broken_by_a_blank_line_stays_one_bullet(seed_doc):
    point = seed_doc.sessions[3].discussion_points[7]
    assert point.startswith("Small environmental changes")
    assert "Civil society can connect and cooperate across fault lines" in point
    assert point.endswith("finding solutions.")


def test_seed_has_no_markdown_left_and_no_split_bullets(seed_doc):
    items = [i for s in seed_doc.sessions for i in s.discussion_points + s.recommendations] + seed_doc.conclusions
    assert all("**" not in i and not i.startswith(("-", "#")) for i in items)
    assert all(i[0].isupper() for i in items), [i for i in items if not i[0].isupper()]
    assert seed_doc.sessions[0].recommendations[1].endswith("without specifically promoting Western values.")


def test_russian_document_with_numbered_lists_and_indented_continuation():
    doc = parse_document("ru_numbered.md", (DOCS / "ru_numbered.md").read_bytes())
    assert shape(doc) == [(1, 3, 3), (2, 2, 1)]
    assert doc.sessions[0].title == "Вода и климат в Центральной Азии"
    assert doc.sessions[0].purpose.startswith("Сессия рассмотрела")
    assert doc.sessions[0].discussion_points[1].endswith("в сельских районах и делится ими с властями.")
    assert doc.sessions[0].recommendations[1].endswith("закреплено в положениях о комиссиях.")
    assert doc.sessions[1].title == "Цифровая трансформация"
    assert doc.conclusions == ["Участники договорились встретиться через год и оценить выполнение рекомендаций."]


def test_plain_text_with_pages_headers_letters_and_roman_numbers():
    doc = parse_document("en_plain.txt", (DOCS / "en_plain.txt").read_bytes())
    assert shape(doc) == [(1, 3, 3), (2, 1, 1)]
    assert doc.sessions[0].discussion_points[1] == (
        "Civic education is missing from many school programmes, especially in rural areas."
    )
    assert doc.sessions[0].recommendations[1] == (
        "Fund youth councils in rural districts, including in Tajikistan and Turkmenistan."
    )
    assert doc.sessions[1].title == "Media freedom"
    assert len(doc.conclusions) == 2
    assert not any("OUTCOME" in i or "Page" in i for s in doc.sessions for i in s.recommendations)


def test_bold_headings_and_inline_titles():
    doc = parse_document("bold_headings.md", (DOCS / "bold_headings.md").read_bytes())
    assert shape(doc) == [(1, 2, 2), (2, 1, 1)]
    assert doc.sessions[1].title == "Biodiversity"
    assert doc.sessions[1].purpose == "Purpose: protect the steppe and mountain ecosystems."


@pytest.mark.parametrize(
    "heading",
    [
        "Main recommendations",
        "Main recommendations:",
        "MAIN RECOMMENDATIONS",
        "### Main Recommendations :",
        "**Main recommendations:**",
        "Key recommendations",
        "Recommendations",
        "Основные рекомендации:",
        "РЕКОМЕНДАЦИИ",
    ],
)
def test_recommendation_heading_variants(heading):
    doc = parse_text(f"Session 1: Water\n\nMain discussion points\n- A point.\n\n{heading}\n- A recommendation.\n")
    assert doc.sessions[0].recommendations == ["A recommendation."]
    assert doc.sessions[0].discussion_points == ["A point."]


@pytest.mark.parametrize(
    "header",
    ["Session 3", "## Session 3:", "**SESSION 3.**", "Сессия 3", "# Сессия №3 —", "Session III", "session 3 -"],
)
def test_session_header_variants(header):
    doc = parse_text(f"{header}\nClimate\n\nRecommendations\n• Act now.\n")
    assert [(s.number, s.title) for s in doc.sessions] == [(3, "Climate")]


def test_prose_that_mentions_a_session_is_not_a_heading():
    doc = parse_text(
        "Session 1: Water\n\nMain discussion points\n- Session 2 was moved to the afternoon.\n"
        "Session 2 was opened by the host, who welcomed everyone.\n"
    )
    assert len(doc.sessions) == 1
    assert len(doc.sessions[0].discussion_points) == 1


def test_numbered_and_lettered_lists():
    text = "Session 1: Water\n\nRecommendations\n1. First.\n2) Second.\n(3) Third.\na) Fourth.\nb. Fifth.\n"
    assert parse_text(text).sessions[0].recommendations == ["First.", "Second.", "Third.", "Fourth.", "Fifth."]


def test_paragraph_items_without_bullets():
    text = "Session 1: Water\n\nRecommendations\n\nFirst paragraph item.\n\nSecond paragraph item\nwrapped.\n"
    assert parse_text(text).sessions[0].recommendations == ["First paragraph item.", "Second paragraph item wrapped."]


def test_bullet_broken_across_a_page_break():
    text = "Session 1: Water\n\nRecommendations\n- Share data across\n\f\n12\nborders.\n- Next one.\n"
    assert parse_text(text).sessions[0].recommendations == ["Share data across borders.", "Next one."]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "No session was found"),
        ("Just some prose about a forum.\n- and a bullet", "No session was found"),
        ("Session 1\n\nMain recommendations\n- x", "no title"),
        ("Session 1: Water\n\nThe purpose only.", "neither discussion points nor recommendations"),
        ("Session 1: A\nRecommendations\n- x\nSession 1: B\nRecommendations\n- y", "appears twice"),
    ],
)
def test_documents_without_a_recognisable_outcome_are_refused(text, message):
    with pytest.raises(OutcomeError, match=message):
        parse_text(text)


def test_control_characters_are_dropped():
    doc = parse_text("Session 1: Wa\x00ter\n\nRecommendations\n- Act\x00 now\x07.\n")
    assert doc.sessions[0].title == "Water" and doc.sessions[0].recommendations == ["Act now."]
