"""A real SMTP server on 127.0.0.1 (aiosmtpd), and the background worker run on demand."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings


class Inbox:
    """Messages the SMTP server received, parsed as a mail client would."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[Inbox]:
    """Mail goes through Django's SMTP backend to a local server; the test reads what arrived."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            yield inbox
    finally:
        controller.stop()


def run_worker(capture=None) -> int:
    """Run every queued background task the way ``kurultai worker`` does; returns how many ran.

    ``capture`` (pytest-django's on-commit capture) runs what tasks schedule after their commit, e.g. the
    drain a fan-out enqueues, as a real commit would.
    """
    import contextlib

    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

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
    for ran in range(1000):
        result = DBTaskResult.objects.ready().filter(backend_name="default").order_by("enqueued_at").first()
        if result is None:
            return ran
        result.claim("test")
        with capture(execute=True) if capture else contextlib.nullcontext():
            worker.run_task(result)
    raise AssertionError("the task queue does not empty")


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Commit callbacks run (they enqueue jobs), then the worker runs the queue."""

    class Runner:
        def __call__(self) -> int:
            return run_worker(django_capture_on_commit_callbacks)

    return Runner()
