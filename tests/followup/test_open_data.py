"""Open data: JSON and CSV downloads, Atom feeds and the read API show the same, current state."""

import csv
import io
import json

import pytest

from kurultai.followup.models import Assessment, ProgressUpdate, Response
from kurultai.forums.models import Recommendation

pytestmark = pytest.mark.django_db


def test_json_download_has_every_recommendation_with_history(client, demo):
    data = json.loads(client.get("/en/follow-up/recommendations.json").content)["recommendations"]
    assert len(data) == Recommendation.objects.count()
    monitoring = next(item for item in data if item["reference"] == "2021-S2-R2")
    assert monitoring["status"] == "partially_implemented"
    assert monitoring["civil_society_disagrees"] is True
    assert monitoring["updates"][0]["demo"] is True and monitoring["assessments"][0]["status"] == "not_started"


def test_csv_downloads(client, demo):
    rows = list(csv.DictReader(io.StringIO(client.get("/en/follow-up/recommendations.csv").content.decode())))
    assert len(rows) == Recommendation.objects.count()
    assert {"reference", "status", "overdue", "text_en", "text_ru"} <= set(rows[0])
    history = list(
        csv.DictReader(io.StringIO(client.get("/en/follow-up/recommendations.history.csv").content.decode()))
    )
    assert {row["kind"] for row in history} == {"response", "update", "assessment"}


def test_atom_feed_all_and_filtered(client, demo):
    feed = client.get("/en/follow-up/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "2021-S2-R2" in body
    recommendation_entries = (
        Response.objects.filter(recommendation__isnull=False, organisation__isnull=False).count()
        + ProgressUpdate.objects.filter(recommendation__isnull=False).count()
        + Assessment.objects.filter(recommendation__isnull=False).count()
    )
    only = client.get("/en/follow-up/feed/?kind=recommendation").content.decode()
    assert only.count("<entry>") == recommendation_entries
    assert body.count("<entry>") > recommendation_entries  # actions and positions too
    assert client.get("/en/follow-up/feed/?kind=nothing").status_code == 404
    assert client.get("/en/follow-up/feed/?theme=biodiversity").content.decode().count("<entry>") == 0
    assert client.get("/en/follow-up/feed/?forum=2021-almaty&country=KZ").content.decode().count("<entry>") == 7


def test_api_list_filters_and_detail(client, demo):
    page = client.get("/api/v1/recommendations?forum=2021-almaty&limit=5").json()
    assert page["count"] == 23 and len(page["results"]) == 5
    assert "updates" not in page["results"][0]
    implemented = client.get("/api/v1/recommendations?status=partially_implemented").json()
    assert [r["reference"] for r in implemented["results"]] == ["2021-S2-R2"]
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=4, position=2)
    detail = client.get(f"/api/v1/recommendations/{rec.pk}").json()
    assert detail["status"] == "in_progress" and len(detail["updates"]) == 2
    assert detail["responsible_actors"][0]["organisation"] == "carec"


def test_api_answers_bad_requests_with_a_reason(client, demo):
    assert client.get("/api/v1/recommendations/999999").status_code == 404
    bad = client.get("/api/v1/recommendations?status=finished")
    assert bad.status_code == 422 and "status" in bad.content.decode()
    assert client.get("/api/v1/recommendations?limit=100000").status_code == 422


def test_api_docs_and_schema_are_served_locally(client):
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/recommendations" in schema["paths"]


def test_new_update_shows_everywhere(client, demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=1, position=3)
    ProgressUpdate.objects.create(
        recommendation=rec, status="implemented", text={"en": "Civic courses run."}, reporter="secretariat"
    )
    assert client.get(f"/api/v1/recommendations/{rec.pk}").json()["status"] == "implemented"
    assert "Civic courses run." in client.get("/en/follow-up/feed/").content.decode()
    assert "Civic courses run." in client.get("/en/follow-up/recommendations.history.csv").content.decode()
    assert "Civic courses run." in client.get(rec.get_absolute_url()).content.decode()
