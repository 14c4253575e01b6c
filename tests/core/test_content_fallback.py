"""Content fallback on pages: Central Asian readers get Russian first; the note is its own element in their language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from lxml import html as lxml_html

from tests.factories import RecommendationFactory


def note(page: bytes) -> lxml_html.HtmlElement:
    notes = lxml_html.fromstring(page).xpath('//*[contains(@class, "note")][@lang]')
    assert len(notes) == 1, "one fallback note expected"
    return notes[0]


@pytest.mark.django_db
def test_kyrgyz_reader_gets_the_russian_text_and_a_kyrgyz_note(client):
    rec = RecommendationFactory(
        text={"en": "Publish water data.", "ru": "Публиковать данные о воде."}, original_language="en"
    )
    page = client.get(f"/ky/recommendations/{rec.pk}/").content
    doc = lxml_html.fromstring(page)
    shown = doc.xpath('//blockquote/p[@lang="ru"]')
    assert [p.text_content() for p in shown] == ["Публиковать данные о воде."]
    assert "Publish water data." not in page.decode()
    element = note(page)
    assert element.get("lang") == "ky"
    assert element.getparent().tag == "blockquote" and element.tag == "p"
    with translation.override("ky"):
        expected = gettext("Not yet translated; shown in: %(language)s.") % {"language": gettext("Russian")}
    assert element.text_content() == expected
    assert "Орус тили" in element.text_content()


@pytest.mark.django_db
def test_note_for_text_in_its_original_language_is_translated_and_separate(client):
    rec = RecommendationFactory(text={"ru": "Создать реестр."}, original_language="ru")
    element = note(client.get(f"/kk/recommendations/{rec.pk}/").content)
    assert element.get("lang") == "kk"
    assert element.text_content() == "Әзірге аударылмаған; түпнұсқа тілінде көрсетілген."


@pytest.mark.django_db
def test_list_rows_keep_the_note_out_of_the_meta_line(client):
    rec = RecommendationFactory(text={"ru": "Создать реестр."}, original_language="ru")
    doc = lxml_html.fromstring(client.get(f"/ky/forums/{rec.forum.slug}/").content)
    meta = doc.xpath(f'//li[@id="r{rec.pk}"]/p[@class="meta"]')[0]
    assert "которула элек" not in meta.text_content()
    row_note = doc.xpath(f'//li[@id="r{rec.pk}"]/p[contains(@class, "note")]')[0]
    assert row_note.get("lang") == "ky" and "которула элек" in row_note.text_content()


@pytest.mark.django_db
def test_reader_with_own_text_sees_no_note(client):
    rec = RecommendationFactory(text={"ru": "Создать реестр.", "kk": "Тізілім құру."}, original_language="ru")
    page = client.get(f"/kk/recommendations/{rec.pk}/").content.decode()
    assert "Тізілім құру." in page and 'class="note"' not in page
