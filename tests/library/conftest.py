import pytest

from tests.notifications.conftest import smtp, worker  # noqa: F401


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): …`` runs what the block schedules on commit (background jobs get enqueued)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
