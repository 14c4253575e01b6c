"""Share links on every shareable page, and the WhatsApp text for editors."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from kurultai.forums.models import Forum
from kurultai.organisations.models import Organisation, PartnerRequest
from tests.factories import RecommendationFactory, UserFactory
from tests.test_html_validity import assert_valid

pytestmark = pytest.mark.django_db

SITE = "https://kurultai.example.org"
LINK = re.compile(r'<a href="([^"]+)" rel="noopener">(WhatsApp|Telegram|Facebook|Email)</a>')


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def pages():
    rec = RecommendationFactory()
    session, forum = rec.session, rec.forum
    cso = Organisation.objects.create(slug="green-steppe", name={"en": "Green Steppe"})
    request = PartnerRequest.objects.create(organisation=cso, title={"en": "Partners wanted"}, purpose={"en": "x"})
    return {
        forum.get_absolute_url(): str(forum.title),
        session.get_absolute_url(): str(session.title),
        rec.get_absolute_url(): f"Recommendation {rec.reference}",
        cso.get_absolute_url(): "Green Steppe",
        request.get_absolute_url(): "Partners wanted",
    }


def share_links(page_html: str) -> dict[str, str]:
    return {name: html.unescape(href) for href, name in LINK.findall(page_html)}


def test_every_shareable_page_has_plain_absolute_share_links(client, pages):
    for path, title in pages.items():
        page = client.get(path).content.decode()
        links = share_links(page)
        assert set(links) == {"WhatsApp", "Telegram", "Facebook", "Email"}, path
        url = SITE + path
        whatsapp = urlsplit(links["WhatsApp"])
        assert (whatsapp.scheme, whatsapp.netloc, whatsapp.path) == ("https", "wa.me", "/")
        assert parse_qs(whatsapp.query)["text"] == [f"{title}\n{url}"]
        telegram = urlsplit(links["Telegram"])
        assert telegram.netloc == "t.me" and parse_qs(telegram.query) == {"url": [url], "text": [title]}
        facebook = urlsplit(links["Facebook"])
        assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query) == {"u": [url]}
        email = urlsplit(links["Email"])
        assert email.scheme == "mailto" and parse_qs(email.query)["subject"] == [title]
        assert parse_qs(email.query)["body"][0].endswith(url)
        assert "<script" not in page and "facebook.com/" not in page.split("</head>")[0]


def test_only_editors_get_the_whatsapp_text(client, pages):
    forum_path = next(iter(pages))
    forum = Forum.objects.get(slug=forum_path.split("/")[3])
    forum.theme = {"en": "Water_and *climate*"}
    forum.save()
    for role in (None, "member", "moderator"):
        client.logout()
        if role:
            client.force_login(UserFactory(role=None if role == "member" else role))
        assert "Copy for WhatsApp" not in client.get(forum_path).content.decode(), role
    client.force_login(UserFactory(role="editor"))
    page = client.get(forum_path).content.decode()
    assert "Copy for WhatsApp" in page
    assert_valid(page, forum_path)
    text = html.unescape(re.search(r"<textarea[^>]*readonly[^>]*>(.*?)</textarea>", page, re.S).group(1))
    title = pages[forum_path]
    assert text.splitlines() == [f"*{title}*", "_Water and climate_", SITE + forum_path]
