"""Security baseline: headers on every response and a clean deploy check under production settings."""

import os
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
