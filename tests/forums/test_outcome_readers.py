"""Reading DOCX and PDF files, and refusing files that cannot be read, with a clear message."""

import zipfile
from io import BytesIO

import pytest

from kurultai.forums.outcome.document import OutcomeError
from kurultai.forums.outcome.readers import MAX_BYTES, parse_document
from tests.forums.outcome_files import (
    SIMPLE_LINES,
    SIMPLE_LINES_PAGE_2,
    blank_pdf,
    docx_bytes,
    encrypted_pdf,
    pdf_bytes,
)


def test_docx_with_heading_styles_lists_and_bold_markers():
    data = docx_bytes(
        [
            ("Title", "Форум гражданского общества"),
            ("Heading 2", "Сессия 1"),
            ("Heading 1", "Зелёная экономика"),
            ("Normal", "Сессия обсудила возможности зелёной экономики."),
            ("bold", "Основные тезисы обсуждения:"),
            ("List Bullet", "Малый бизнес готов инвестировать в переработку."),
            ("List Bullet", "Нужны понятные правила для социальных предприятий."),
            ("bold", "Основные рекомендации"),
            ("List Number", "Ввести налоговые льготы для переработчиков."),
            ("List Number", "Обучать молодёжь социальному предпринимательству."),
            ("Heading 1", "Выводы"),
            ("Normal", "Участники поддержали создание рабочей группы."),
        ]
    )
    doc = parse_document("report.docx", data)
    session = doc.sessions[0]
    assert (session.number, session.title) == (1, "Зелёная экономика")
    assert session.purpose == "Сессия обсудила возможности зелёной экономики."
    assert len(session.discussion_points) == 2 and len(session.recommendations) == 2
    assert doc.conclusions == ["Участники поддержали создание рабочей группы."]


def test_text_pdf_with_running_header_page_numbers_and_a_bullet_across_pages():
    data = pdf_bytes(SIMPLE_LINES + SIMPLE_LINES_PAGE_2, lines_per_page=len(SIMPLE_LINES))
    doc = parse_document("report.pdf", data)
    assert [(s.number, len(s.discussion_points), len(s.recommendations)) for s in doc.sessions] == [
        (1, 2, 2),
        (2, 0, 1),
    ]
    assert doc.sessions[0].recommendations[1] == "Support the switch to clean heating in poor households."
    assert doc.conclusions == ["The forum will review progress next year."]
    everything = " ".join(doc.sessions[0].recommendations + doc.conclusions)
    assert "Outcome document" not in everything and "Page" not in everything


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "empty"),
        ("big.txt", b"x" * (MAX_BYTES + 1), "larger than 10 MB"),
        ("sheet.xlsx", b"PK\x03\x04rest", "zip archive, not a DOCX"),
        ("photo.png", b"\x89PNG\r\n\x1a\n", "cannot be imported"),
        ("fake.pdf", b"this is not a pdf", "not a valid PDF"),
        ("fake.docx", b"plain words", "not a valid DOCX"),
        ("binary.txt", b"\x00\x01\x02\x03", "not text"),
        ("scan.pdf", blank_pdf(), "no text layer"),
        ("locked.pdf", encrypted_pdf(SIMPLE_LINES), "password-protected"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "damaged"),
    ],
)
def test_bad_files_are_refused_with_a_reason(name, data, message):
    with pytest.raises(OutcomeError, match=message):
        parse_document(name, data)


def test_damaged_docx_is_refused():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(OutcomeError, match="damaged or is not a Word document"):
        parse_document("report.docx", buffer.getvalue())


def test_legacy_cyrillic_encoding_is_read():
    text = "Сессия 1: Вода\n\nОсновные рекомендации\n- Беречь воду.\n"
    doc = parse_document("old.txt", text.encode("cp1251"))
    assert doc.sessions[0].recommendations == ["Беречь воду."]
