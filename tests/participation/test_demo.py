"""The demo: registration open on the fictional forum, past attendance with valid certificates."""

import pytest

from kurultai.certificates.models import Certificate
from kurultai.participation import demo as participation_demo
from kurultai.participation.models import Call


@pytest.mark.django_db
def test_demo_opens_registration_and_certifies_past_attendance(client, demo):
    call = Call.objects.get(forum__slug="demo-forum-2027")
    assert call.formats() == ["in_person", "online"]
    assert call.registrations.filter(status="accepted").count() == 2
    certificates = Certificate.objects.filter(source_type="participation.registration")
    assert certificates.count() == 2 and all("(demo)" in c.issuer for c in certificates)
    page = client.get(certificates[0].get_absolute_url())
    assert "Valid" in page.content.decode()
    participation_demo.load()  # loading twice changes nothing
    assert Certificate.objects.filter(source_type="participation.registration").count() == 2
    assert call.registrations.count() == 2
