"""Recurring recommendations: suggestions by similarity, editors' decisions, "raised N times since YEAR"."""

import pytest

from kurultai.followup import recurrence
from kurultai.followup.models import RecurrenceLink
from kurultai.forums.models import Recommendation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def rec(forum, session, position):
    return Recommendation.objects.get(forum__slug=forum, session__number=session, position=position)


def test_suggestions_pair_similar_requests_across_editions(demo):
    pairs = {
        (x.recommendation.reference, x.earlier.reference)
        for x in RecurrenceLink.objects.select_related(
            "recommendation__forum", "recommendation__session", "earlier__forum", "earlier__session"
        )
    }
    assert ("2025-S5-R1", "2021-S2-R5") in pairs  # women's empowerment and domestic violence
    assert all(a.startswith("2025") and b.startswith("2021") for a, b in pairs)  # only towards earlier forums
    assert recurrence.suggest() == 0  # known pairs are not suggested again


def test_page_says_how_often_a_request_was_raised(client, demo):
    html = client.get(rec("2025-almaty", 1, 1).get_absolute_url()).content.decode()
    assert "Raised 2 times since 2021." in html and "2021-S3-R2" in html


def test_chains_are_followed_back(demo):
    from kurultai.forums.models import Forum
    from tests.factories import RecommendationFactory

    editor = UserFactory(role="editor")
    first, later = rec("2021-almaty", 4, 1), rec("2025-almaty", 2, 1)
    middle = RecommendationFactory(session=Forum.objects.get(slug="2023-tashkent").sessions.get(number=1))
    recurrence.link(editor, later, middle)
    recurrence.link(editor, middle, first)
    assert [r.pk for r in recurrence.history(later)] == [first.pk, middle.pk]


def test_editors_confirm_or_reject_and_others_cannot(client, demo):
    suggestion = RecurrenceLink.objects.filter(status="suggested").first()
    client.force_login(UserFactory())
    assert client.get("/en/follow-up/recurrences/").status_code == 403
    client.force_login(UserFactory(role="editor"))
    assert suggestion.recommendation.reference in client.get("/en/follow-up/recurrences/").content.decode()
    client.post("/en/follow-up/recurrences/", {"link": suggestion.pk, "decision": "reject"})
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and suggestion.decided_by is not None


def test_manual_link_must_point_to_an_earlier_forum(client, demo):
    client.force_login(UserFactory(role="editor"))
    response = client.post("/en/follow-up/recurrences/", {"recommendation": "2021-S1-R1", "earlier": "2025-S1-R1"})
    assert "must come from an earlier forum" in response.content.decode()
    response = client.post("/en/follow-up/recurrences/", {"recommendation": "2025-S3-R1", "earlier": "nonsense"})
    assert "No single published recommendation" in response.content.decode()
    client.post("/en/follow-up/recurrences/", {"recommendation": "2025-S3-R1", "earlier": "2021-S1-R3"})
    assert RecurrenceLink.objects.filter(status="confirmed", recommendation=rec("2025-almaty", 3, 1)).exists()
