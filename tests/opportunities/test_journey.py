"""The issue's "done means", end to end through the shared outbox: an editor imports a donor feed and publishes two
items; a member in Dushanbe who follows opportunities in Tajikistan about water hears of one on Telegram and in the
daily digest, reads the deadline on Dushanbe's clock, adds the deadline calendar, posts a partner search, talks with
an interested CSO, forms a consortium that exports its concept note as DOCX; the item expires after its deadline."""

from __future__ import annotations

import datetime as dt
import io

import icalendar
import pytest
from django.utils import timezone

from kurultai.core.models import Country, Theme
from kurultai.notifications.models import Delivery
from kurultai.notifications.services import drain
from kurultai.notifications.telegram.models import Link
from kurultai.opportunities import services
from kurultai.opportunities.models import ConsortiumMember, DonorFeed, Opportunity, PartnerSearch
from kurultai.organisations.models import PartnerInterest
from tests.factories import UserFactory
from tests.notifications.conftest import smtp  # noqa: F401 - fixture
from tests.notifications.telegram.conftest import api, clock, telegram  # noqa: F401 - fixtures
from tests.opportunities.factories_opportunities import OrganisationFactory, representative
from tests.opportunities.feed_server import DonorSite

pytestmark = pytest.mark.django_db
CHAT = "992001"


def test_done_means(client, smtp, telegram, django_capture_on_commit_callbacks):  # noqa: F811
    capture = django_capture_on_commit_callbacks
    tajikistan = Country.objects.get(code="TJ")
    water = Theme.objects.get(slug="water-management")
    donor = OrganisationFactory(type="eu", slug="eu-delegation-tj", name={"en": "EU Delegation to Tajikistan"})
    editor = UserFactory(role="editor")

    # A member in Dushanbe, linked to Telegram, follows opportunities in Tajikistan about water.
    home = OrganisationFactory(slug="pamir-water", country=tajikistan, name={"en": "Pamir Water Users"})
    member = representative(home, user__email="dilnoza@example.org", user__preferred_language="en")
    Link.objects.create(user=member, chat_id=CHAT)
    client.force_login(member)
    response = client.post(
        "/en/account/notifications/new/",
        {"stream": "opportunities", "dim_country": ["TJ"], "dim_theme": ["water-management"],
         "channels": ["email", "telegram"], "frequency": "daily"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]

    # The editor registers the donor's feed, reads it, completes and publishes two items.
    with DonorSite() as site:
        client.force_login(editor)
        register = {"name": "EU calls", "url": site.url("eu-calls.rss"), "donor": donor.pk, "kind": "call",
                    "time_zone": "Europe/Brussels"}  # fmt: skip
        assert client.post("/en/opportunities/sources/", register).status_code == 302
        feed = DonorFeed.objects.get()
        client.post("/en/opportunities/sources/", {"action": "read", "feed": feed.pk})
    water_call, youth_call, _tender = Opportunity.objects.filter(feed=feed).order_by("pk")
    services.update_opportunity(editor, water_call, eligible_countries=[tajikistan], themes=[water])
    kyrgyzstan, youth = Country.objects.get(code="KG"), Theme.objects.get(slug="youth")
    services.update_opportunity(editor, youth_call, eligible_countries=[kyrgyzstan], themes=[youth])
    with capture(execute=True):
        for item in (water_call, youth_call):
            assert client.post(f"/en/opportunities/{item.pk}/review/", {"action": "publish"}).status_code == 302

    # Only the water call concerns the member; it waits for the daily digest on both channels.
    deliveries = Delivery.objects.filter(user=member)
    assert {(d.channel, d.frequency, d.event.object_id) for d in deliveries} == {
        ("email", "daily", str(water_call.pk)),
        ("telegram", "daily", str(water_call.pk)),
    }
    drain(now=max(d.due_at for d in deliveries) + dt.timedelta(minutes=1))
    (telegram_text,) = telegram.sent_to(CHAT)
    assert "Civil society for water governance in Tajikistan" in telegram_text
    assert "Youth and digital skills" not in telegram_text
    (mail,) = [m for m in smtp.messages if m["To"] == "dilnoza@example.org"]
    body = mail.get_body(("plain",)).get_content()
    assert "Civil society for water governance in Tajikistan" in body
    assert f"/en/opportunities/{water_call.pk}/" in body

    # The Brussels deadline (12:00) is 16:00 in Dushanbe.
    client.force_login(member)
    page = client.get(f"/en/opportunities/{water_call.pk}/?tz=Asia/Dushanbe").content.decode()
    assert "14 March 2031, 12:00" in page and "14 March 2031, 16:00" in page

    # The deadline calendar for a calendar app.
    calendar = icalendar.Calendar.from_ical(client.get("/en/opportunities/deadlines.ics").content)
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert "Deadline: Civil society for water governance in Tajikistan" in summaries

    # A partner search for the call, answered by a CSO, and a conversation both sides read.
    response = client.post(
        f"/en/opportunities/{water_call.pk}/partners/new/",
        {"organisation": home.pk, "direction": "sought", "role": "co_applicant",
         "title": "Co-applicant in the Pyanj basin", "purpose": "We look for a CSO working with farmers.",
         "expertise": "irrigation, gender", "countries": [tajikistan.pk]},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    search = PartnerSearch.objects.get(opportunity=water_call)
    assert search.request.organisation == home
    assert "Co-applicant in the Pyanj basin" in client.get(water_call.get_absolute_url()).content.decode()

    cso = OrganisationFactory(slug="khujand-cso", country=tajikistan, name={"en": "Khujand Farmers"})
    partner = representative(cso, user__email="farrukh@example.org")
    client.force_login(partner)
    response = client.post(
        search.request.get_absolute_url(),
        {"organisation": cso.pk, "message": "We work with 40 farmer groups.", "text_language": "en"},
    )
    assert response.status_code == 302
    interest = PartnerInterest.objects.get(request=search.request)
    with capture(execute=True):
        client.force_login(member)
        client.post(f"/en/opportunities/conversations/{interest.pk}/", {"text": "Could you join a call on Monday?"})
        client.force_login(partner)
        client.post(f"/en/opportunities/conversations/{interest.pk}/", {"text": "Yes, Monday at 10."})
    page = client.get(f"/en/opportunities/conversations/{interest.pk}/").content.decode()
    assert "Could you join a call on Monday?" in page and "Yes, Monday at 10." in page
    assert "dilnoza@example.org" not in page and "farrukh@example.org" not in page
    told = Delivery.objects.filter(event__code="opportunities.message")
    assert {d.user for d in told} == {member, partner}  # each side hears of the other's message

    # A consortium of three, a half-written concept note, exported as DOCX.
    third = OrganisationFactory(slug="bishkek-uni", name={"en": "Bishkek Water Institute"})
    third_person = representative(third)
    client.force_login(member)
    response = client.post(
        f"/en/opportunities/{water_call.pk}/consortia/new/",
        {"lead": home.pk, "name": "Pyanj water consortium", "chat_url": "https://t.me/+pyanjwater"},
    )
    consortium = water_call.consortia.get()
    assert response.status_code == 302
    for org, role in ((cso, "co_applicant"), (third, "associate")):
        client.post(consortium.get_absolute_url(), {"action": "invite", "organisation": org.slug, "role": role})
    for person, org in ((partner, cso), (third_person, third)):
        client.force_login(person)
        seat = ConsortiumMember.objects.get(consortium=consortium, organisation=org)
        client.post(consortium.get_absolute_url(), {"action": "answer", "member": seat.pk, "confirm": "1"})
    assert consortium.members.filter(status="confirmed").count() == 3
    client.post(
        f"/en/opportunities/consortia/{consortium.pk}/concept_note/",
        {"action": "save", "text": "## Problem\n\nFarmers lose water.\n\n- Lining canals\n- Training", "base": "0"},
    )
    response = client.get(f"/en/opportunities/consortia/{consortium.pk}/proposal.docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Pyanj water consortium" in text and "Concept note" in text and "Farmers lose water." in text
    assert "Lining canals" in text and "Khujand Farmers" in text

    # After its deadline the call expires and leaves the list.
    assert services.expire_due(now=water_call.deadline + dt.timedelta(minutes=1)) >= 1
    water_call.refresh_from_db()
    assert water_call.expired_at is not None and water_call.stage == "closed"
    client.logout()
    assert water_call not in Opportunity.objects.current()
    assert timezone.now() < water_call.deadline  # the clock of the test was moved, not the world's
