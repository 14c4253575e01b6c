"""Editors import on the web in two steps; visitors download the outcome as DOCX or Markdown."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.forums.models import Forum, Recommendation
from kurultai.forums.outcome.export import document_from_forum, to_docx, to_markdown
from kurultai.forums.outcome.readers import parse_document
from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db
SEED = Path(__file__).parent / "outcome_docs" / "csf-2021-almaty-outcome.md"


@pytest.fixture
def editor():
    return UserFactory(role="editor")


def upload(client, forum, name="report.md", data=None, language=""):
    data = SEED.read_bytes() if data is None else data
    return client.post(
        f"/en/forums/{forum.slug}/outcome/import/",
        {"document": SimpleUploadedFile(name, data), "language": language},
    )


def test_upload_shows_a_preview_and_writes_nothing(client, editor):
    forum = ForumFactory()
    client.force_login(editor)
    response = upload(client, forum)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview" in html and "Confirm import" in html
    assert "Strengthening resilience through inclusion" in html
    assert "43 new" not in html and "56 new, 0 changed, 0 removed" in html
    assert not forum.sessions.exists()


def test_confirm_writes_the_previewed_document(client, editor):
    forum = ForumFactory()
    client.force_login(editor)
    payload = re.search(r'name="payload" value="([^"]+)"', upload(client, forum).content.decode()).group(1)
    response = client.post(f"/en/forums/{forum.slug}/outcome/import/", {"payload": payload}, follow=True)
    assert response.redirect_chain[-1][0] == forum.get_absolute_url()
    assert "Outcome document imported: 56 new" in response.content.decode()
    assert Recommendation.objects.filter(forum=forum).count() == 23
    assert response.content.decode().count('<li id="r') == 23


def test_altered_payload_is_refused(client, editor):
    forum = ForumFactory()
    client.force_login(editor)
    payload = re.search(r'name="payload" value="([^"]+)"', upload(client, forum).content.decode()).group(1)
    response = client.post(f"/en/forums/{forum.slug}/outcome/import/", {"payload": payload[:-3] + "abc"}, follow=True)
    assert "expired or was altered" in response.content.decode()
    assert not forum.sessions.exists()


def test_payload_for_another_forum_is_refused(client, editor):
    first, second = ForumFactory(), ForumFactory()
    client.force_login(editor)
    payload = re.search(r'name="payload" value="([^"]+)"', upload(client, first).content.decode()).group(1)
    client.post(f"/en/forums/{second.slug}/outcome/import/", {"payload": payload})
    assert not second.sessions.exists()


def test_bad_file_re_renders_the_form_with_the_reason(client, editor):
    forum = ForumFactory()
    client.force_login(editor)
    response = upload(client, forum, name="notes.txt", data=b"Nothing structured here.")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No session was found" in html
    assert 'type="file"' in html
    assert not forum.sessions.exists()


def test_visitors_are_sent_to_log_in_and_members_are_refused(client, django_user_model):
    forum = ForumFactory()
    response = client.get(f"/en/forums/{forum.slug}/outcome/import/")
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(f"/en/forums/{forum.slug}/outcome/import/").status_code == 403
    assert upload(client, forum).status_code == 403
    assert not forum.sessions.exists()


def test_import_link_only_for_editors(client, editor, demo):
    assert "Import outcome document" not in client.get("/en/forums/2021-almaty/").content.decode()
    client.force_login(editor)
    assert "Import outcome document" in client.get("/en/forums/2021-almaty/").content.decode()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_markdown_export_reimports_to_the_same_structure(demo, lang):
    forum = Forum.objects.get(slug="2021-almaty")
    exported = to_markdown(forum, lang)
    assert parse_document("outcome.md", exported.encode()).to_dict() == document_from_forum(forum, lang).to_dict()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_docx_export_reimports_to_the_same_structure(demo, lang):
    forum = Forum.objects.get(slug="2021-almaty")
    parsed = parse_document("outcome.docx", to_docx(forum, lang))
    assert parsed.to_dict() == document_from_forum(forum, lang).to_dict()


def test_full_round_trip_of_the_real_report():
    forum = ForumFactory()
    from kurultai.forums.services import import_outcome

    original = parse_document(SEED.name, SEED.read_bytes())
    import_outcome(forum, original, "en")
    assert parse_document("x.docx", to_docx(forum, "en")).to_dict() == original.to_dict()
    assert parse_document("x.md", to_markdown(forum, "en").encode()).to_dict() == original.to_dict()


def test_download_links_and_files(client, demo):
    html = client.get("/ru/forums/2021-almaty/").content.decode()
    assert "/ru/forums/2021-almaty/outcome.docx" in html and "/ru/forums/2021-almaty/outcome.md" in html
    docx = client.get("/ru/forums/2021-almaty/outcome.docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="kurultai-2021-almaty-outcome-ru.docx"' in docx["Content-Disposition"]
    md = client.get("/ru/forums/2021-almaty/outcome.md").content.decode()
    assert "## Сессия 1: Итоги реализации Стратегии ЕС" in md
    assert client.get("/en/forums/2021-almaty/outcome.pdf").status_code == 404


@pytest.mark.skipif(not shutil.which("libreoffice") and not shutil.which("soffice"), reason="LibreOffice not installed")
def test_docx_export_opens_in_libreoffice(demo, tmp_path):
    source = tmp_path / "outcome.docx"
    source.write_bytes(to_docx(Forum.objects.get(slug="2021-almaty"), "ru"))
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    result = subprocess.run(
        [
            exe,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "outcome.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Основные рекомендации" in text
