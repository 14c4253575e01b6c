"""The import preview shows what a changed item said before and what it will say after."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.core.text import word_diff
from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db

FIRST = b"""# Session 1: Water

## Main recommendations

- Publish river data every month.
- Train basin councils.
"""
SECOND = FIRST.replace(b"every month", b"every week")


def upload(client, forum, data):
    return client.post(
        f"/en/forums/{forum.slug}/outcome/import/",
        {"document": SimpleUploadedFile("report.md", data), "language": "en"},
    )


def test_a_changed_recommendation_shows_before_and_after(client):
    forum = ForumFactory()
    client.force_login(UserFactory(role="editor"))
    payload = re.search(r'name="payload" value="([^"]+)"', upload(client, forum, FIRST).content.decode()).group(1)
    client.post(f"/en/forums/{forum.slug}/outcome/import/", {"payload": payload})
    html = upload(client, forum, SECOND).content.decode()
    assert "0 new, 1 changed, 0 removed" in html
    assert "Publish river data every <del>month.</del>" in html
    assert "Publish river data every <ins>week.</ins>" in html


def test_word_diff_escapes_and_marks_only_what_changed():
    before, after = word_diff("Fund <b>youth</b> councils now", "Fund <b>youth</b> groups now")
    assert before == "Fund &lt;b&gt;youth&lt;/b&gt; <del>councils</del> now"
    assert after == "Fund &lt;b&gt;youth&lt;/b&gt; <ins>groups</ins> now"
