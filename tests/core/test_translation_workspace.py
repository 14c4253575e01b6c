"""Editors see which records lack a language and translate them beside the text shown today."""

import pytest

from kurultai.core.models import AuditEntry
from tests.factories import RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_editors_find_records_lacking_kyrgyz_and_translate_one(client):
    rec = RecommendationFactory(
        text={"en": "Open regional climate centres.", "ru": "Открыть центры.", "_machine": ["ru"]}
    )
    done = RecommendationFactory(text={"en": "Already done.", "ky": "Буга чейин которулган."})
    client.force_login(UserFactory(role="editor"))
    listing = client.get("/en/translations/?kind=forums.recommendation&language=ky").content.decode()
    assert f"/en/translations/forums.recommendation/{rec.pk}/ky/" in listing
    assert f"/en/translations/forums.recommendation/{done.pk}/ky/" not in listing
    page = client.get(f"/en/translations/forums.recommendation/{rec.pk}/ky/").content.decode()
    assert "Open regional climate centres." in page and 'lang="ky"' in page
    response = client.post(f"/en/translations/forums.recommendation/{rec.pk}/ky/", {"text": "Аймактык борборлор."})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.text["ky"] == "Аймактык борборлор." and rec.text["en"] == "Open regional climate centres."
    assert rec.text["_machine"] == ["ru"]
    assert AuditEntry.objects.filter(action="core.translation_edited", object_id=str(rec.pk)).exists()
    listing = client.get("/en/translations/?kind=forums.recommendation&language=ky").content.decode()
    assert f"/en/translations/forums.recommendation/{rec.pk}/ky/" not in listing


def test_a_person_correcting_a_machine_translation_clears_its_mark(client):
    rec = RecommendationFactory(text={"en": "Open centres.", "ru": "Открыть центры (машинный).", "_machine": ["ru"]})
    client.force_login(UserFactory(role="editor"))
    client.post(f"/en/translations/forums.recommendation/{rec.pk}/ru/", {"text": "Открыть региональные центры."})
    rec.refresh_from_db()
    assert rec.text["ru"] == "Открыть региональные центры." and "ru" not in rec.text.get("_machine", [])


def test_bad_input_is_refused_without_saving(client):
    rec = RecommendationFactory(text={"en": "Open centres."})
    client.force_login(UserFactory(role="editor"))
    assert client.get("/en/translations/?kind=planet.mars&language=ky").status_code == 400
    assert client.get(f"/en/translations/forums.recommendation/{rec.pk}/xx/").status_code == 404
    response = client.post(f"/en/translations/forums.recommendation/{rec.pk}/ky/", {"text": "bad\x00text"})
    assert response.status_code == 200
    rec.refresh_from_db()
    assert "ky" not in rec.text


def test_members_cannot_use_the_workspace(client):
    client.force_login(UserFactory())
    assert client.get("/en/translations/").status_code == 403
