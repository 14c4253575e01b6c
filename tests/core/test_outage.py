"""While the database is unreachable: 503 with Retry-After and a translated page; cached pages still served."""

import copy
import socket
import threading

import pytest
from django.core.cache import caches
from django.db import connections
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _unreachable(settings_dict: dict) -> dict:
    """The same database settings, pointing where no database answers."""
    broken = copy.deepcopy(settings_dict)
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = "/nonexistent-directory/kurultai.sqlite3"
    else:
        broken.update(HOST="127.0.0.1", PORT=str(_closed_port()))
        broken.setdefault("OPTIONS", {})["connect_timeout"] = 2
    return broken


def during_outage(*requests):
    """Run requests in a thread whose database connection points nowhere; return their responses."""
    responses = []
    settings_dict = connections["default"].settings_dict

    def run():
        connection = connections["default"]  # this thread's own connection object
        connection.settings_dict = _unreachable(settings_dict)
        try:
            for method, path, data in requests:
                client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="ru")
                responses.append(getattr(client, method)(path, data or {}))
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    return responses


def test_an_outage_answers_503_with_retry_after_in_the_visitors_language(client):
    sign_in = {"login": "nurlan@example.org", "password": "a long enough secret"}
    page, sent = during_outage(("get", "/ru/forums/", None), ("post", "/ru/accounts/login/", sign_in))
    for response in (page, sent):
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        html = response.content.decode()
        assert '<html lang="ru">' in html
        with translation.override("ru"):
            assert translation.gettext("Back in a moment") in html
    with translation.override("ru"):
        assert (
            translation.gettext(
                "What you sent may not have been saved. Go back, keep what you wrote, and send it again in a moment; "
                "if it was saved after all, you will see it there."
            )
            in sent.content.decode()
        )


def test_cached_public_pages_are_still_served_during_an_outage(client):
    caches["pages"].clear()
    fresh = client.get("/ru/forums/")
    assert fresh.status_code == 200 and fresh["X-Page-Cache"] == "miss"
    cached, uncached = during_outage(("get", "/ru/forums/", None), ("get", "/ru/recommendations/", None))
    assert cached.status_code == 200 and cached["X-Page-Cache"] == "stale"
    assert cached.content == fresh.content
    assert uncached.status_code == 503


def test_other_errors_still_get_the_500_page():
    from django.test import RequestFactory

    from kurultai.core.views import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/ru/forums/"))
    assert response.status_code == 500 and "Retry-After" not in response
