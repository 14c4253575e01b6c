"""Hostile input on the dialogue and moderation pages gives a 4xx or a form error, never a server error."""

from __future__ import annotations

import pytest

from tests.dialogue.factories import ConsultationFactory, ContributionFactory, PositionFactory, representative_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BAD = ["99999999999999999999", "²", "abc", "-1", "\x00", "x" * 200_000]


def test_bad_values_never_cause_a_server_error(client):
    consultation = ConsultationFactory(kind="document")
    contribution = ContributionFactory(consultation=consultation)
    position = PositionFactory()
    user, _organisation = representative_of()
    moderator = UserFactory(role="moderator")
    editor = UserFactory(role="editor")
    pages = [
        ("/en/consultations/", ["page", "phase"]),
        (consultation.get_absolute_url(), ["text", "paragraph", "parent", "organisation", "token", "text_language"]),
        (f"/en/consultations/contributions/{contribution.pk}/endorse/", ["organisation"]),
        (f"/en/consultations/{consultation.slug}/phase/", ["phase"]),
        (f"/en/consultations/{consultation.slug}/report/", ["report", "text_language"]),
        ("/en/consultations/new/", ["title", "question", "kind", "deadline", "time_zone", "languages", "organiser"]),
        ("/en/positions/", ["page"]),
        ("/en/positions/new/", ["organisation", "title", "text", "addressees", "text_language"]),
        (f"/en/positions/{position.slug}/sign/", ["organisation"]),
        (f"/en/positions/{position.slug}/edit/", ["title", "text"]),
        (f"/en/report/dialogue.contribution/{contribution.pk}/", ["reason", "details", "next"]),
        (f"/en/moderate/dialogue.contribution/{contribution.pk}/", ["action", "reason", "next"]),
        ("/api/v1/consultations", ["limit", "offset"]),
        (f"/api/v1/consultations/{consultation.pk}/contributions", ["limit", "offset"]),
        ("/api/v1/positions", ["limit", "offset"]),
    ]
    failures = []
    for actor in (user, moderator, editor):
        client.force_login(actor)
        for url, names in pages:
            for value in BAD:
                data = dict.fromkeys(names, value)
                for response in (client.get(url, data), client.post(url, data)):
                    if response.status_code >= 500:
                        failures.append(f"{url} {names} {value[:20]!r}: {response.status_code}")
    assert client.get("/en/positions/nothing-here/versions/99999999999999999999/").status_code == 404
    assert client.get("/api/v1/consultations/99999999999999999999999").status_code in (404, 422)
    assert not failures
