"""Machine translation through a LibreTranslate-shaped service on 127.0.0.1: filled, marked, correctable."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from lxml import html as lxml_html

from kurultai.core import machine_translation
from kurultai.core.machine_translation import TranslationError, fill_missing_languages
from kurultai.core.models import AuditEntry
from kurultai.forums.models import Recommendation
from tests.factories import RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db

API_KEY = "secret-key"


class LibreTranslate(BaseHTTPRequestHandler):
    """Answers ``POST /translate`` as LibreTranslate does, including its 400, 403 and 429 errors."""

    server: ThreadingHTTPServer

    def log_message(self, *args):  # keep test output quiet
        pass

    def reply(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        if self.path != "/translate":
            return self.reply(404, {"error": "Not Found"})
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
        self.server.requests.append(payload)
        if self.server.rate_limited:
            return self.reply(429, {"error": "Slowdown: 30 per 1 minute"})
        if payload.get("api_key") != API_KEY:
            return self.reply(403, {"error": "Invalid API key"})
        if not payload.get("q"):
            return self.reply(400, {"error": "Invalid request: missing q parameter"})
        self.reply(200, {"translatedText": f"[{payload['target']}] {payload['q']}"})


@pytest.fixture
def service(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslate)
    server.requests, server.rate_limited = [], False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.KURULTAI_TRANSLATE_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.KURULTAI_TRANSLATE_API_KEY = API_KEY
    yield server
    server.shutdown()
    server.server_close()


def run_queue(capture) -> int:
    """Run every queued job with the real worker code; returns how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result.claim("test")
        with capture(execute=True):
            worker.run_task(result)
        ran += 1
    return ran


def test_missing_languages_are_filled_and_marked(service):
    rec = RecommendationFactory(text={"ru": "Открыть данные.", "en": "Open the data."}, original_language="ru")
    filled = fill_missing_languages(rec)
    assert filled == ["kk", "ky", "tg", "tk", "uz"]
    rec = Recommendation.objects.get(pk=rec.pk)
    assert rec.text["uz"] == "[uz] Открыть данные."
    assert rec.text["en"] == "Open the data." and rec.text["_machine"] == ["kk", "ky", "tg", "tk", "uz"]
    assert {r["source"] for r in service.requests} == {"ru"}
    assert all(r["api_key"] == API_KEY and r["format"] == "text" for r in service.requests)
    entry = AuditEntry.objects.get(action="core.machine_translated")
    assert entry.object_id == str(rec.pk) and entry.changes["languages"] == filled


def test_page_labels_machine_translations_in_the_readers_language(client, service):
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    fill_missing_languages(rec)
    doc = lxml_html.fromstring(client.get(f"/kk/recommendations/{rec.pk}/").content)
    assert doc.xpath("//blockquote/p/text()")[0] == "[kk] Открыть данные."
    note = doc.xpath('//blockquote/p[contains(@class, "note")]')[0]
    assert note.get("lang") == "kk" and note.text_content() == "Машиналық аударма"


def test_a_correction_clears_the_mark_of_that_language_only(service):
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    fill_missing_languages(rec)
    rec = Recommendation.objects.get(pk=rec.pk)
    edited = rec.text.texts() | {"kk": "Деректерді ашу."}  # as the edit form hands it over: texts only
    rec.text = edited
    rec.save()
    rec = Recommendation.objects.get(pk=rec.pk)
    assert rec.text["kk"] == "Деректерді ашу."
    assert rec.text["_machine"] == ["en", "ky", "tg", "tk", "uz"]
    with translation.override("kk"):
        assert not rec.text.is_machine
    with translation.override("ky"):
        assert rec.text.is_machine


@pytest.mark.parametrize(
    ("setup", "message"),
    [("rate_limited", "busy"), ("wrong_key", "refused the API key")],
)
def test_service_errors_are_reported_and_nothing_is_written(service, settings, setup, message):
    if setup == "rate_limited":
        service.rate_limited = True
    else:
        settings.KURULTAI_TRANSLATE_API_KEY = "wrong"
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    with pytest.raises(TranslationError, match=message):
        fill_missing_languages(rec)
    assert Recommendation.objects.get(pk=rec.pk).text == {"ru": "Открыть данные."}
    assert not AuditEntry.objects.filter(action="core.machine_translated").exists()


def test_an_unreachable_service_is_a_clear_error(settings):
    settings.KURULTAI_TRANSLATE_URL = "http://127.0.0.1:9"
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    with pytest.raises(TranslationError, match="cannot be reached"):
        fill_missing_languages(rec)


def test_editors_button_translates_in_the_background(client, service, django_capture_on_commit_callbacks):
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    client.force_login(UserFactory(role="editor"))
    page = client.get(f"/en/recommendations/{rec.pk}/").content.decode()
    assert "Fill missing languages by machine translation" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/translate/forums.recommendation/{rec.pk}/", {"next": rec.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == rec.get_absolute_url()
    assert not service.requests, "nothing is translated inside the request"
    assert run_queue(django_capture_on_commit_callbacks) == 1
    assert Recommendation.objects.get(pk=rec.pk).text["tk"] == "[tk] Открыть данные."


def test_members_cannot_ask_for_machine_translation(client, service):
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    client.force_login(UserFactory())
    assert "machine translation" not in client.get(f"/en/recommendations/{rec.pk}/").content.decode()
    assert client.post(f"/en/translate/forums.recommendation/{rec.pk}/").status_code == 403


def test_without_a_service_the_feature_is_off_and_says_so(client, settings):
    settings.KURULTAI_TRANSLATE_URL = ""
    rec = RecommendationFactory(text={"ru": "Открыть данные."}, original_language="ru")
    client.force_login(UserFactory(role="editor"))
    assert "Machine translation is off" in client.get(f"/en/recommendations/{rec.pk}/").content.decode()
    response = client.post(f"/en/translate/forums.recommendation/{rec.pk}/", follow=True)
    assert "Machine translation is off" in response.content.decode()
    assert not DBTaskResult.objects.exists()
    with pytest.raises(TranslationError, match="not configured"):
        fill_missing_languages(rec)


def test_new_content_is_translated_automatically_when_configured(service, settings, django_capture_on_commit_callbacks):
    settings.KURULTAI_TRANSLATE_NEW_CONTENT = True
    with django_capture_on_commit_callbacks(execute=True):
        rec = RecommendationFactory(text={"en": "Open the data."}, original_language="en")
    assert run_queue(django_capture_on_commit_callbacks) >= 1
    assert Recommendation.objects.get(pk=rec.pk).text["ru"] == "[ru] Open the data."
    assert machine_translation.missing_languages(Recommendation.objects.get(pk=rec.pk)) == {}
