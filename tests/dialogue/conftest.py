from tests.notifications.conftest import smtp, worker  # noqa: F401
