"""The shared form widgets and the pages added with them are valid HTML."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.organisations.models import Membership, Organisation
from tests.factories import RecommendationFactory, UserFactory
from tests.test_html_validity import assert_valid

pytestmark = pytest.mark.django_db


def test_picker_translated_boxes_error_pages_and_previews_are_valid_html(client):
    organisation = Organisation.objects.create(slug="home", name={"en": "Home"})
    editor = UserFactory(role="editor")
    Membership.objects.create(user=editor, organisation=organisation, status="approved", role="admin")
    rec = RecommendationFactory()
    client.force_login(editor)
    urls = [
        f"/en/recommendations/{rec.pk}/actor/",
        f"/ru/recommendations/{rec.pk}/assess/",
        "/ru/organisations/propose/",
        "/en/organisations/proposals/",
        f"/en/organisations/{organisation.slug}/partners/new/",
        "/en/follow-up/bulk/",
        "/ru/no-such-page/",
        "/en/legal/privacy/",
        "/ru/legal/privacy/",
    ]
    for url in urls:
        assert_valid(client.get(url).content.decode(), url)
    found = client.post(f"/en/recommendations/{rec.pk}/actor/", {"organisation__q": "home", "organisation__find": "1"})
    assert_valid(found.content.decode(), "actor form after Find")
    data = f"recommendation,status,date,text\n{rec.pk},planned,2025-01-01,Planned <soon>\n".encode()
    preview = client.post("/en/follow-up/bulk/", {"file": SimpleUploadedFile("u.csv", data)})
    assert "Planned &lt;soon&gt;" in preview.content.decode()
    assert_valid(preview.content.decode(), "bulk preview")
