"""Throttling and one-time codes hold across worker processes, as they run under gunicorn.

Each test starts three separate processes that share one throw-away SQLite database and the
configured shared cache (the database cache by default, Redis when it answers), and drives the
real sign-in pages through Django's test client in each of them.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import subprocess
import sys
import time
import uuid

import pytest

PASSWORD = "a long enough secret 42"
WRONG = "not the password at all"
EMAIL = "nurlan@example.org"
PROCESSES = 3


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _environment(tmp_path, cache: str) -> dict[str, str]:
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kurultai.sqlite3'}",
        "KURULTAI_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "kurultai.settings",
        "KURULTAI_REDIS_URL": "",
    }
    if cache == "redis":
        env["KURULTAI_REDIS_URL"] = "redis://127.0.0.1:6379/0"
        env["KURULTAI_CACHE_PREFIX"] = f"kurultai-test-{uuid.uuid4().hex}"
    return env


def _start(env: dict[str, str]) -> None:
    """Pool initializer: each process configures Django for the shared database and cache."""
    os.environ.update(env)
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    import django

    django.setup()


def _create_person(with_second_factor: bool) -> str:
    """Create a verified person (and a TOTP device); return the TOTP secret or ''."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from kurultai.accounts.models import User

    user = User.objects.create_user(EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    if not with_second_factor:
        return ""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def _sign_in(password: str) -> tuple[int, str, int]:
    """One sign-in attempt from a fresh browser; returns (pid, outcome, status)."""
    from django.test import Client

    response = Client().post("/en/accounts/login/", {"login": EMAIL, "password": password})
    page = response.content.decode()
    if "Too many failed login attempts" in page or response.status_code == 429:
        outcome = "throttled"
    elif "are not correct" in page:
        outcome = "checked and wrong"
    elif response.status_code == 302:
        outcome = "signed in"
    else:
        outcome = f"unexpected {response.status_code}"
    return os.getpid(), outcome, response.status_code


def _sign_in_with_code(code: str) -> tuple[int, bool]:
    """Password, then the TOTP code, in a fresh browser; returns (pid, whether a session was opened)."""
    from django.test import Client

    client = Client()
    response = client.post("/en/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302 and "/accounts/2fa/authenticate/" in response["Location"], response
    client.post(response["Location"], {"code": code})
    return os.getpid(), "_auth_user_id" in client.session


def _current_code(secret: str) -> str:
    """The code of a 30-second window with time left to use it: a busy machine must not see it expire."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if time.time() % 30 > 10:
        time.sleep(30 - time.time() % 30)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _migrate(env: dict[str, str]) -> None:
    full = {**os.environ, **env}
    full.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "-m", "kurultai", "migrate", "--no-input", "-v", "0"], env=full, check=True, timeout=300
    )


@pytest.fixture(params=["database", "redis"])
def pool(request, tmp_path):
    """Three worker processes sharing one database and the shared cache of the chosen kind."""
    if request.param == "redis" and not _redis_answers():
        pytest.skip("no Redis at 127.0.0.1:6379")
    env = _environment(tmp_path, request.param)
    _migrate(env)
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES, initializer=_start, initargs=(env,)) as workers:
        yield workers


def test_wrong_passwords_are_counted_across_processes(pool):
    pool.apply(_create_person, (False,))
    results = pool.map(_sign_in, [WRONG] * 12, chunksize=1)
    assert len({pid for pid, _outcome, _status in results}) > 1, "the attempts ran in one process only"
    outcomes = [outcome for _pid, outcome, _status in results]
    assert outcomes.count("checked and wrong") <= 5, outcomes
    assert outcomes.count("throttled") >= 7, outcomes
    # While blocked, even the right password is refused, in every process.
    after = pool.map(_sign_in, [PASSWORD] * PROCESSES, chunksize=1)
    assert [outcome for _pid, outcome, _status in after] == ["throttled"] * PROCESSES


def test_one_totp_code_opens_one_session_across_processes(pool):
    secret = pool.apply(_create_person, (True,))
    results = pool.map(_sign_in_with_code, [_current_code(secret)] * PROCESSES, chunksize=1)
    assert len({pid for pid, _opened in results}) > 1, "the attempts ran in one process only"
    assert [opened for _pid, opened in results].count(True) == 1, results


@pytest.mark.django_db
def test_the_per_address_limit_sees_the_client_behind_the_proxy(client, settings):
    from tests.factories import PASSWORD as FACTORY_PASSWORD
    from tests.factories import UserFactory

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    UserFactory(email=EMAIL)

    def sign_in(login: str, password: str, client_address: str):
        return client.post(
            "/en/accounts/login/",
            {"login": login, "password": password},
            REMOTE_ADDR="10.0.0.1",  # the reverse proxy
            HTTP_X_FORWARDED_FOR=client_address,
        )

    for n in range(25):  # one address guessing at many accounts
        sign_in(f"someone{n}@example.org", WRONG, "203.0.113.5")
    assert "Too many failed login attempts" in sign_in("other@example.org", WRONG, "203.0.113.5").content.decode()
    # Someone else behind the same proxy still gets in.
    response = sign_in(EMAIL, FACTORY_PASSWORD, "198.51.100.7")
    assert response.status_code == 302 and "/accounts/login/" not in response["Location"]


def test_trusted_proxies_setting_takes_a_count_or_a_header(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(getattr(s, 'ALLAUTH_TRUSTED_PROXY_COUNT', None), getattr(s, 'ALLAUTH_TRUSTED_CLIENT_IP_HEADER', None))"
    )
    seen = []
    for value in ("2", "X-Real-IP"):
        env = {**os.environ, "KURULTAI_TRUSTED_PROXIES": value, "KURULTAI_VAR_DIR": str(tmp_path)}
        env["DJANGO_SETTINGS_MODULE"] = "kurultai.settings"
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup();" + code],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        seen.append(result.stdout.split())
    assert seen == [["2", "None"], ["None", "X-Real-IP"]]
