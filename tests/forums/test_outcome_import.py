"""Importing an outcome document into a forum: complete, idempotent, atomic; by command and on the web."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from kurultai.forums import services
from kurultai.forums.models import Conclusion, DiscussionPoint, Forum, Recommendation, Session
from kurultai.forums.outcome.readers import parse_document
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).parent / "outcome_docs"
SEED = DOCS / "csf-2021-almaty-outcome.md"


def snapshot(forum: Forum) -> list:
    return [
        (
            s.number,
            dict(s.title),
            [dict(p.text) for p in s.discussion_points.all()],
            [dict(r.text) for r in s.recommendations.order_by("position")],
        )
        for s in forum.sessions.order_by("number")
    ] + [dict(c.text) for c in forum.conclusions.all()]


def seed_document():
    return parse_document(SEED.name, SEED.read_bytes())


def test_import_into_an_empty_forum_creates_everything():
    forum = ForumFactory()
    plan = services.import_outcome(forum, seed_document(), "en")
    assert plan.count("create", "recommendation") == 23
    assert [
        (s.number, s.discussion_points.count(), s.recommendations.count()) for s in forum.sessions.order_by("number")
    ] == [(1, 5, 4), (2, 8, 6), (3, 5, 6), (4, 10, 7)]
    assert forum.conclusions.count() == 1
    rec = Recommendation.objects.get(forum=forum, session__number=4, position=2)
    assert rec.original_language == "en" and "web-based learning facility" in rec.text["en"]


def test_importing_the_same_document_twice_changes_nothing():
    forum = ForumFactory()
    services.import_outcome(forum, seed_document(), "en")
    before = snapshot(forum)
    ids = sorted(Recommendation.objects.values_list("pk", flat=True))
    plan = services.import_outcome(forum, seed_document(), "en")
    assert not plan.has_changes
    assert snapshot(forum) == before
    assert sorted(Recommendation.objects.values_list("pk", flat=True)) == ids


def test_reimport_updates_one_language_and_keeps_translations(demo):
    forum = Forum.objects.get(slug="2021-almaty")
    rec = Recommendation.objects.get(forum=forum, session__number=1, position=3)
    russian = rec.text["ru"]
    plan = services.plan_outcome_import(forum, seed_document(), "en")
    assert plan.count("update", "recommendation") == 23  # our summaries differ from the report's wording
    services.import_outcome(forum, seed_document(), "en")
    rec.refresh_from_db()
    assert rec.text["en"].startswith("Civic education was singled out")
    assert rec.text["ru"] == russian
    assert Recommendation.objects.filter(forum=forum).count() == 23


def test_shorter_document_removes_extra_items_and_keeps_other_sessions():
    forum = ForumFactory()
    services.import_outcome(forum, seed_document(), "en")
    doc = seed_document()
    doc.sessions = doc.sessions[:1]
    doc.sessions[0].recommendations = doc.sessions[0].recommendations[:2]
    plan = services.import_outcome(forum, doc, "en")
    assert plan.count("delete", "recommendation") == 2
    assert forum.sessions.count() == 4
    assert forum.sessions.get(number=1).recommendations.count() == 2


def test_a_failure_half_way_writes_nothing(monkeypatch):
    forum = ForumFactory()
    real_create = Recommendation.objects.create
    calls = {"n": 0}

    def failing_create(**kwargs):
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("disk full")
        return real_create(**kwargs)

    monkeypatch.setattr(Recommendation.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        services.import_outcome(forum, seed_document(), "en")
    assert not Session.objects.filter(forum=forum).exists()
    assert not DiscussionPoint.objects.filter(session__forum=forum).exists()
    assert not Conclusion.objects.filter(forum=forum).exists()


def test_language_detection():
    assert services.detect_language("Основные рекомендации форума") == "ru"
    assert services.detect_language("Main recommendations of the forum") == "en"


def test_command_dry_run_prints_json_and_writes_nothing(capsys):
    call_command("import_outcome", str(SEED), "--dry-run")
    data = json.loads(capsys.readouterr().out)
    assert [len(s["recommendations"]) for s in data["sessions"]] == [4, 6, 6, 7]
    assert set(data["sessions"][0]) == {"number", "title", "purpose", "discussion_points", "recommendations"}
    assert len(data["conclusions"]) == 1
    assert not Session.objects.exists()


def test_command_imports_into_a_forum(capsys):
    forum = ForumFactory(slug="csf-2021")
    call_command("import_outcome", str(DOCS / "ru_numbered.md"), "--forum", "csf-2021")
    assert "Imported into csf-2021 (ru)" in capsys.readouterr().err
    assert forum.sessions.count() == 2
    with translation.override("ru"):
        assert str(forum.sessions.get(number=1).title) == "Вода и климат в Центральной Азии"


def test_command_errors_go_to_stderr_with_a_non_zero_exit(tmp_path):
    bad = tmp_path / "notes.md"
    bad.write_text("Nothing structured here.\n")
    result = subprocess.run(
        [sys.executable, "-m", "kurultai", "import_outcome", str(bad), "--dry-run"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert "No session was found" in result.stderr


def test_command_requires_a_forum_unless_dry_run():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--forum is required"):
        call_command("import_outcome", str(SEED))
    with pytest.raises(CommandError, match="No forum"):
        call_command("import_outcome", str(SEED), "--forum", "nope")
