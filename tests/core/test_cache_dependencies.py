"""Every table a declared page reads is covered by its page group, so no declared page can show stale."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kurultai.core import cachedeps
from kurultai.core.cacheversions import WRITES_BUMP, is_public, model_label
from kurultai.forums.models import Recommendation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TABLE = re.compile(r'(?:FROM|JOIN)\s+"?([a-z0-9_]+)"?', re.IGNORECASE)


def tables_read(path: str) -> set[str]:
    """Tables the page reads for a visitor and for a signed-in member (whose page is rendered, not served)."""
    member = Client()
    member.force_login(UserFactory())
    member.get("/en/account/")
    tables = set()
    for client in (Client(), member):
        with CaptureQueriesContext(connection) as queries:
            client.cookies.pop(settings.CSRF_COOKIE_NAME, None)  # no stored copy: the page is rendered
            response = client.get(path)
        assert response.status_code == 200
        tables |= {table for query in queries for table in TABLE.findall(query["sql"])}
    return tables


def models_by_table() -> dict[str, str]:
    return {model._meta.db_table: model_label(model) for model in apps.get_models(include_auto_created=True)}


def samples(demo_rec: Recommendation) -> dict[str, str]:
    forum = demo_rec.forum
    return {
        "forums:recommendation_detail": reverse("forums:recommendation_detail", kwargs={"pk": demo_rec.pk}),
        "forums:forum_detail": reverse("forums:forum_detail", kwargs={"slug": forum.slug}),
        "forums:session_detail": reverse(
            "forums:session_detail", kwargs={"slug": forum.slug, "number": demo_rec.session.number}
        ),
        "forums:programme": reverse("forums:programme", kwargs={"slug": forum.slug}),
        "forums:speakers": reverse("forums:speakers", kwargs={"slug": forum.slug}),
        "forums:recommendation_list": reverse("forums:recommendation_list") + "?page=2",
        "organisations:directory": reverse("organisations:directory"),
        "participation:call": reverse("participation:call", kwargs={"slug": "demo-forum-2027"}),
    }


def test_declared_pages_read_only_what_their_group_covers(demo):
    rec = Recommendation.objects.published().filter(session__isnull=False).order_by("pk").first()
    by_table = models_by_table()
    paths = samples(rec)
    assert set(paths) == set(cachedeps.PAGES)
    for url_name, path in paths.items():
        group = cachedeps.PAGES[url_name]
        covered = cachedeps.models_in_scope(group)
        uncovered = set()
        for table in tables_read(path):
            label = by_table.get(table)
            if label is None or label in ("core.siteversion", "sessions.session"):
                continue
            model = apps.get_model(label)
            if not model._meta.auto_created and (not is_public(model) or WRITES_BUMP.get(label) == ()):
                continue
            if label not in covered:
                uncovered.add(label)
        assert not uncovered, f"{url_name} reads {sorted(uncovered)} outside its group {group!r}"


def test_new_modules_are_covered_without_declaring_anything():
    for label in ("participation", "dialogue", "workinggroups", "knowledge", "library", "learning", "certificates"):
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models():
            if is_public(model):
                assert "site" in cachedeps.groups_showing(model_label(model))
    assert cachedeps.group_for("dialogue:anything").name == "site"
