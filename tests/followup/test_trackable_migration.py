"""Recommendations' follow-up records move onto trackables, and back, without losing any."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("followup", "0005_evidence_files_by_token")]
AFTER = [("followup", "0008_every_record_belongs_to_a_trackable")]
OTHER_APPS = ("forums", "organisations")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The apps below the follow-up stay where they are: their state is that of their newest migrations.
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] in OTHER_APPS]
    return executor.loader.project_state([*targets, *others]).apps


@pytest.mark.django_db(transaction=True)
def test_records_move_to_trackables_and_back():
    old = _migrate(BEFORE)
    Recommendation = old.get_model("forums", "Recommendation")
    Organisation = old.get_model("organisations", "Organisation")
    Addressee = old.get_model("forums", "Addressee")
    rec, quiet = Recommendation.objects.order_by("pk")[:2] if Recommendation.objects.count() >= 2 else (None, None)
    if rec is None:
        Forum = old.get_model("forums", "Forum")
        Series = old.get_model("forums", "ForumSeries")
        series = Series.objects.create(slug="s", title={"en": "S"})
        forum = Forum.objects.create(series=series, slug="f", number=1, title={"en": "F"}, start_date="2021-10-06")
        rec = Recommendation.objects.create(forum=forum, position=1, text={"en": "Open data."})
        quiet = Recommendation.objects.create(forum=forum, position=2, text={"en": "Nothing yet."})
    org = Organisation.objects.create(slug="ministry", name={"en": "Ministry"}, type="government", is_listed=True)
    addressee = Addressee.objects.create(code="gov-test", name={"en": "Governments"})
    models = {name: old.get_model("followup", name) for name in ("ResponsibleActor", "Response", "ProgressUpdate",
                                                                  "Assessment")}  # fmt: skip
    models["ResponsibleActor"].objects.create(recommendation=rec, organisation=org, role="lead")
    models["Response"].objects.create(recommendation=rec, addressee=addressee, organisation=org, status="accepted")
    models["ProgressUpdate"].objects.create(
        recommendation=rec, status="planned", text={"en": "Planned."}, reporter="actor", reported_on="2022-01-01"
    )
    models["ProgressUpdate"].objects.create(
        recommendation=rec, status="in_progress", text={"en": "Started."}, reporter="actor", reported_on="2023-01-01"
    )
    models["Assessment"].objects.create(recommendation=rec, organisation=org, status="not_started", text={"en": "No."})

    new = _migrate(AFTER)
    Trackable = new.get_model("followup", "Trackable")
    trackable = Trackable.objects.get(object_id=rec.pk, kind="recommendation")
    assert trackable.content_type.model == "recommendation"
    assert trackable.status == "in_progress"
    assert not Trackable.objects.filter(object_id=quiet.pk).exists()
    for name in ("ResponsibleActor", "Response", "ProgressUpdate", "Assessment"):
        model = new.get_model("followup", name)
        assert model.objects.filter(trackable=trackable, recommendation_id=rec.pk).count() == model.objects.count()
    assert new.get_model("followup", "ProgressUpdate").objects.count() == 2

    back = _migrate(BEFORE)
    assert back.get_model("followup", "ProgressUpdate").objects.filter(recommendation_id=rec.pk).count() == 2
    assert back.get_model("followup", "Response").objects.get().status == "accepted"

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
