"""Follow-up: a focal point responds and reports with evidence, a CSO disagrees, the dashboard shows it."""

import datetime as dt

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kurultai.followup.models import Assessment, Evidence, ProgressUpdate, Response, ResponsibleActor
from kurultai.followup.tracking import track, with_tracking
from kurultai.forums.models import Recommendation
from kurultai.organisations.models import Membership, Organisation
from tests.factories import RecommendationFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    from tests.forums.outcome_files import pdf_bytes as make

    return make(["Evidence of progress: the course is online."])


@pytest.fixture
def focal_point(demo):
    """A representative of CAREC, the lead actor of recommendation 2021-S4-R2."""
    user = UserFactory(email="focal@carec.example")
    Membership.objects.create(user=user, organisation=Organisation.objects.get(slug="carec"), status="approved")
    return user


@pytest.fixture
def learning_rec(demo):
    return Recommendation.objects.get(forum__slug="2021-almaty", session__number=4, position=2)


def test_focal_point_reports_with_a_pdf(client, focal_point, learning_rec):
    client.force_login(focal_point)
    # CAREC is responsible for acting, but it does not answer for an addressee: no official response.
    assert client.get(f"/en/recommendations/{learning_rec.pk}/respond/").status_code == 403
    upload = SimpleUploadedFile("report.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(
        f"/en/recommendations/{learning_rec.pk}/update/",
        {
            "status": "implemented",
            "text": "All modules are online.",
            "reported_on": "2024-06-01",
            "reporter": "actor",
            "organisation": Organisation.objects.get(slug="carec").pk,
            "text_language": "en",
            "evidence_file": upload,
        },
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(recommendation=learning_rec, text__en="All modules are online.")
    evidence = Evidence.objects.get(update=update)
    assert evidence.content_type == "application/pdf" and evidence.size > 0
    page = client.get(learning_rec.get_absolute_url()).content.decode()
    assert "All modules are online." in page and "report.pdf" in page
    download = client.get(f"/en/evidence/{evidence.token}/")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get("/en/evidence/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert track(with_tracking(Recommendation.objects.filter(pk=learning_rec.pk)).get()).status == "implemented"


def test_bad_evidence_is_refused_and_nothing_is_saved(client, focal_point, learning_rec):
    client.force_login(focal_point)
    before = ProgressUpdate.objects.count()
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        f"/en/recommendations/{learning_rec.pk}/update/",
        {
            "status": "implemented",
            "text": "Done.",
            "reported_on": "2024-06-01",
            "reporter": "actor",
            "evidence_file": fake,
        },
    )
    assert response.status_code == 200
    assert "Evidence must be a PDF" in response.content.decode()
    future = client.post(
        f"/en/recommendations/{learning_rec.pk}/update/",
        {
            "status": "implemented",
            "text": "Done.",
            "reported_on": str(timezone.localdate() + dt.timedelta(days=3)),
            "reporter": "actor",
        },
    )
    assert "cannot be in the future" in future.content.decode()
    assert ProgressUpdate.objects.count() == before


def test_only_responsible_actors_and_editors_post_official_entries(client, demo, learning_rec):
    other = UserFactory()
    Membership.objects.create(user=other, organisation=Organisation.objects.get(slug="green-steppe"), status="approved")
    client.force_login(other)
    assert client.get(f"/en/recommendations/{learning_rec.pk}/update/").status_code == 403
    assert client.get(f"/en/recommendations/{learning_rec.pk}/respond/").status_code == 403
    assert client.get(f"/en/recommendations/{learning_rec.pk}/assess/").status_code == 200
    client.force_login(UserFactory())  # a member who represents no organisation
    assert client.get(f"/en/recommendations/{learning_rec.pk}/assess/").status_code == 403
    client.force_login(UserFactory(role="editor"))
    assert client.get(f"/en/recommendations/{learning_rec.pk}/update/").status_code == 200
    client.logout()
    assert client.get(f"/en/recommendations/{learning_rec.pk}/update/").status_code == 302


def test_cso_assessment_shows_beside_the_official_status_and_flags_disagreement(client, demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=2, position=2)
    html = client.get(rec.get_absolute_url()).content.decode()
    assert "Partially implemented" in html and "Not started" in html
    assert "Civil society disagrees with the official status." in html
    official = track(with_tracking(Recommendation.objects.filter(pk=rec.pk)).get()).status
    assert official == "partially_implemented"  # the assessment never overwrites it


def test_history_is_append_only_and_corrections_are_new_entries(focal_point, learning_rec):
    from kurultai.followup import services

    carec = Organisation.objects.get(slug="carec")
    first = services.post_update(
        focal_point, learning_rec, status="in_progress", text="Started.", reporter="actor", organisation=carec
    )
    services.post_update(
        focal_point,
        learning_rec,
        status="planned",
        text="Correction: only planned.",
        reporter="actor",
        organisation=carec,
        corrects=first,
    )
    assert ProgressUpdate.objects.filter(pk=first.pk, text__en="Started.").exists()
    assert learning_rec.updates.count() == 4  # two from the demo, two here


def test_flags(demo):
    today = dt.date(2026, 1, 15)
    learning = with_tracking(
        Recommendation.objects.filter(session__number=4, position=2, forum__slug="2021-almaty")
    ).get()
    state = track(learning, today)
    assert state.overdue and not state.due_soon  # deadline 2025-12-31, still in progress
    assert state.stale  # last update 2023
    assert state.first_response_days == (dt.date(2022, 3, 15) - dt.date(2021, 10, 6)).days
    silent = with_tracking(
        Recommendation.objects.filter(session__number=1, position=3, forum__slug="2021-almaty")
    ).get()
    quiet = track(silent, today)
    assert quiet.days_without_response == (today - dt.date(2021, 10, 6)).days
    monitoring = with_tracking(
        Recommendation.objects.filter(session__number=2, position=2, forum__slug="2021-almaty")
    ).get()
    assert track(monitoring, dt.date(2027, 6, 10)).due_soon


def test_dashboard_counts_and_chart(client, demo):
    html = client.get("/en/follow-up/?forum=2021-almaty").content.decode()
    assert "<svg" in html and "<table>" in html
    assert "Response rate" in html and "13% (3 of 23 have a formal response)" in html
    assert "Civil society disagrees" in html and "Oldest unanswered" in html


def test_dashboard_query_count_is_flat(client, demo):
    def queries():
        client.cookies["nocache"] = "1"
        with CaptureQueriesContext(connection) as ctx:
            client.get("/en/follow-up/")
        return len(ctx.captured_queries)

    before = queries()
    session = SessionFactory()
    for rec in RecommendationFactory.create_batch(15, session=session):
        ProgressUpdate.objects.create(recommendation=rec, status="in_progress", text={"en": "x"}, reporter="actor")
        Response.objects.create(recommendation=rec, addressee=rec.addressees.first(), status="noted")
    assert queries() == before <= 15


def test_recommendation_page_query_budget_with_follow_up(client, demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=4, position=2)
    client.cookies["nocache"] = "1"
    with CaptureQueriesContext(connection) as ctx:
        client.get(rec.get_absolute_url())
    assert len(ctx.captured_queries) <= 15


def test_recommendation_page_query_budget_signed_in(client, demo):
    """Rendered afresh for a participant, panels with nothing to show ask nothing; sessions live in Redis in
    production, so the session-table lookup of the test settings is not counted."""
    client.force_login(UserFactory())
    client.get("/en/")  # what a session's first request sets up once is not the page's cost
    counts = []
    for rec in Recommendation.objects.filter(forum__slug="2021-almaty"):
        client.cookies.pop(settings.CSRF_COOKIE_NAME, None)  # no stored copy: the page is rendered
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(rec.get_absolute_url()).status_code == 200
        counts.append(sum(1 for q in ctx.captured_queries if "django_session" not in q["sql"]))
    assert max(counts) <= 15
    assert min(counts) <= 11  # a recommendation without recurrences, projects or actions skips those panels


def test_demo_entries_are_marked(demo):
    assert Response.objects.filter(is_demo=False).count() == 0
    assert Assessment.objects.get().is_demo
    assert ResponsibleActor.objects.filter(trackable__kind="recommendation").count() == 2


def test_bulk_csv_checks_every_line_and_writes_all_or_nothing(client, demo):
    editor = UserFactory(role="editor")
    client.force_login(editor)
    before = ProgressUpdate.objects.count()
    bad = (
        "recommendation,status,date,text,reporter\n"
        "2021-S1-R1,in_progress,2024-01-05,Regional meeting held,secretariat\n"
        "2021-S1-R2,finished,2024-01-05,Typo in status,secretariat\n"
        "2099-S1-R1,planned,2024-13-01,,martian\n"
    )
    response = client.post("/en/follow-up/bulk/", {"file": SimpleUploadedFile("u.csv", bad.encode())})
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert "Line 3: unknown status “finished”" in html
    assert "Line 4:" in html and "YYYY-MM-DD" in html and "the text is empty" in html
    assert ProgressUpdate.objects.count() == before
    good = (
        "recommendation,status,date,text\n"
        "2021-S1-R1,in_progress,2024-01-05,Regional meeting held\n"
        f"{Recommendation.objects.get(forum__slug='2021-almaty', session__number=3, position=1).pk},planned,"
        "2024-02-01,Course planned\n"
    )
    response = client.post("/en/follow-up/bulk/", {"file": SimpleUploadedFile("u.csv", good.encode())})
    assert response.status_code == 200 and ProgressUpdate.objects.count() == before  # a preview first
    response = client.post("/en/follow-up/bulk/", {"payload": response.context["payload"]})
    assert response.status_code == 302
    assert ProgressUpdate.objects.count() == before + 2


def test_bulk_csv_is_for_editors_only(client, focal_point):
    client.force_login(focal_point)
    assert client.get("/en/follow-up/bulk/").status_code == 403


def test_editors_add_responsible_actors(client, demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=1, position=1)
    carec = Organisation.objects.get(slug="carec")
    url = f"/en/recommendations/{rec.pk}/actor/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role="editor"))
    client.post(url, {"organisation": carec.pk, "role": "contributing", "deadline": "2027-01-01"})
    actor = ResponsibleActor.objects.get(recommendation=rec)
    assert (actor.organisation, actor.role, str(actor.deadline)) == (carec, "contributing", "2027-01-01")


def test_form_pages_are_titled_in_the_readers_language(client, demo):
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=2, position=2)
    member = UserFactory()
    Membership.objects.create(
        user=member, organisation=Organisation.objects.get(slug="green-steppe"), status="approved"
    )
    client.force_login(member)
    assert "Оценка вашей организации" in client.get(f"/ru/recommendations/{rec.pk}/assess/").content.decode()
