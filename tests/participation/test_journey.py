"""The issue's "done means", through the pages: an editor opens registration with 2 in-person seats for a forum
with two parallel sessions; three people register, the third waits and is promoted when one cancels; everyone
gets a confirmation with a calendar file; a participant is checked in from the check-in page and downloads a
certificate whose QR code leads to a page that says "Valid"; the statistics count right."""

from __future__ import annotations

import datetime as dt
import io
import re

import icalendar
import pytest
from django.utils import timezone
from pypdf import PdfReader

from kurultai.participation.models import Call, Registration
from tests.certificates.test_certificates import qr_matrix_from_pdf, segno_matrix
from tests.factories import ForumFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def register_through_pages(client, user, forum, capture, fmt="in_person"):
    client.force_login(user)
    step1 = client.get(f"/en/forums/{forum.slug}/register/")
    assert step1.status_code == 200 and "Step 1 of 2" in step1.content.decode()
    step2 = client.get(f"/en/forums/{forum.slug}/register/", {"format": fmt, "on_behalf": "0"})
    assert "Step 2 of 2" in step2.content.decode()
    with capture(execute=True):
        return client.post(
            f"/en/forums/{forum.slug}/register/",
            {"format": fmt, "on_behalf": "", "name": f"{user.display_name} Әлиева", "country": "", "gender": "woman"},
            follow=True,
        )


def mails_to(smtp, user):
    return [m for m in smtp.messages if m["To"] == user.email]


def calendar_of(mail) -> icalendar.Calendar:
    (part,) = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    content = part.get_content()
    return icalendar.Calendar.from_ical(content if isinstance(content, bytes) else content.encode())


def test_done_means(client, smtp, worker, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    forum = ForumFactory(start_date=timezone.localdate() + dt.timedelta(days=20))
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=20)
    SessionFactory(forum=forum, number=1, starts_at=start, ends_at=start + dt.timedelta(hours=2), room="Hall A")
    SessionFactory(forum=forum, number=2, starts_at=start, ends_at=start + dt.timedelta(hours=2), room="Hall B")
    editor = UserFactory(role="editor")
    client.force_login(editor)
    now = timezone.localtime()
    response = client.post(
        f"/en/forums/{forum.slug}/participants/call/",
        {
            "opens_at": (now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
            "selection": "first_come",
            "capacity_in_person": "2",
            "capacity_online": "",
            "reminder_days": "3",
            "retention_days": "180",
            "issuer": "Demo organisers",
            "intro_en": "Come.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get(forum=forum)
    assert call.capacity_in_person == 2 and call.formats() == ["in_person"]

    people = [UserFactory() for _ in range(3)]
    pages = [register_through_pages(client, person, forum, capture) for person in people]
    assert "Your place is confirmed" in pages[0].content.decode()
    assert "Your place is confirmed" in pages[1].content.decode()
    assert "you are on the waiting list" in pages[2].content.decode()
    statuses = [Registration.objects.get(user=p).status for p in people]
    assert statuses == ["accepted", "accepted", "waitlisted"]

    worker()
    for person in people:
        (mail,) = mails_to(smtp, person)
        events = calendar_of(mail).walk("VEVENT")
        assert len(events) == 2 and {str(e["location"]).split(";")[0] for e in events} == {"Hall A", "Hall B"}
    assert "waiting list" in mails_to(smtp, people[2])[0].get_body(("plain",)).get_content()

    # The first person cancels; the third gets the seat and a mail saying so.
    client.force_login(people[0])
    with capture(execute=True):
        page = client.post(f"/en/forums/{forum.slug}/registration/cancel/", follow=True)
    assert "Your registration is cancelled" in page.content.decode()
    assert Registration.objects.get(user=people[2]).status == "accepted"
    worker()
    promoted = mails_to(smtp, people[2])[-1]
    assert "has become free" in promoted["Subject"]
    assert calendar_of(promoted).walk("VEVENT")
    assert "cancelled" in mails_to(smtp, people[0])[-1]["Subject"]

    # The second person is checked in at the door, from the check-in page (typed code, no JavaScript).
    second = Registration.objects.get(user=people[1])
    client.force_login(editor)
    page = client.post(f"/en/forums/{forum.slug}/check-in/", {"code": second.check_in_code.lower()})
    assert f"{second.name} is checked in" in page.content.decode()
    again = client.post(f"/en/forums/{forum.slug}/check-in/", {"code": second.check_in_code})
    assert "was already checked in" in again.content.decode()

    # They download their certificate; its QR code leads to a page saying "Valid".
    client.force_login(people[1])
    response = client.post(f"/en/forums/{forum.slug}/registration/certificate/")
    assert response.status_code == 302
    pdf = client.get(response["Location"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().replace("\n", "")
    assert second.name in text
    url = re.search(r"https?://\S+/en/certificates/[A-Z0-9-]+/", text).group(0)
    assert qr_matrix_from_pdf(pdf.content) == segno_matrix(url)
    client.logout()
    check = client.get(url.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    assert check.status_code == 200 and "Valid" in check.content.decode() and second.name in check.content.decode()

    # Statistics: 2 registered (one cancelled is not counted), 2 with a place, 1 attended, all in person.
    client.force_login(editor)
    html = client.get(f"/en/forums/{forum.slug}/participants/statistics/").content.decode()
    assert '<dd data-stat="registered">2</dd>' in html
    assert '<dd data-stat="attended">1</dd>' in html
    assert "<svg" in html
    csv = client.get(f"/en/forums/{forum.slug}/participants/statistics.csv").content.decode()
    assert "total,,,2,1" in csv and "format,in_person,In person,2,1" in csv
