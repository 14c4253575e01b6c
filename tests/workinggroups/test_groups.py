"""Membership, conveners' rights, meetings and their calendar, documents and the discussion space."""

import datetime as dt

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.core.models import AuditEntry
from kurultai.workinggroups import services
from kurultai.workinggroups.models import GroupMembership, Post
from tests.factories import UserFactory
from tests.factories_more import MembershipFactory
from tests.workinggroups.factories import GroupMembershipFactory, MeetingFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def test_join_request_is_approved_by_a_convener_only(client):
    convener, other_convener = UserFactory(), UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    WorkingGroupFactory(conveners=[other_convener])
    rep = MembershipFactory()
    client.force_login(rep.user)
    join = client.post(f"/en/working-groups/{group.slug}/join/", {"organisation": rep.organisation.pk})
    assert join.status_code == 302
    membership = GroupMembership.objects.get(group=group, organisation=rep.organisation)
    assert membership.status == "requested"
    with pytest.raises(ValidationError):
        services.request_membership(rep.user, group, rep.organisation)
    url = f"/en/working-groups/{group.slug}/requests/{membership.pk}/"
    client.force_login(other_convener)
    assert client.post(url, {"decision": "approve"}).status_code == 403
    client.force_login(rep.user)
    assert client.post(url, {"decision": "approve"}).status_code == 403
    client.force_login(convener)
    assert client.post(url, {"decision": "approve"}).status_code == 302
    membership.refresh_from_db()
    assert membership.status == "approved"
    assert AuditEntry.objects.filter(action="workinggroups.membership_decided").count() == 1
    assert rep.organisation.name["en"] in client.get(group.get_absolute_url()).content.decode()


def test_conveners_manage_their_group_and_nobody_elses():
    convener = UserFactory()
    mine, theirs = WorkingGroupFactory(conveners=[convener]), WorkingGroupFactory()
    start = dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC)
    services.save_meeting(convener, mine, title="Kick-off", starts_at=start, time_zone="Asia/Bishkek")
    with pytest.raises(PermissionDenied):
        services.save_meeting(convener, theirs, title="Kick-off", starts_at=start, time_zone="Asia/Bishkek")
    editor = UserFactory(role="editor")
    services.save_meeting(editor, theirs, title="Kick-off", starts_at=start, time_zone="Asia/Bishkek")
    assert UserFactory().has_perm("workinggroups.manage_group", mine) is False


def test_meeting_form_reads_times_on_the_meetings_clock_and_calendar_parses(client):
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    client.force_login(convener)
    response = client.post(
        f"/en/working-groups/{group.slug}/meetings/new/",
        {"title": "Planning", "starts_at": "2026-09-01T10:00", "ends_at": "2026-09-01T12:00",
         "time_zone": "Asia/Tashkent", "online_url": "https://meet.example.org/x", "agenda": "1. **Plan**",
         "text_language": "en"},
    )  # fmt: skip
    assert response.status_code == 302
    meeting = group.meetings.get()
    assert meeting.starts_at == dt.datetime(2026, 9, 1, 5, tzinfo=dt.UTC)
    bad = client.post(
        f"/en/working-groups/{group.slug}/meetings/new/",
        {"title": "Backwards", "starts_at": "2026-09-01T10:00", "ends_at": "2026-09-01T09:00",
         "time_zone": "Asia/Tashkent", "text_language": "en"},
    )  # fmt: skip
    assert bad.status_code == 200 and group.meetings.count() == 1
    ics = client.get(f"/en/working-groups/{group.slug}/calendar.ics")
    calendar = icalendar.Calendar.from_ical(ics.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1 and str(events[0]["SUMMARY"]).endswith("Planning")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "<strong>Plan</strong>" in page


def test_personal_calendar_has_the_meetings_of_my_organisations_groups():
    from kurultai.core.calendars import personal_events

    membership = GroupMembershipFactory()
    MeetingFactory(group=membership.group, title={"en": "Members meet"})
    MeetingFactory(title={"en": "Someone else's"})
    person = MembershipFactory(organisation=membership.organisation).user
    titles = [e.title for e in personal_events(person)]
    assert any("Members meet" in t for t in titles) and not any("Someone else" in t for t in titles)


def test_documents_are_checked_by_content(client):
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    client.force_login(convener)
    url = f"/en/working-groups/{group.slug}/documents/new/"
    fake = SimpleUploadedFile("notes.pdf", b"MZ this is not a pdf", content_type="application/pdf")
    assert client.post(url, {"title": "Notes", "file": fake}).status_code == 200
    assert not group.documents.exists()
    pdf = SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    assert client.post(url, {"title": "Notes", "file": pdf}).status_code == 302
    document = group.documents.get()
    download = client.get(f"/en/working-groups/documents/{document.token}/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_discussion_is_for_member_organisations_and_replies_are_one_level(client):
    membership = GroupMembershipFactory()
    group = membership.group
    rep = MembershipFactory(organisation=membership.organisation).user
    outsider = MembershipFactory().user
    url = f"/en/working-groups/{group.slug}/discussion/"
    client.force_login(outsider)
    assert client.post(url, {"text": "Hello"}).status_code == 403
    client.force_login(rep)
    assert client.post(url, {"text": "", "organisation": ""}).status_code == 200
    assert client.post(url, {"text": "First thoughts", "organisation": membership.organisation.pk}).status_code == 302
    first = Post.objects.get()
    client.post(url, {"text": "A reply", "parent": first.pk})
    reply = Post.objects.get(parent=first)
    services.post_message(rep, group, text="Reply to a reply", parent=reply)
    assert Post.objects.filter(parent=first).count() == 2
    assert client.post(url, {"text": "x" * 4001}).status_code == 200
    first.hidden_at = first.created_at
    first.save()
    assert "First thoughts" not in client.get(url).content.decode()
