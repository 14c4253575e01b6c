"""Offline DOCX template round trip, DOCX export, photos, messages and visit requests through the platform,
demonstration sites grouped by country and region, feeds and search."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document

from kurultai.core.search import matching_ids
from kurultai.knowledge import documents, services
from kurultai.knowledge.models import ContactMessage, Photo, Practice, VisitRequest
from kurultai.notifications import services as notify
from tests.factories import UserFactory
from tests.knowledge.factories_knowledge import MembershipFactory, OrganisationFactory, png, published_practice, site

pytestmark = pytest.mark.django_db

DOCX = documents.DOCX_TYPE


def _filled_template(client, **values) -> bytes:
    response = client.get("/en/knowledge/practices/template.docx")
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    document = Document(io.BytesIO(response.content))
    fields, blocks = document.tables[0], document.tables[1]
    for row in fields.rows:
        label = row.cells[0].text
        code = label[label.rindex("[") + 1 : -1]
        if code in values:
            row.cells[1].text = values[code]
    blocks.rows[1].cells[0].text = "Shared threshing floor"
    blocks.rows[1].cells[2].text = "Elders agree the schedule."
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_template_round_trip(client):
    member = UserFactory()
    client.force_login(member)
    data = _filled_template(
        client,
        title="Threshing together in Sughd",
        summary="Villages share one threshing floor.",
        challenge="Grain was lost.",
        solution="A shared floor and a schedule.",
        country="tj",
        themes="climate-change, water-saving",
        cost_amount="350,50",
        cost_currency="usd",
        latitude="40.28",
        longitude="69.62",
    )
    upload = SimpleUploadedFile("mine.docx", data, content_type=DOCX)
    response = client.post("/en/knowledge/practices/upload/", {"document": upload, "language": "ru"})
    practice = Practice.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{practice.pk}/draft/")
    version = practice.versions.get()
    assert version.status == "draft" and version.original_language == "ru"
    assert version.title.texts() == {"ru": "Threshing together in Sughd"}
    assert version.country.code == "TJ" and str(version.cost_amount) == "350.50" and version.cost_currency == "USD"
    assert sorted(t.slug for t in version.themes.all()) == ["climate-change", "water-saving"]
    assert [str(b.enabling_factors) for b in version.building_blocks.all()] == ["Elders agree the schedule."]
    assert practice.created_by == member


def test_a_mismatching_docx_says_what_is_missing(client):
    client.force_login(UserFactory())
    other = Document()
    other.add_paragraph("My annual report")
    out = io.BytesIO()
    other.save(out)
    response = client.post(
        "/en/knowledge/practices/upload/",
        {"document": SimpleUploadedFile("report.docx", out.getvalue()), "language": "en"},
    )
    text = response.content.decode()
    assert response.status_code == 200 and "not the good practice template" in text and "Challenge" in text
    partial = _filled_template(client, title="Only a title")
    response = client.post(
        "/en/knowledge/practices/upload/", {"document": SimpleUploadedFile("t.docx", partial), "language": "en"}
    )
    text = response.content.decode()
    assert "missing required parts: Summary, Challenge, Solution" in text
    wrong = _filled_template(client, title="T", summary="S", challenge="C", solution="S", themes="water, nonsense")
    response = client.post(
        "/en/knowledge/practices/upload/", {"document": SimpleUploadedFile("t.docx", wrong), "language": "en"}
    )
    assert "unknown theme codes: nonsense, water" in response.content.decode()
    not_docx = SimpleUploadedFile("t.docx", b"%PDF-1.4 not a docx")
    response = client.post("/en/knowledge/practices/upload/", {"document": not_docx, "language": "en"})
    assert "This is not a DOCX file" in response.content.decode()
    broken = SimpleUploadedFile("t.docx", b"PK\x03\x04broken zip")
    response = client.post("/en/knowledge/practices/upload/", {"document": broken, "language": "en"})
    assert "could not be read" in response.content.decode()
    assert not Practice.objects.exists()


def test_docx_export_and_print_view(client):
    practice = published_practice("Community water points")
    response = client.get(f"/en/knowledge/practices/{practice.pk}/practice.docx")
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Community water points" in text and "What was done." in text
    page = client.get(f"/en/knowledge/practices/{practice.pk}/print/").content.decode()
    assert "knowledge/print.css" in page and "Community water points" in page and "<nav" not in page


def test_photos_are_checked_resized_and_need_a_description(client):
    practice = published_practice()
    draft = services.start_new_version(practice, practice.created_by)
    client.force_login(practice.created_by)
    url = f"/en/knowledge/practices/{practice.pk}/photos/"
    fake = SimpleUploadedFile("photo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(url, {"image": fake, "alt": "A tank"}, follow=True)
    assert "A photo must be a JPEG, PNG or WebP image." in response.content.decode()
    response = client.post(url, {"image": SimpleUploadedFile("p.png", png()), "alt": ""}, follow=True)
    assert "This field is required." in response.content.decode()
    client.post(url, {"image": SimpleUploadedFile("p.png", png()), "alt": "Children at the tank"})
    photo = Photo.objects.get()
    assert photo.version == draft and (photo.width, photo.height) == (1600, 800)
    assert photo.image.name.startswith("knowledge/photos/") and not photo.image.name.endswith("p.png")
    # A photo of a draft is not public; the owner sees it.
    assert client.get(f"/en/knowledge/photos/{photo.pk}/").status_code == 200
    client.logout()
    assert client.get(f"/en/knowledge/photos/{photo.pk}/").status_code == 404


def test_contact_reaches_the_people_behind_a_practice_without_showing_their_address(
    client, smtp, worker, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, role="admin", user__email="admin@example.org").user
    practice = published_practice("Seed bank", contact_organisation=organisation)
    practice.contact_person.email = "contact@example.org"
    practice.contact_person.save(update_fields=["email"])
    page = client.get(f"/en/knowledge/practices/{practice.pk}/").content.decode()
    assert "contact@example.org" not in page and "admin@example.org" not in page
    assert client.get(f"/en/knowledge/practices/{practice.pk}/contact/").status_code == 302
    client.force_login(UserFactory(display_name="Nodira"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/knowledge/practices/{practice.pk}/contact/", {"text": "Could we copy the seed bank in Khujand?"}
        )
    assert response.status_code == 302
    worker()
    notify.drain(now=timezone.now() + dt.timedelta(minutes=5))
    assert {m["To"] for m in smtp.messages} == {"admin@example.org", "contact@example.org"}
    body = smtp.messages[0].get_body(("plain",)).get_content()
    assert "Could we copy the seed bank in Khujand?" in body and "Nodira" in body
    assert ContactMessage.objects.count() == 1
    assert admin.pk != practice.contact_person_id


def test_visit_request_reaches_the_host_and_is_rate_limited(client, smtp, worker, django_capture_on_commit_callbacks):
    host = OrganisationFactory()
    MembershipFactory(organisation=host, role="admin", user__email="host@example.org")
    MembershipFactory(organisation=host, role="representative", user__email="rep@example.org")
    garden = site(host=host)
    visitor = UserFactory(display_name="Timur")
    client.force_login(visitor)
    url = f"/en/knowledge/sites/{garden.pk}/visit/"
    form = {"when": "A Saturday in May", "group_size": "12", "message": "A class of students would like to see it."}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, form).status_code == 302
    worker()
    notify.drain(now=timezone.now() + dt.timedelta(minutes=5))
    (mail,) = smtp.messages
    assert mail["To"] == "host@example.org"
    body = mail.get_body(("plain",)).get_content()
    assert "A class of students would like to see it." in body and "A Saturday in May" in body and "12" in body
    client.post(url, form)
    client.post(url, form)
    response = client.post(url, form)
    assert response.status_code == 200 and "try again tomorrow" in response.content.decode()
    assert VisitRequest.objects.count() == 3
    bad = client.post(url, {"when": "", "group_size": "0", "message": "hi"})
    assert bad.status_code == 200 and VisitRequest.objects.count() == 3


def test_sites_are_listed_by_country_and_region_without_a_map(client):
    site(name={"en": "Garden in Nukus"}, region="Karakalpakstan")
    site(name={"en": "Orchard in Samarkand"}, region="Samarkand")
    from kurultai.core.models import Country

    site(name={"en": "Shop corner in Almaty"}, region="Almaty", country=Country.objects.get(code="KZ"))
    site(name={"en": "Hidden draft"}, status="draft")
    page = client.get("/en/knowledge/sites/").content.decode()
    assert page.index("Kazakhstan") < page.index("Shop corner") < page.index("Uzbekistan")
    assert page.index("Karakalpakstan") < page.index("Garden in Nukus") < page.index("Samarkand</h3>")
    assert "Hidden draft" not in page and "tile" not in page


def test_search_and_feeds_hold_only_published_practices(client):
    published = published_practice("Glacier melt early warning", themes=("disaster-risk-adaptation",))
    draft = published_practice("Secret draft of a glacier plan")
    Practice.objects.filter(pk=draft.pk).update(current=None)
    draft.versions.update(status="draft")
    from kurultai.core import search

    search.rebuild(["practice"])
    assert matching_ids("glacier", "practice") == [published.pk]
    feed = client.get("/en/knowledge/themes/disaster-risk-adaptation/feed/").content.decode()
    assert "Glacier melt early warning" in feed and "Secret draft" not in feed
    assert client.get("/en/knowledge/themes/no-such-theme/feed/").status_code == 404
    assert "Glacier melt" not in client.get("/en/knowledge/themes/youth/feed/").content.decode()


def test_publishers_add_sites_with_checked_coordinates(client):
    from kurultai.core.models import AuditEntry, Country
    from kurultai.knowledge.models import DemoSite
    from tests.knowledge.factories_knowledge import hub_person

    host = OrganisationFactory()
    form = {
        "language": "en",
        "name": "Solar dryer at the cooperative",
        "host": host.pk,
        "country": Country.objects.get(code="KG").pk,
        "region": "Issyk-Kul",
        "what_to_see": "Apricots drying without dust.",
        "latitude": "42.5",
        "longitude": "",
        "status": "published",
    }
    client.force_login(UserFactory())
    assert client.get("/en/knowledge/sites/new/").status_code == 403
    client.force_login(hub_person("publisher"))
    response = client.post("/en/knowledge/sites/new/", form)
    assert response.status_code == 200 and "Give both latitude and longitude, or neither." in response.content.decode()
    response = client.post("/en/knowledge/sites/new/", {**form, "longitude": "77.9"})
    made = DemoSite.objects.get()
    assert response.status_code == 302 and str(made.longitude) == "77.90000" and made.host == host
    assert AuditEntry.objects.filter(action="site.saved").exists()
    photo = SimpleUploadedFile("p.png", png(800, 600))
    client.post(f"/en/knowledge/sites/{made.pk}/photos/", {"image": photo, "alt": "The dryer"})
    (stored,) = Photo.objects.filter(site=made)
    assert (stored.width, stored.height) == (800, 600)
    client.logout()
    page = client.get(f"/en/knowledge/sites/{made.pk}/").content.decode()
    assert "Solar dryer at the cooperative" in page and 'alt="The dryer"' in page
    assert client.get(f"/en/knowledge/photos/{stored.pk}/")["Cache-Control"].startswith("public")
