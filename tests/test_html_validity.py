"""Every generated page parses without a single error in a strict HTML5 parser."""

import html5lib
import pytest
from html5lib.html5parser import ParseError

from kurultai.forums.models import Recommendation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def pages() -> list[str]:
    rec = Recommendation.objects.filter(forum__slug="2021-almaty").first()
    return [
        "/en/",
        "/en/forums/",
        "/en/forums/2021-almaty/",
        "/en/forums/2021-almaty/sessions/1/",
        "/en/forums/2019/",
        "/en/recommendations/",
        "/en/recommendations/?theme=bad&page=9",
        rec.get_absolute_url(),
        "/ru/forums/2021-almaty/",
        "/uz/recommendations/",
    ]


def assert_valid(html: str, url: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(html)
    except ParseError as exc:
        line, col = parser.errors[-1][0] if parser.errors else ("?", "?")
        snippet = html.splitlines()[line - 1][max(0, col - 80) : col + 40] if isinstance(line, int) else ""
        pytest.fail(f"{url}: {exc} at line {line}, column {col}: {snippet!r}")


def test_public_pages_are_valid_html(client, demo):
    for url in pages():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response.content.decode(), url)


def test_editor_pages_are_valid_html(client, demo, django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory(role="editor"))
    assert_valid(client.get("/en/forums/2021-almaty/outcome/import/").content.decode(), "import form")
    response = client.post(
        "/en/forums/2021-almaty/outcome/import/",
        {"document": SimpleUploadedFile("r.md", b"Session 1: A\\n\\nRecommendations\\n- Do it.\\n")},
    )
    assert_valid(response.content.decode(), "import preview")
    response = client.post("/en/forums/2021-almaty/outcome/import/", {"document": SimpleUploadedFile("r.md", b"")})
    assert_valid(response.content.decode(), "import error")


@pytest.mark.parametrize(
    "broken",
    ["<p><div></div></p>", '<a href="x" href="y">z</a>', "<ul><li>a</ul></li>"],
)
def test_the_check_catches_broken_markup(broken):
    with pytest.raises(pytest.fail.Exception):
        assert_valid(f"<!doctype html><html lang='en'><head><title>x</title></head><body>{broken}</body></html>", "x")
