"""The demo dialogue loads twice without duplicates, and its pages stay within the page budget."""

from __future__ import annotations

import gzip

import pytest

from kurultai.dialogue import demo as dialogue_demo
from kurultai.dialogue.models import Contribution, Position, Signature

pytestmark = pytest.mark.django_db

BUDGET = 14 * 1024


def test_the_demo_dialogue_is_complete_idempotent_and_light(client, demo):
    counts = dialogue_demo.load()
    assert counts == dialogue_demo.load()
    position = Position.objects.get(slug="open-river-data-and-early-warning")
    assert position.is_demo and position.status == "submitted" and position.current.number == 2
    assert Signature.objects.filter(position=position, version__number=1).count() == 3
    assert Signature.objects.filter(position=position, version__number=2).count() == 2
    assert {c.language for c in Contribution.objects.filter(is_demo=True)} == {"en", "ru"}
    assert Contribution.objects.filter(is_demo=True, paragraph__isnull=False).exists()
    for url in (
        "/en/consultations/",
        "/en/consultations/draft-action-plan-water-climate/",
        "/en/positions/",
        position.get_absolute_url(),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        size = len(gzip.compress(response.content))
        assert size <= BUDGET, (url, size)
    page = client.get(position.get_absolute_url()).content.decode()
    assert "EU Delegation" in page or "European Union" in page
    assert "demo content" in page
