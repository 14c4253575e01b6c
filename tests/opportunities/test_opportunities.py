"""Opportunities as members, editors and visitors meet them: proposing, reviewing, publishing, the list, the page,
time zones, feeds, calendars and expiry."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kurultai.core.models import AuditEntry
from kurultai.notifications.models import Event
from kurultai.opportunities import services
from kurultai.opportunities.models import Opportunity, SavedOpportunity
from tests.factories import UserFactory
from tests.opportunities.factories_opportunities import OpportunityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def editor():
    return UserFactory(role="editor")


def form_data(donor, **extra):
    deadline = timezone.localdate() + dt.timedelta(days=40)
    data = {
        "kind": "call",
        "stage": "open",
        "title_en": "Small grants for water user associations",
        "summary_en": "Grants for **community** water management.",
        "donor": donor.pk,
        "eligible_countries": [],
        "deadline_date": deadline.isoformat(),
        "deadline_time": "12:00",
        "deadline_model": "single",
        "time_zone": "Europe/Brussels",
        "amount_min": "10000",
        "amount_max": "50000",
        "currency": "eur",
        "applicant_types": ["local_ngo", "cbo"],
        "languages": ["en", "ru"],
    }
    data.update(extra)
    return data


def test_a_member_proposes_and_an_editor_publishes(client, editor, django_capture_on_commit_callbacks):
    donor = OrganisationFactory(type="eu")
    member = UserFactory()
    client.force_login(member)
    response = client.post("/en/opportunities/propose/", form_data(donor))
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = Opportunity.objects.get()
    assert proposal.status == "proposed" and proposal.currency == "EUR"
    assert proposal.local_deadline.hour == 12 and str(proposal.local_deadline.tzinfo) == "Europe/Brussels"
    # Visitors and other members do not see it before an editor publishes it.
    client.logout()
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert "Small grants" not in client.get("/en/opportunities/").content.decode()

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/en/opportunities/{proposal.pk}/review/", {"action": "publish"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "published" and proposal.reviewed_by == editor
    assert Event.objects.filter(code="opportunities.published", object_id=str(proposal.pk)).exists()
    assert AuditEntry.objects.filter(action="opportunity.published", object_id=str(proposal.pk)).exists()
    client.logout()
    assert "Small grants" in client.get("/en/opportunities/").content.decode()


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"amount_min": "90000", "amount_max": "1000"}, "amount_max", "smaller than the smallest"),
        ({"currency": "XYZ"}, "currency", "Unknown currency"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Unknown time zone"),
        ({"cofinancing_percent": "140"}, "cofinancing_percent", "percentage"),
    ],
)
def test_bad_values_are_explained_and_nothing_is_saved(client, extra, field, message):
    client.force_login(UserFactory())
    response = client.post("/en/opportunities/propose/", form_data(OrganisationFactory(), **extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert field in response.context["form"].errors
    assert not Opportunity.objects.exists()


def test_publishing_refuses_a_deadline_in_the_past(editor):
    opportunity = OpportunityFactory(status="proposed", deadline=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError) as caught:
        services.publish_opportunity(editor, opportunity)
    assert "already passed" in str(caught.value)
    opportunity.refresh_from_db()
    assert opportunity.status == "proposed" and not Event.objects.exists()


def test_publishing_refuses_a_duplicate_until_the_editor_confirms(editor):
    first = OpportunityFactory(title={"en": "Regional call on transboundary water cooperation 2026"})
    again = OpportunityFactory(
        status="proposed", donor=first.donor, title={"en": "Regional call on transboundary water cooperation, 2026"}
    )
    same_source = OpportunityFactory(status="proposed", source_id="EU-123")
    OpportunityFactory(source_id="EU-123")
    with pytest.raises(ValidationError, match="already listed"):
        services.publish_opportunity(editor, again)
    with pytest.raises(ValidationError, match="already listed"):
        services.publish_opportunity(editor, same_source)
    services.publish_opportunity(editor, again, allow_duplicate=True)
    again.refresh_from_db()
    assert again.status == "published"


def test_the_page_shows_the_brussels_deadline_on_the_readers_clock(client):
    deadline = dt.datetime(2031, 3, 14, 12, 0, tzinfo=BRUSSELS)  # 12:00 in Brussels = 16:00 in Dushanbe
    opportunity = OpportunityFactory(deadline=deadline, title={"en": "Water governance call"})
    html = client.get(f"{opportunity.get_absolute_url()}?tz=Asia/Dushanbe").content.decode()
    assert "14 March 2031, 12:00" in html and "Europe/Brussels" in html
    assert "In Asia/Dushanbe:" in html and "14 March 2031, 16:00" in html
    assert "Closes in" in html
    # Kabul is half an hour off: 15:30.
    assert "Kabul: 14 March, 15:30" in html
    # Open Graph: Telegram, WhatsApp and Facebook previews show title, donor and deadline.
    assert '<meta property="og:title" content="Water governance call">' in html
    assert f"{opportunity.donor.name} · Deadline 14 March 2031, 12:00 (Europe/Brussels)" in html


def test_list_filters_and_closing_soon_order(client):
    soon = OpportunityFactory(deadline=timezone.now() + dt.timedelta(days=3), title={"en": "Soon water call"})
    later = OpportunityFactory(deadline=timezone.now() + dt.timedelta(days=60), title={"en": "Later water call"})
    kyrgyz = OpportunityFactory(countries=["KG"], themes=["youth"], kind="fellowship", title={"en": "Youth fellowship"})
    everywhere = OpportunityFactory(is_global=True, countries=["EU"], title={"en": "Global award"}, kind="award")
    OpportunityFactory(status="proposed", title={"en": "Unreviewed call"})
    client.force_login(UserFactory())  # signed-in pages are rendered afresh (no page cache)

    def titles(query=""):
        page = client.get(f"/en/opportunities/{query}").context["page"]
        return [str(o.title) for o in page.object_list]

    assert titles()[0] == "Soon water call" and titles().index("Soon water call") < titles().index("Later water call")
    assert "Unreviewed call" not in titles()
    assert set(titles("?country=TJ")) == {str(soon.title), str(later.title), str(everywhere.title)}
    assert titles("?country=KG&kind=fellowship") == [str(kyrgyz.title)]
    assert titles("?theme=water-management&window=7") == [str(soon.title)]
    assert set(titles("?applicant_type=cbo&language=ru")) >= {str(soon.title), str(later.title)}
    assert titles("?amount=150000&country=KG") == [str(kyrgyz.title), str(everywhere.title)]  # global: KG too
    assert titles("?amount=500000") == []
    assert titles("?order=new")[0] == str(everywhere.title)
    # Nonsense in the address bar is ignored, never an error.
    assert client.get("/en/opportunities/?country=ZZ&amount=lots&window=9&stage=x").status_code == 200


def test_items_expire_after_their_deadline():
    past = OpportunityFactory(title={"en": "Past call"})
    Opportunity.objects.filter(pk=past.pk).update(deadline=timezone.now() - dt.timedelta(minutes=5))
    current = OpportunityFactory(title={"en": "Current call"})
    assert services.expire_due() == 1
    past.refresh_from_db()
    assert past.expired_at is not None and past.stage == "closed" and not past.is_open
    assert list(Opportunity.objects.current()) == [current]
    assert services.expire_due() == 0
    assert AuditEntry.objects.filter(action="opportunity.expired", object_id=str(past.pk)).count() == 1


def test_expiry_runs_on_the_schedule():
    from kurultai.notifications.scheduler import jobs

    assert jobs.get("opportunities.expire") is not None
    assert jobs.get("opportunities.import_feeds") is not None


def test_the_atom_feed_lists_published_items_signed_by_the_donor(client):
    import feedparser

    OpportunityFactory(title={"en": "Published call"}, countries=["TJ"])
    OpportunityFactory(title={"en": "Kazakh call"}, countries=["KZ"])
    OpportunityFactory(status="proposed", title={"en": "Draft call"})
    response = client.get("/en/opportunities/feed/?country=TJ")
    parsed = feedparser.parse(response.content)
    assert [e.title for e in parsed.entries] == ["Published call"]
    assert parsed.entries[0].author.startswith("Organisation")
    assert parsed.entries[0].link.startswith("http")


def test_the_deadline_calendar_reminds_a_week_and_a_day_before(client):
    deadline = dt.datetime(2031, 5, 20, 17, 0, tzinfo=BRUSSELS)
    opportunity = OpportunityFactory(deadline=deadline, title={"en": "Call with reminders"})
    OpportunityFactory(status="proposed", title={"en": "Hidden draft"})
    response = client.get("/en/opportunities/deadlines.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = [c for c in calendar.walk("VEVENT")]
    assert "Call with reminders" in str(event["summary"])
    assert event.decoded("dtstart") == deadline
    assert str(event["dtstart"].params["TZID"]) == "Europe/Brussels"
    triggers = sorted(alarm.decoded("trigger") for alarm in event.walk("VALARM"))
    assert triggers == [-dt.timedelta(days=7), -dt.timedelta(days=1)]
    single = icalendar.Calendar.from_ical(client.get(f"/en/opportunities/{opportunity.pk}/deadline.ics").content)
    assert len(single.walk("VEVENT")) == 1


def test_saved_and_followed_deadlines_reach_the_personal_calendar(client):
    from kurultai.core.calendars import personal_events
    from kurultai.notifications.services import follow_terms, subscribe

    member = UserFactory()
    saved = OpportunityFactory(title={"en": "Saved call"})
    followed = OpportunityFactory(title={"en": "Followed call"})
    OpportunityFactory(title={"en": "Other call"})
    client.force_login(member)
    client.post(saved.get_absolute_url())
    assert SavedOpportunity.objects.filter(user=member, opportunity=saved).exists()
    assert "Saved call" in client.get("/en/opportunities/saved/").content.decode()
    subscribe(user=member, terms=follow_terms(followed))
    titles = sorted(e.title for e in personal_events(member))
    assert titles == ["Deadline: Followed call", "Deadline: Saved call"]
    client.post(saved.get_absolute_url())  # unsave
    assert not SavedOpportunity.objects.filter(user=member).exists()


def test_publishing_tells_followers_of_tajikistan_and_water_but_not_others():
    from kurultai.notifications.services import matching_subscriptions, subscribe
    from kurultai.opportunities.notifications import topics_of

    fan = subscribe(
        user=UserFactory(), terms={"stream": ["opportunities"], "country": ["TJ"], "theme": ["water-management"]}
    )
    other = subscribe(user=UserFactory(), terms={"stream": ["opportunities"], "country": ["KZ"]})
    fellowships = subscribe(user=UserFactory(), terms={"stream": ["opportunities"], "instrument": ["fellowship"]})
    opportunity = OpportunityFactory(countries=["TJ"])
    assert set(matching_subscriptions(topics_of(opportunity))) == {fan}
    global_call = OpportunityFactory(is_global=True, countries=[], themes=["youth"], kind="fellowship")
    assert set(matching_subscriptions(topics_of(global_call))) == {other, fellowships}
