"""The shared moderation mechanism on another app's content: partner requests are reported, queued, hidden
(gone from the list, the feed and search, the reason shown in place) and restored; limits on posting."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings

from kurultai.core import moderation
from kurultai.core.moderation_limits import PostingTooFast, check_posting_rate
from kurultai.core.moderation_models import ModerationReport
from kurultai.core.search import search
from kurultai.organisations.models import Membership, Organisation, PartnerRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_request():
    organisation = Organisation.objects.create(slug="steppe-bees", name={"en": "Steppe Bees"})
    author = UserFactory()
    Membership.objects.create(user=author, organisation=organisation, status="approved")
    return PartnerRequest.objects.create(
        organisation=organisation,
        author=author,
        title={"en": "Partners for beekeeping cooperatives"},
        purpose={"en": "We look for partners in Tajikistan for pollinator-friendly farming."},
    )


def test_reports_are_grouped_per_item_and_hiding_removes_it_everywhere(client, partner_request):
    for _ in range(2):
        moderation.report(partner_request, actor=UserFactory(), reason="spam", details="advertising")
    moderator = UserFactory(role="moderator")
    client.force_login(moderator)
    queue = client.get("/en/moderation/").content.decode()
    assert queue.count(f"item-organisations.partnerrequest-{partner_request.pk}") == 1 and "2 reports" in queue
    client.post(
        f"/en/moderate/organisations.partnerrequest/{partner_request.pk}/", {"action": "hide", "reason": "advertising"}
    )
    assert ModerationReport.objects.filter(status="upheld").count() == 2
    client.logout()
    assert "beekeeping" not in client.get("/en/partners/").content.decode()
    assert "beekeeping" not in client.get("/en/partners/feed.atom").content.decode()
    assert not [h for h in search("beekeeping") if h.object_id == partner_request.pk]
    page = client.get(partner_request.get_absolute_url())
    assert page.status_code == 410
    assert "Hidden by a moderator: advertising" in page.content.decode()
    assert "pollinator" not in page.content.decode()

    moderation.restore(partner_request, actor=moderator, reason="checked: a real request")
    assert "beekeeping" in client.get("/en/partners/").content.decode()


def test_the_hide_form_needs_a_reason_and_a_moderator(client, partner_request):
    url = f"/en/moderate/organisations.partnerrequest/{partner_request.pk}/"
    client.force_login(UserFactory())
    assert client.post(url, {"action": "hide", "reason": "x"}).status_code == 403
    client.force_login(UserFactory(role="moderator"))
    client.post(url, {"action": "hide", "reason": "  "})
    client.post(url, {"action": "hide", "reason": "x" * 501})
    partner_request.refresh_from_db()
    assert not partner_request.is_hidden
    assert client.post(url, {"action": "explode"}).status_code == 404


@override_settings(KURULTAI_POSTING_LIMIT=3, KURULTAI_POSTING_WINDOW=60)
def test_posting_limits_are_per_person_and_spare_moderators():
    cache.clear()
    busy, calm, moderator = UserFactory(), UserFactory(), UserFactory(role="moderator")
    for _ in range(3):
        check_posting_rate(busy)
    with pytest.raises(PostingTooFast, match="faster than we allow"):
        check_posting_rate(busy)
    check_posting_rate(calm)
    for _ in range(10):
        check_posting_rate(moderator)
    cache.clear()
