"""Registration mails travel through the notification outbox: a delivery per mail, retried when SMTP fails, in
the person's language, with the forum's programme attached as an .ics file."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.utils import timezone

from kurultai.notifications.models import Delivery, Event
from kurultai.participation import services
from tests.factories import SessionFactory, UserFactory
from tests.participation.factories import CallFactory

pytestmark = pytest.mark.django_db


def test_confirmation_and_reminder_are_deliveries_with_a_calendar(smtp, worker, django_capture_on_commit_callbacks):
    call = CallFactory(reminder_days=40)
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=30)
    SessionFactory(forum=call.forum, number=1, starts_at=start, ends_at=start + dt.timedelta(hours=1), room="Hall A")
    person = UserFactory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(call, person, fmt="in_person", details={"name": "Gulnara"})
    worker()
    event = Event.objects.get(code="participation.registration_accepted")
    assert event.object_id == str(registration.pk)
    delivery = Delivery.objects.get(event=event, user=person, channel="email")
    assert delivery.status == Delivery.Status.SENT
    (mail,) = [m for m in smtp.messages if m["To"] == person.email]
    assert "Your place is confirmed" in mail["Subject"]
    body = mail.get_body(("plain",)).get_content()
    assert registration.check_in_code in body and f"/forums/{call.forum.slug}/registration/" in body
    (part,) = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    content = part.get_content()
    ics = icalendar.Calendar.from_ical(content if isinstance(content, bytes) else content.encode())
    assert [str(e["location"]).split(";")[0] for e in ics.walk("VEVENT")] == ["Hall A"]

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders() == 1
    worker()
    reminder = [m for m in smtp.messages if m["To"] == person.email][-1]
    assert reminder["Subject"].endswith(f"Soon: {call.forum.title}")
    assert any(p.get_content_type() == "text/calendar" for p in reminder.iter_attachments())

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration, actor=person)
    worker()
    cancelled = [m for m in smtp.messages if m["To"] == person.email][-1]
    assert "Registration cancelled" in cancelled["Subject"]
    assert not any(p.get_content_type() == "text/calendar" for p in cancelled.iter_attachments())


def test_the_mail_is_in_the_persons_language(smtp, worker, django_capture_on_commit_callbacks):
    call = CallFactory()
    person = UserFactory(preferred_language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(call, person, fmt="online", details={"name": "Анна"})
    worker()
    (mail,) = [m for m in smtp.messages if m["To"] == person.email]
    delivery = Delivery.objects.get(user=person)
    assert delivery.language == "ru" and delivery.status == Delivery.Status.SENT
    assert "Анна" in mail.get_body(("plain",)).get_content()
