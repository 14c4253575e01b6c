"""Importing IATI files: the shared real file, re-imports, updates, and every kind of bad input."""

import http.server
import io
import json
import threading
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from lxml import etree

from kurultai.core.models import AuditEntry
from kurultai.transparency.iati import FileRefused
from kurultai.transparency.importer import import_file, refresh_sources
from kurultai.transparency.models import (
    Activity,
    ImportRun,
    MonitoringNote,
    RecommendationLink,
    Transaction,
)
from kurultai.transparency.services import link_by_hand
from tests.factories import RecommendationFactory, UserFactory
from tests.transparency.iati_files import SHARED_FILE, activities_file, activity, money_tx

pytestmark = pytest.mark.django_db


def run(data: bytes, **kwargs):
    return import_file(io.BytesIO(data), source="test.xml", **kwargs)


def xml_sums() -> dict[str, dict[str, dict[str, Decimal]]]:
    """Commitments (2), disbursements (3) and expenditures (4) per activity and currency, read straight from the XML."""
    names = {"2": "commitments", "3": "disbursements", "4": "expenditures"}
    sums: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(Decimal)))
    for act in etree.parse(str(SHARED_FILE)).getroot().iter("iati-activity"):
        ident = act.findtext("iati-identifier").strip()
        for tx in act.findall("transaction"):
            kind = tx.find("transaction-type").get("code")
            if kind in names:
                value = tx.find("value")
                currency = value.get("currency") or act.get("default-currency")
                sums[ident][names[kind]][currency] += Decimal(value.text.strip())
    return sums


def test_the_shared_file_imports_whole_and_a_second_import_changes_nothing(client):
    summary = import_file(SHARED_FILE)
    assert summary["activities"] == 111
    assert summary["created"] == 111
    assert summary["skipped"] == []
    assert summary["transactions"] == Transaction.objects.count() == 692
    assert "seconds" in summary
    # Versions 2.01, 2.02 and 2.03 in one file, every one kept.
    assert set(Activity.objects.values_list("version", flat=True)) == {"2.01", "2.02", "2.03"}

    before = list(Activity.objects.order_by("pk").values_list("pk", "fingerprint", "imported_at"))
    again = import_file(SHARED_FILE)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 111)
    assert list(Activity.objects.order_by("pk").values_list("pk", "fingerprint", "imported_at")) == before
    assert Transaction.objects.count() == 692


def test_the_api_returns_the_same_sums_as_the_xml(client):
    import_file(SHARED_FILE)
    expected = xml_sums()
    checked = 0
    for act in Activity.objects.all():
        data = client.get(f"/api/v1/projects/{act.pk}").json()
        for kind in ("commitments", "disbursements", "expenditures"):
            want = {c: f"{v:.2f}" for c, v in expected[act.iati_identifier][kind].items()}
            assert data[kind] == want, (act.iati_identifier, kind)
            checked += bool(want)
    assert checked > 50


def test_codes_get_their_published_names_and_every_language_is_kept():
    run(activities_file(activity()))
    act = Activity.objects.get()
    assert act.title == {"en": "Rural water in Naryn", "ru": "Сельское водоснабжение в Нарыне"}
    assert act.status_label == "Implementation"
    assert str(act.sectors.get()) == "Basic drinking water supply and basic sanitation"
    assert [s.number for s in act.sdgs.all()] == [6]
    assert act.cso_implemented  # implementer of type 22, a national NGO
    indicator = act.results.get().indicators.get()
    assert (indicator.baseline_value, indicator.periods.get().target, indicator.periods.get().actual) == (
        "120",
        "400",
        "350",
    )
    assert act.related.get().type_label == "Parent"
    assert act.planned_disbursements.get().currency == "EUR"  # the activity's default currency


def test_a_newer_version_updates_the_activity_and_keeps_links_and_notes():
    from kurultai.organisations.models import Membership, Organisation

    run(activities_file(activity()))
    act = Activity.objects.get()
    editor = UserFactory(role="editor")
    link_by_hand(act, RecommendationFactory(), actor=editor)
    organisation = Organisation.objects.create(slug="cso", name={"en": "CSO"})
    member = UserFactory()
    Membership.objects.create(user=member, organisation=organisation, status="approved")
    MonitoringNote.objects.create(
        activity=act,
        organisation=organisation,
        author=member,
        observed_on="2021-05-01",
        text={"en": "x"},
        rating="on_track",
    )

    newer = activity(title="Rural water in Naryn, phase 2", updated="2022-01-01T00:00:00Z")
    summary = run(activities_file(newer))
    assert (summary["updated"], summary["created"]) == (1, 0)
    act.refresh_from_db()
    assert act.title["en"] == "Rural water in Naryn, phase 2"
    assert RecommendationLink.objects.filter(activity=act).count() == 1
    assert MonitoringNote.objects.filter(activity=act).count() == 1

    older = activity(title="An older copy", updated="2020-01-01T00:00:00Z")
    summary = run(activities_file(older))
    assert summary["updated"] == 0 and summary["skipped"][0]["reason"].startswith("The stored version")
    act.refresh_from_db()
    assert act.title["en"] == "Rural water in Naryn, phase 2"


def test_a_dry_run_writes_nothing():
    summary = run(activities_file(activity()), dry_run=True)
    assert summary["created"] == 1
    assert not Activity.objects.exists()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"this is not xml at all", "not XML"),
        (b"", "not XML"),
        (b"<?xml version='1.0'?><html><body>Not found</body></html>", "not an IATI activity file"),
        (activities_file(activity(), version="1.05"), "version 1.05 is not supported"),
        (b"<iati-activities><iati-activity/></iati-activities>", "does not say which IATI version"),
    ],
)
def test_files_that_cannot_be_imported_are_refused_with_a_reason(data, reason):
    with pytest.raises(FileRefused, match=reason):
        run(data)
    assert not Activity.objects.exists()
    run_row = ImportRun.objects.get()
    assert not run_row.ok and reason.split()[0] in run_row.summary["refused"]


def test_a_truncated_download_leaves_nothing_half_written():
    data = activities_file(activity("A-1"), activity("A-2"), activity("A-3"))
    with pytest.raises(FileRefused, match="truncated"):
        run(data[: len(data) - 300])
    assert not Activity.objects.exists()
    assert not Transaction.objects.exists()


def test_bad_activities_are_skipped_with_their_reason_and_the_rest_imported():
    data = activities_file(
        activity("GOOD-1"),
        activity(None),  # no identifier
        activity("BAD-VALUE", transactions=money_tx("3", "2020-01-01", "twelve")),
        activity("BAD-CURRENCY", transactions=money_tx("3", "2020-01-01", "10", currency="XYZ")),
        activity("NO-COUNTRY-CODE", country=None),
        activity("GOOD-2"),
    )
    summary = run(data)
    assert summary["created"] == 2
    assert set(Activity.objects.values_list("iati_identifier", flat=True)) == {"GOOD-1", "GOOD-2"}
    reasons = {s["activity"]: s["reason"] for s in summary["skipped"]}
    assert reasons[""] == "The activity has no identifier."
    assert "not a number" in reasons["BAD-VALUE"]
    assert "unknown currency" in reasons["BAD-CURRENCY"]
    assert "recipient country has no code" in reasons["NO-COUNTRY-CODE"]


def test_the_command_prints_a_json_summary_and_refuses_with_a_reason(tmp_path, capsys):
    good = tmp_path / "good.xml"
    good.write_bytes(activities_file(activity()))
    call_command("import_iati", str(good), "--dry-run")
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("activities", "created", "updated", "unchanged", "transactions")} == {
        "activities": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "transactions": 4,
    }
    assert out["skipped"] == [] and out["errors"] == []
    assert not Activity.objects.exists()

    bad = tmp_path / "bad.xml"
    bad.write_text("<html>oops")
    with pytest.raises(CommandError, match="Not imported"):
        call_command("import_iati", str(bad))


def test_the_command_exits_with_status_1_and_says_why_on_stderr(tmp_path, capsys):
    from django.core.management import ManagementUtility

    bad = tmp_path / "bad.xml"
    bad.write_text("not xml")
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["kurultai", "import_iati", str(bad)]).execute()
    assert exited.value.code == 1
    captured = capsys.readouterr()
    assert "not XML" in captured.err and captured.out == ""


class _Feed(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}

    def do_GET(self):
        body = self.files.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            self.wfile.write(b"Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_scheduled_refresh_imports_each_configured_source(feed_server):
    _Feed.files = {"/datastore/kg.xml": activities_file(activity("FEED-1"), activity("FEED-2"))}
    sources = [f"{feed_server}/datastore/kg.xml", f"{feed_server}/missing.xml"]
    with override_settings(IATI_SOURCES=sources):
        results = refresh_sources()
    assert results[0]["created"] == 2
    assert results[1]["refused"] == "The address answered HTTP 404."
    assert set(Activity.objects.values_list("iati_identifier", flat=True)) == {"FEED-1", "FEED-2"}
    assert Activity.objects.get(iati_identifier="FEED-1").source == sources[0]
    with override_settings(IATI_SOURCES=sources[:1]):
        assert refresh_sources()[0]["unchanged"] == 2
    assert AuditEntry.objects.filter(action="transparency.import").count() == 3


def test_the_refresh_is_on_the_workers_schedule():
    from kurultai.notifications.scheduler import jobs
    from kurultai.transparency.tasks import refresh_iati_sources

    assert jobs.get("transparency.refresh").task is refresh_iati_sources
