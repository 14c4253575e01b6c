"""Capacity, waiting list, decisions, format changes, check-in, travel, letters, privacy and retention."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from kurultai.core.models import AuditEntry
from kurultai.forums.hooks import can_see_online_link
from kurultai.participation import services
from kurultai.participation.models import CallStatistics, Registration
from kurultai.participation.pdf import badges_pdf, letter_pdf
from tests.factories import SessionFactory, UserFactory
from tests.participation.factories import CallFactory, RegistrationFactory

DETAILS = {"name": "Гүлнара Ҷӯраева"}


def reg(call, fmt="in_person", user=None):
    return services.register(call, user or UserFactory(), fmt=fmt, details=dict(DETAILS))


@pytest.mark.django_db
def test_first_come_fills_seats_then_waits_and_promotes_in_order():
    call = CallFactory(capacity_in_person=2)
    first, second, third, fourth = (reg(call) for _ in range(4))
    assert [r.status for r in (first, second, third, fourth)] == ["accepted", "accepted", "waitlisted", "waitlisted"]
    services.cancel(first, actor=first.user)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == "accepted" and fourth.status == "waitlisted"
    assert AuditEntry.objects.filter(action="participation.promoted", object_id=str(third.pk)).exists()


@pytest.mark.django_db
def test_clear_refusals():
    call = CallFactory()
    person = UserFactory()
    reg(call, user=person)
    with pytest.raises(ValidationError, match="already registered"):
        reg(call, user=person)
    with pytest.raises(ValidationError, match="no such format"):
        reg(CallFactory(capacity_online=None), fmt="online")
    closed = CallFactory(
        closes_at=timezone.now() - dt.timedelta(minutes=1), opens_at=timezone.now() - dt.timedelta(days=2)
    )
    with pytest.raises(ValidationError, match="closed"):
        reg(closed)
    later = CallFactory(opens_at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="not opened"):
        reg(later)


@pytest.mark.django_db
def test_cancelled_person_may_register_again_and_cancelling_twice_is_refused():
    call = CallFactory(capacity_in_person=1)
    person = UserFactory()
    first = reg(call, user=person)
    services.cancel(first, actor=person)
    with pytest.raises(ValidationError, match="already cancelled"):
        services.cancel(first, actor=person)
    again = reg(call, user=person)
    assert again.pk == first.pk and again.status == "accepted"


@pytest.mark.django_db
def test_application_mode_and_organisers_decisions():
    call = CallFactory(selection="application", capacity_in_person=1)
    editor = UserFactory(role="editor")
    a, b = reg(call), reg(call)
    assert a.status == b.status == "applied"
    services.decide(a, status="accepted", note="Strong profile", actor=editor)
    with pytest.raises(ValidationError, match="No seat is left"):
        services.decide(b, status="accepted", actor=editor)
    services.decide(b, status="waitlisted", actor=editor)
    services.decide(a, status="declined", actor=editor)
    b.refresh_from_db()
    a.refresh_from_db()
    assert b.status == "accepted" and a.status == "declined" and a.note == "Strong profile"


@pytest.mark.django_db
def test_change_of_format_keeps_a_seat_only_where_one_is_free_and_frees_the_old_one():
    call = CallFactory(capacity_in_person=1, capacity_online=1)
    seated, waiting = reg(call), reg(call)
    assert waiting.status == "waitlisted"
    services.change_format(seated, "online", actor=seated.user)
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.format, seated.status) == ("online", "accepted")
    assert waiting.status == "accepted"  # the in-person seat went to the waiting list
    other = reg(call, fmt="online")
    assert other.status == "waitlisted"
    with pytest.raises(ValidationError, match="No place is left"):
        services.change_format(waiting, "online", actor=waiting.user)


@pytest.mark.django_db
def test_larger_capacity_promotes_the_waiting_list():
    call = CallFactory(capacity_in_person=1)
    reg(call)
    waiting = reg(call)
    services.save_call(call.forum, actor=None, capacity_in_person=2)
    waiting.refresh_from_db()
    assert waiting.status == "accepted"


@pytest.mark.django_db
def test_online_link_only_for_accepted_online_participants():
    call = CallFactory(capacity_online=1)
    session = SessionFactory(forum=call.forum, online_url="https://meet.example.org/room")
    online = reg(call, fmt="online")
    waiting = reg(call, fmt="online")
    in_person = reg(call)
    assert can_see_online_link(online.user, session)
    assert not can_see_online_link(waiting.user, session)
    assert not can_see_online_link(in_person.user, session)
    assert not can_see_online_link(UserFactory(), session)


@pytest.mark.django_db
def test_check_in_rules_and_online_attendance_and_certificates():
    call = CallFactory()
    editor = UserFactory(role="editor")
    seated = reg(call)
    waiting = RegistrationFactory(call=call, status="waitlisted")
    with pytest.raises(ValidationError, match="No participant"):
        services.check_in(call, "NOPE", actor=editor)
    with pytest.raises(ValidationError, match="no confirmed place"):
        services.check_in(call, waiting.check_in_code, actor=editor)
    registration, already = services.check_in(call, seated.check_in_code, actor=editor)
    assert registration.status == "checked_in" and not already
    online = reg(call, fmt="online")
    services.confirm_attendance(online, actor=editor)
    assert services.issue_certificates(call, actor=editor) == 2
    assert services.issue_certificates(call, actor=editor) == 0
    with pytest.raises(ValidationError):
        services.issue_certificate(waiting)


@pytest.mark.django_db
def test_travel_support_and_invitation_letter_pdf():
    call = CallFactory()
    editor = UserFactory(role="editor")
    registration = reg(call)
    travel = services.request_travel(
        registration, amount=450, currency="eur", reason="Flight from Dushanbe", actor=None
    )
    services.decide_travel(travel, granted=300, actor=editor)
    travel.refresh_from_db()
    assert travel.status == "granted" and travel.amount_granted == 300
    with pytest.raises(ValidationError, match="already decided"):
        services.request_travel(registration, amount=500, currency="EUR", reason="", actor=None)
    letter = services.issue_letter(
        registration, passport_name="GULNARA JURAEVA", passport_number="AB123", nationality=None, actor=editor
    )
    text = PdfReader(io.BytesIO(letter_pdf(letter))).pages[0].extract_text()
    assert "GULNARA JURAEVA" in text and "AB123" in text


@pytest.mark.django_db
def test_badges_carry_name_and_check_in_code():
    call = CallFactory()
    registrations = [reg(call) for _ in range(2)]
    reader = PdfReader(io.BytesIO(badges_pdf(registrations, sheet=True)))
    text = reader.pages[0].extract_text()
    assert "Гүлнара Ҷӯраева" in text and registrations[1].check_in_code in text
    assert len(reader.pages) == 1
    assert len(PdfReader(io.BytesIO(badges_pdf(registrations))).pages) == 2


@pytest.mark.django_db
def test_feedback_once():
    call = CallFactory()
    registration = reg(call)
    services.give_feedback(registration, {"1": 5}, actor=None)
    with pytest.raises(ValidationError, match="already answered"):
        services.give_feedback(registration, {"1": 4}, actor=None)


@pytest.mark.django_db
def test_retention_removes_personal_fields_but_keeps_counts():
    call = CallFactory(retention_days=10)
    RegistrationFactory(call=call, gender="woman", age_band="25_34", accessibility="Wheelchair", answers={"1": "x"})
    RegistrationFactory(call=call, gender="man", age_band="35_49", status="checked_in")
    before = services.statistics(call)
    assert services.remove_expired_personal_data(timezone.now()) == 0  # the forum has not happened yet
    later = timezone.now() + dt.timedelta(days=30 + 11)
    assert services.remove_expired_personal_data(later) == 1
    assert not Registration.objects.filter(call=call).exclude(gender="", age_band="", accessibility="").exists()
    assert all(r.answers == {} for r in Registration.objects.filter(call=call))
    after = services.statistics(call)
    assert after["gender"] == before["gender"] == {"woman": 1, "man": 1}
    assert after["age_band_attended"] == {"35_49": 1}
    assert CallStatistics.objects.filter(call=call).exists()


@pytest.mark.django_db
def test_reminders_go_once_shortly_before_the_forum(django_capture_on_commit_callbacks):
    call = CallFactory(reminder_days=3)
    registration = reg(call)
    assert services.send_reminders() == 0
    soon = timezone.now() + dt.timedelta(days=28)
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.send_reminders(soon) == 1
    assert callbacks
    assert services.send_reminders(soon) == 0
    registration.refresh_from_db()
    assert registration.reminded_at is not None


@pytest.mark.django_db
def test_personal_agenda_goes_to_the_personal_calendar():
    from kurultai.core.calendars import personal_events

    call = CallFactory()
    start = timezone.now() + dt.timedelta(days=30)
    chosen = SessionFactory(forum=call.forum, starts_at=start)
    SessionFactory(forum=call.forum, starts_at=start)
    registration = reg(call)
    assert services.set_agenda(registration, [chosen.pk, 999999]) == 1
    uids = [e.uid for e in personal_events(registration.user)]
    assert any(uid.startswith(f"session-{chosen.pk}@") for uid in uids)
    services.cancel(registration, actor=registration.user)
    assert not any(
        uid.startswith(f"session-{chosen.pk}@") for uid in (e.uid for e in personal_events(registration.user))
    )


@pytest.mark.django_db
def test_erasure_deletes_registrations():
    from kurultai.participation.privacy import DECLARATIONS

    registration = RegistrationFactory()
    rows = DECLARATIONS[0].rows(registration.user)
    assert rows[0]["gender"] == "woman"
    for declaration in DECLARATIONS:
        declaration.apply_erasure(registration.user)
    assert not Registration.objects.filter(pk=registration.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_race_for_the_last_seat_has_one_winner():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises writers anyway")
    call = CallFactory(capacity_in_person=1)
    people = [UserFactory() for _ in range(6)]
    barrier = threading.Barrier(len(people))
    results: list[str] = []
    errors: list[BaseException] = []

    def attempt(person):
        from django.db import connections

        try:
            barrier.wait()
            results.append(reg(call, user=person).status)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results) == ["accepted"] + ["waitlisted"] * 5
    assert Registration.objects.filter(call=call, status="accepted").count() == 1
