"""Search results show the text readers see, not its Markdown."""

import pytest

from kurultai.core import search
from kurultai.core.models import SearchDocument
from kurultai.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_snippets_and_index_hold_plain_text(client):
    org = Organisation.objects.create(
        slug="aral-water",
        name={"en": "Aral Water Watch"},
        description={"en": "*Demo organisation.* Works on **water** quality: [reports](https://example.org)."},
    )
    hits = search.search("water", kinds=["organisation"])
    assert [h.object_id for h in hits] == [org.pk]
    assert "*" not in hits[0].snippet and "[reports]" not in hits[0].snippet
    assert "Demo organisation." in hits[0].snippet and "reports" in hits[0].snippet
    assert "*" not in SearchDocument.objects.get(kind="organisation", object_id=org.pk).body["en"]
    html = client.get("/en/search/?q=water").content.decode()
    assert "*Demo organisation.*" not in html and "Demo organisation." in html


def test_snippets_strip_markdown_left_in_rows_indexed_earlier():
    assert str(search.snippet(search.plain("_Steppe_ grazing"), ["steppe"])) == "<mark>Steppe</mark> grazing"


def test_plain_text_is_left_alone():
    assert search.plain("Water and climate, 2021–2025") == "Water and climate, 2021–2025"
