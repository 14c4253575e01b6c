"""Shared fixtures: the demo content and a fresh client per language."""

import pytest
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def plain_static_files():
    """Serve static files from the apps, whatever a developer's ``collectstatic`` left in var/."""
    with override_settings(
        # Argon2 is deliberately slow; tests that check hashing switch it back on.
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.MD5PasswordHasher",
            "django.contrib.auth.hashers.Argon2PasswordHasher",
        ],
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches, as its database starts with its own content.

    The database cache (the shared cache when no Redis is configured) is a table of the test
    database, which every test starts afresh; tests without database access must not touch it.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    from kurultai.accounts import middleware as duties
    from kurultai.core import pagecache

    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):
            cache.clear()
    duties.forget_documents_in_force(shared=False)
    pagecache.forget_near_copies()


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their page's language in the test's thread; every test starts in English again."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def demo(db):
    """The full demo data set, as `make run` loads it."""
    call_command("load_demo", verbosity=0)
