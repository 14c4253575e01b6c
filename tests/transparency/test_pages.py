"""Project pages, roll-ups, links to recommendations, monitoring notes, the API and CSV, and the page budgets."""

import csv
import datetime as dt
import gzip
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kurultai.core.models import SDG, AuditEntry
from kurultai.organisations.models import Membership, Organisation
from kurultai.transparency.importer import import_file
from kurultai.transparency.models import Activity, MonitoringNote, RecommendationLink
from kurultai.transparency.services import suggest_links
from tests.factories import RecommendationFactory, UserFactory
from tests.transparency.iati_files import SHARED_FILE, activities_file, activity, money_tx

pytestmark = pytest.mark.django_db

FORUM_DAY = dt.date(2019, 11, 20)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def load(*activities: str) -> None:
    import_file(io.BytesIO(activities_file(*activities)), source="test.xml")


def test_a_newcomer_filters_kyrgyz_cso_projects_and_reads_money_by_year(client):
    load(
        activity("KG-CSO", title="Naryn water by a local NGO"),
        activity("KG-GOV", title="Bishkek ministry reform", implementer_type="10"),
        activity("TJ-CSO", title="Khatlon schools", country="TJ"),
    )
    page = client.get("/en/projects/", {"country": "KG", "cso": "on"}).content.decode()
    assert "Naryn water by a local NGO" in page
    assert "Bishkek ministry reform" not in page and "Khatlon schools" not in page

    detail = client.get(Activity.objects.get(iati_identifier="KG-CSO").get_absolute_url()).content.decode()
    assert "Naryn Water Users" in detail and "civil society" in detail
    # Commitments against disbursements by year, as a chart with a table; currencies kept apart.
    assert "<svg" in detail and "By year, in EUR" in detail and "By year, in USD" in detail
    assert "1,000,000\u00a0EUR" in detail and "550,000\u00a0EUR" in detail and "100,000\u00a0USD" in detail
    assert "1,200,000\u00a0EUR" in detail  # the budget
    assert "ended 14 months late" in detail
    assert "European Commission last updated this" in detail
    assert "Households with a tap" in detail and "Annual report" in detail


def test_totals_across_currencies_are_never_added_together(client):
    load(activity("MIXED"))
    page = client.get("/en/projects/overview/").content.decode()
    assert "550,000\u00a0EUR" in page  # disbursements in euros
    assert "100,000\u00a0USD" in page  # spending in dollars, beside it
    assert "650,000" not in page


def test_sorting_by_money_puts_the_largest_commitment_first(client):
    load(
        activity("SMALL", title="Small project", transactions=money_tx("2", "2020-01-01", "10")),
        activity("LARGE", title="Large project", transactions=money_tx("2", "2020-01-01", "9000")),
    )
    page = client.get("/en/projects/", {"sort": "committed-EUR"}).content.decode()
    assert page.index("Large project") < page.index("Small project")


def test_an_editor_confirms_a_suggested_link_and_both_pages_show_it(client):
    load(activity("EU-WATER", country="UZ"))
    rec = RecommendationFactory(session__forum__start_date=FORUM_DAY)  # the project runs after the forum
    rec.sdgs.add(SDG.objects.get(number=6))
    suggest_links()
    link = RecommendationLink.objects.get()
    assert link.status == "suggested" and "sdg:6" in link.reasons and "country:UZ" in link.reasons

    editor = UserFactory(role="editor")
    client.force_login(editor)
    assert "EU-WATER" not in client.get(rec.get_absolute_url()).content.decode()
    assert rec.reference in client.get("/en/projects/links/").content.decode()
    client.post(f"/en/projects/links/{link.pk}/confirm/")
    link.refresh_from_db()
    assert link.status == "confirmed" and link.decided_by == editor
    assert AuditEntry.objects.filter(action="transparency.link_decided", object_id=str(link.pk)).exists()

    client.logout()
    rec_page = client.get(rec.get_absolute_url()).content.decode()
    assert "Rural water in Naryn" in rec_page and "1,000,000\u00a0EUR" in rec_page
    project_page = client.get(link.activity.get_absolute_url()).content.decode()
    assert rec.reference in project_page


def test_a_rejected_suggestion_is_not_suggested_again():
    load(activity("EU-WATER", country="UZ"))
    rec = RecommendationFactory(session__forum__start_date=FORUM_DAY)  # the project runs after the forum
    rec.sdgs.add(SDG.objects.get(number=6))
    suggest_links()
    RecommendationLink.objects.update(status="rejected")
    assert suggest_links() == []
    assert RecommendationLink.objects.get().status == "rejected"


def test_projects_that_ended_before_the_forum_are_not_suggested():
    load(activity("OLD", country="UZ", actual_end="2001-01-01"))
    rec = RecommendationFactory()
    rec.forum.start_date = rec.forum.start_date.replace(year=2021)
    rec.forum.save()
    rec.sdgs.add(SDG.objects.get(number=6))
    assert suggest_links() == []


def test_editors_link_by_hand_with_a_reference(client):
    load(activity("HAND"))
    rec = RecommendationFactory()
    act = Activity.objects.get()
    client.force_login(UserFactory(role="editor"))
    client.post(f"/en/projects/{act.pk}/link/", {"recommendation": rec.reference})
    assert RecommendationLink.objects.get(activity=act, recommendation=rec).status == "confirmed"
    client.post(f"/en/projects/{act.pk}/link/", {"recommendation": "1999-S9-R9"})
    assert RecommendationLink.objects.count() == 1


@pytest.fixture
def representative():
    organisation = Organisation.objects.create(slug="naryn-watch", name={"en": "Naryn Watch"})
    user = UserFactory()
    Membership.objects.create(user=user, organisation=organisation, status="approved")
    return user, organisation


def test_a_cso_posts_a_monitoring_note_with_a_photo(client, representative):
    user, organisation = representative
    load(activity("NOTE"))
    act = Activity.objects.get()
    client.force_login(user)
    response = client.post(
        f"/en/projects/{act.pk}/notes/new/",
        {
            "organisation": organisation.pk,
            "observed_on": "2021-05-10",
            "place": "Naryn, Ak-Talaa",
            "rating": "major_issues",
            "text": "Only two of five villages have taps.",
            "evidence_file": SimpleUploadedFile("taps.png", PNG, content_type="image/png"),
        },
    )
    assert response.status_code == 302
    note = MonitoringNote.objects.get()
    assert note.author == user and note.rating == "major_issues"
    evidence = note.evidence.get()
    assert evidence.content_type == "image/png" and "taps" not in evidence.file.name  # a generated name
    client.logout()
    page = client.get(act.get_absolute_url()).content.decode()
    assert "Only two of five villages have taps." in page and "Serious problems" in page
    assert f"/en/projects/evidence/{evidence.pk}/" in page
    served = client.get(f"/en/projects/evidence/{evidence.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    from kurultai.notifications.models import Event

    assert Event.objects.get(code="transparency.note").topics["project"] == [str(act.pk)]


def test_notes_refuse_files_that_are_not_evidence_and_people_who_represent_no_one(client, representative):
    user, organisation = representative
    load(activity("NOTE"))
    act = Activity.objects.get()
    client.force_login(user)
    response = client.post(
        f"/en/projects/{act.pk}/notes/new/",
        {
            "organisation": organisation.pk,
            "observed_on": "2021-05-10",
            "rating": "on_track",
            "text": "Fine.",
            "evidence_file": SimpleUploadedFile("x.png", b"MZ\x90\x00 not an image", content_type="image/png"),
        },
    )
    assert response.status_code == 200 and not MonitoringNote.objects.exists()
    client.force_login(UserFactory())
    assert client.get(f"/en/projects/{act.pk}/notes/new/").status_code == 403


def test_a_moderator_hides_a_note_with_a_reason_and_restores_it(client, representative):
    user, organisation = representative
    load(activity("NOTE"))
    act = Activity.objects.get()
    note = MonitoringNote.objects.create(
        activity=act,
        organisation=organisation,
        author=user,
        observed_on="2021-01-01",
        text={"en": "Insults"},
        rating="on_track",
    )
    url = f"/en/moderate/transparency.monitoringnote/{note.pk}/"
    client.force_login(user)
    assert client.post(url, {"action": "hide", "reason": "abuse"}).status_code == 403
    moderator = UserFactory(role="moderator")
    client.force_login(moderator)
    client.post(url, {"action": "hide", "reason": ""})
    assert not MonitoringNote.objects.get().is_hidden  # no reason, no hiding
    client.post(url, {"action": "hide", "reason": "Personal attack"})
    assert MonitoringNote.objects.get().hidden_reason == "Personal attack"
    assert "Hidden by a moderator: Personal attack" in client.get(act.get_absolute_url()).content.decode()
    client.logout()
    assert "Insults" not in client.get(act.get_absolute_url()).content.decode()
    client.force_login(moderator)
    client.post(url, {"action": "restore", "reason": "Reviewed again"})
    client.logout()
    assert "Insults" in client.get(act.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(action__in=["moderation.hidden", "moderation.restored"]).count() == 2


def test_an_editor_uploads_a_file_sees_the_dry_run_then_confirms(client):
    client.force_login(UserFactory(role="editor"))
    upload = SimpleUploadedFile("kg.xml", activities_file(activity("UP-1"), activity(None)), content_type="text/xml")
    page = client.post("/en/projects/import/", {"file": upload}).content.decode()
    assert "What the import would do" in page and "The activity has no identifier." in page
    assert not Activity.objects.exists()
    response = client.post("/en/projects/import/", {"confirm": "1"})
    assert response.status_code == 302
    assert list(Activity.objects.values_list("iati_identifier", flat=True)) == ["UP-1"]
    refused = client.post("/en/projects/import/", {"file": SimpleUploadedFile("x.xml", b"<html/>")})
    assert "not an IATI activity file" in refused.content.decode()


def test_only_editors_import(client):
    client.force_login(UserFactory())
    assert client.get("/en/projects/import/").status_code == 403


def test_the_api_filters_and_the_csv_keep_currencies_apart(client):
    load(activity("API-KG"), activity("API-TJ", country="TJ", sector="11220"))
    data = client.get("/api/v1/projects", {"country": "KG"}).json()
    assert [r["iati_identifier"] for r in data["results"]] == ["API-KG"]
    assert data["results"][0]["money"]["disbursements"] == {"EUR": "550000.50"}
    assert [r["iati_identifier"] for r in client.get("/api/v1/projects", {"sector": "112"}).json()["results"]] == [
        "API-TJ"
    ]
    one = client.get("/api/v1/projects", {"iati_identifier": "API-TJ"}).json()["results"][0]
    detail = client.get(f"/api/v1/projects/{one['id']}").json()
    assert detail["commitments"] == {"EUR": "1000000.00"} and detail["expenditures"] == {"USD": "100000.00"}
    assert detail["results"][0]["indicators"][0]["periods"][0]["actual"] == "350"
    assert client.get("/api/v1/projects/999999").status_code == 404
    assert "/projects/{project_id}" in client.get("/api/v1/openapi.json").content.decode()

    rows = list(csv.DictReader(io.StringIO(client.get("/en/projects/projects.csv?country=KG").content.decode())))
    assert {(r["iati_identifier"], r["currency"], r["commitments"]) for r in rows} == {
        ("API-KG", "EUR", "1000000.00"),
        ("API-KG", "USD", ""),
    }


# --- Budgets: compressed size and queries constant in projects and transactions ---------------------------------


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_and_project_pages_keep_their_query_count_as_data_grows(client):
    load(activity("Q-1"), activity("Q-2"))
    target = Activity.objects.get(iati_identifier="Q-1")
    url = target.get_absolute_url()
    small = {u: queries(client, u) for u in ("/en/projects/", "/en/projects/?sort=committed-EUR", url)}
    many_tx = "".join(money_tx("3", f"20{10 + i % 10}-01-01", str(i)) for i in range(60))
    load(
        *(activity(f"Q-{i}") for i in range(3, 25)),
        activity("Q-1", transactions=many_tx, updated="2030-01-01T00:00:00Z"),
    )
    for u, before in small.items():
        after = queries(client, u)
        assert after == before, f"{u}: {before} queries with few items, {after} with many"
        assert after <= 15, u


def test_project_pages_fit_the_html_budget(client):
    import_file(SHARED_FILE)
    from django.db.models import Count

    biggest = Activity.objects.annotate(n=Count("transactions") + Count("results")).order_by("-n")[:3]
    urls = ["/en/projects/", "/ru/projects/", "/en/projects/overview/"] + [a.get_absolute_url() for a in biggest]
    for url in urls:
        size = len(gzip.compress(client.get(url).content, compresslevel=6))
        assert size <= 14 * 1024, f"{url}: {size} bytes compressed"


def test_project_pages_are_valid_html(client, representative):
    from tests.test_html_validity import assert_valid

    user, organisation = representative
    load(activity("VALID"))
    act = Activity.objects.get()
    MonitoringNote.objects.create(
        activity=act,
        organisation=organisation,
        author=user,
        observed_on="2021-01-01",
        text={"en": "Seen"},
        rating="on_track",
    )
    client.force_login(UserFactory(role="moderator"))
    for url in ("/en/projects/", act.get_absolute_url(), "/en/projects/overview/"):
        assert_valid(client.get(url).content.decode(), url)
    client.force_login(UserFactory(role="editor"))
    for url in ("/en/projects/import/", "/en/projects/links/", act.get_absolute_url()):
        assert_valid(client.get(url).content.decode(), url)
