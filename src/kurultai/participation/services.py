"""Every change to participation, each in one transaction with an audit entry; mail goes out after commit.

Capacity follows one rule: lock the call row (``select_for_update``), count the seats held in the format, decide.
Every path that takes or frees a seat — registering, an organiser's decision, a cancellation, a change of format,
a larger capacity — goes through that lock, so two people never take the last seat and a freed seat goes to the
first person on the waiting list at once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from kurultai.core import audit, cacheversions
from kurultai.participation.audit import ParticipationAction as Action
from kurultai.participation.models import (
    AgendaItem,
    Call,
    CallStatistics,
    FeedbackResponse,
    Format,
    InvitationLetter,
    Question,
    Registration,
    TravelRequest,
    Upload,
)

Status = Registration.Status
DETAIL_FIELDS = (
    "name",
    "organisation",
    "organisation_name",
    "on_behalf",
    "country",
    "organisation_type",
    "gender",
    "age_band",
    "accessibility",
    "dietary",
)
PERSONAL_FIELDS = ("gender", "age_band", "accessibility", "dietary", "answers")


class RegistrationError(ValidationError):
    """A registration that cannot go ahead, with the message the person reads."""


def _mail(registration: Registration, kind: str) -> None:
    """Tell the registered person what happened, through the notification outbox (their language, every channel
    they can be reached on, retries); the event is written in the caller's transaction."""
    from kurultai.notifications.services import emit
    from kurultai.participation.notifications import code_for

    if registration.user_id is None:
        return
    emit(code_for(kind), registration, recipients=[registration.user_id])


def _lock(call: Call) -> Call:
    """The call row, locked until the transaction ends. Every change of seats passes here, so it also marks the
    pages that show seats left (the forum's page, the call) out of date: registrations themselves are personal
    and bump no cached page."""
    locked = Call.objects.select_for_update().get(pk=call.pk)
    cacheversions.bump(cacheversions.names_for_write(Call, locked))
    return locked


def seats_taken(call: Call, fmt: str) -> int:
    return Registration.objects.filter(call=call, format=fmt).holding_seat().count()


def seats_left(call: Call, fmt: str) -> int | None:
    capacity = call.capacity(fmt)
    return None if capacity is None else max(capacity - seats_taken(call, fmt), 0)


def seat_summary(call: Call) -> list[dict[str, Any]]:
    """Per format of the call: its code and label, capacity, seats taken and left, people waiting (one query)."""
    taken: dict[str, int] = {}
    waiting: dict[str, int] = {}
    counts = (
        Registration.objects.filter(call=call, status__in=[*Registration.SEATED, Status.WAITLISTED])
        .values_list("format", "status")
        .annotate(n=Count("id"))
        .values_list("format", "status", "n")
    )
    for fmt, status, n in counts:
        into = waiting if status == Status.WAITLISTED else taken
        into[fmt] = into.get(fmt, 0) + n
    return [
        {
            "code": fmt,
            "format": Format(fmt).label,
            "capacity": call.capacity(fmt),
            "taken": taken.get(fmt, 0),
            "left": max((call.capacity(fmt) or 0) - taken.get(fmt, 0), 0),
            "waiting": waiting.get(fmt, 0),
        }
        for fmt in call.formats()
    ]


# --- The call ----------------------------------------------------------------------------------------------------


def save_call(forum: Any, *, actor: Any, **fields: Any) -> Call:
    """Open or change a forum's call; a larger capacity promotes people from the waiting list at once.

    Side effects: audit entry; promotion mails after commit.
    """
    if fields.get("opens_at") and fields.get("closes_at") and fields["closes_at"] <= fields["opens_at"]:
        raise ValidationError({"closes_at": _("Registration must close after it opens.")})
    with transaction.atomic():
        call = Call.objects.select_for_update().filter(forum=forum).first() or Call(forum=forum)
        for name, value in fields.items():
            setattr(call, name, value)
        call.full_clean(exclude=["forum"])
        call.save()
        audit.record(actor, Action.CALL_SAVED, call)
        for fmt in Format.values:
            _promote(call, fmt, actor)
    return call


def save_question(call: Call, *, actor: Any, question: Question | None = None, **fields: Any) -> Question:
    question = question or Question(call=call)
    if question.call_id != call.pk:
        raise ValidationError(_("This question belongs to another call."))
    for name, value in fields.items():
        setattr(question, name, value)
    if question.kind in (Question.Kind.CHOICE, Question.Kind.MULTIPLE) and not question.choice_list():
        raise ValidationError({"choices": _("Give at least one choice, one per line.")})
    if question.purpose == Question.Purpose.REGISTRATION and question.kind == Question.Kind.SCALE:
        raise ValidationError({"kind": _("Scales are for the feedback survey.")})
    if question.purpose == Question.Purpose.FEEDBACK and question.kind == Question.Kind.FILE:
        raise ValidationError({"kind": _("The feedback survey does not take files.")})
    with transaction.atomic():
        question.save()
        audit.record(actor, Action.QUESTION_SAVED, question)
    return question


def delete_question(question: Question, *, actor: Any) -> None:
    with transaction.atomic():
        audit.record(actor, Action.QUESTION_DELETED, question)
        question.delete()


# --- Registering -------------------------------------------------------------------------------------------------


def _place(call: Call, fmt: str) -> str:
    """The state a new or returning registration gets in a format (the call row is locked)."""
    if call.selection == Call.Selection.APPLICATION:
        return Status.APPLIED
    return Status.ACCEPTED if (seats_left(call, fmt) or 0) > 0 else Status.WAITLISTED


def register(
    call: Call,
    user: Any,
    *,
    fmt: str,
    details: dict[str, Any],
    answers: dict[str, Any] | None = None,
    files: dict[int, Any] | None = None,
    now: dt.datetime | None = None,
) -> Registration:
    """Register a person: a seat when one is left (first come), else the waiting list; an application when the
    organisers select. Someone who cancelled may register again.

    Side effects: registration row, uploaded files, audit entry, confirmation mail (with the .ics) after commit.
    Raises ``RegistrationError`` when the call is closed, the format is not offered or the person is registered.
    """
    from kurultai.core.uploads import generated_basename
    from kurultai.participation.uploads import check_answer_file

    now = now or timezone.now()
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown registration fields: {sorted(unknown)}")
    if not str(details.get("name") or "").strip():
        raise RegistrationError({"name": _("Write your name as it should appear on your badge.")})
    checked_files = {}
    for qid, upload in (files or {}).items():
        try:
            checked_files[qid] = (upload, check_answer_file(upload))
        except ValidationError as exc:
            raise RegistrationError({f"q{qid}": exc.messages}) from exc
    try:
        with transaction.atomic():
            call = _lock(call)
            if not call.is_open(now):
                if now < call.opens_at:
                    raise RegistrationError(_("Registration has not opened yet."), code="not_open")
                raise RegistrationError(_("Registration for this forum is closed."), code="closed")
            if fmt not in call.formats():
                raise RegistrationError(_("This forum has no such format."), code="format")
            registration = Registration.objects.filter(call=call, user=user).first()
            if registration and registration.status not in (Status.CANCELLED,):
                raise RegistrationError(_("You are already registered for this forum."), code="duplicate")
            registration = registration or Registration(call=call, user=user)
            for name, value in details.items():
                setattr(registration, name, value)
            registration.name = registration.name.strip()[:200]
            registration.format = fmt
            registration.answers = {str(k): v for k, v in (answers or {}).items()}
            registration.status = _place(call, fmt)
            registration.queued_at = now
            registration.checked_in_at = None
            registration.save()
            for qid, (upload, content_type) in checked_files.items():
                stored = Upload.objects.filter(registration=registration, question_id=qid).first() or Upload(
                    registration=registration, question_id=qid
                )
                stored.file.save(generated_basename(content_type), upload, save=False)
                stored.save()
            audit.record(user, Action.REGISTERED, registration, {"status": registration.status, "format": fmt})
    except IntegrityError as exc:
        # The same person submitting twice at the same moment: the unique constraint decided.
        raise RegistrationError(_("You are already registered for this forum."), code="duplicate") from exc
    _mail(registration, registration.status)
    return registration


def _promote(call: Call, fmt: str, actor: Any = None) -> list[Registration]:
    """Give free seats to the waiting list in order (the call row must be locked by the caller)."""
    capacity = call.capacity(fmt)
    if capacity is None:
        return []
    free = capacity - seats_taken(call, fmt)
    if free <= 0:
        return []
    promoted = list(Registration.objects.filter(call=call, format=fmt, status=Status.WAITLISTED)[:free])
    for registration in promoted:
        registration.status = Status.ACCEPTED
        registration.save(update_fields=["status", "updated_at"])
        audit.record(actor, Action.PROMOTED, registration)
        _mail(registration, "promoted")
    return promoted


def promote(call: Call, fmt: str, actor: Any = None) -> list[Registration]:
    with transaction.atomic():
        return _promote(_lock(call), fmt, actor)


def decide(registration: Registration, *, status: str, note: str = "", actor: Any) -> Registration:
    """The organisers accept, decline or wait-list a person, with a note kept for the organisers.

    Side effects: audit entry; the person's mail; a declined seat goes to the waiting list.
    """
    if status not in (Status.ACCEPTED, Status.DECLINED, Status.WAITLISTED):
        raise ValidationError(_("Choose accept, decline or wait-list."))
    with transaction.atomic():
        call = _lock(registration.call)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (Status.CANCELLED, Status.CHECKED_IN):
            raise ValidationError(_("This registration can no longer be changed."))
        before = registration.status
        if (
            status == Status.ACCEPTED
            and before not in Registration.SEATED
            and not seats_left(call, registration.format)
        ):
            raise ValidationError(_("No seat is left in this format. Wait-list the person or raise the capacity."))
        registration.status = status
        if status == Status.WAITLISTED and before != Status.WAITLISTED:
            registration.queued_at = timezone.now()
        if note.strip():
            registration.note = note.strip()[:2000]
        registration.save()
        audit.record(actor, Action.DECIDED, registration, {"from": before, "to": status})
        if status != before:
            _mail(registration, status)
        if before in Registration.SEATED and status not in Registration.SEATED:
            _promote(call, registration.format, actor)
    return registration


def cancel(registration: Registration, *, actor: Any) -> Registration:
    """The participant gives up their place; the first person waiting gets the seat.

    Side effects: audit entry; cancellation mail; promotion mail to whoever gets the seat.
    """
    with transaction.atomic():
        call = _lock(registration.call)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            raise ValidationError(_("This registration is already cancelled."), code="cancelled")
        if registration.status == Status.CHECKED_IN:
            raise ValidationError(_("You have already been checked in at the forum."))
        freed = registration.holds_seat
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        audit.record(actor, Action.CANCELLED, registration)
        _mail(registration, "cancelled")
        if freed:
            _promote(call, registration.format, actor)
    return registration


def change_format(registration: Registration, fmt: str, *, actor: Any) -> Registration:
    """Move to the other format, keeping a seat only when the new format has one free.

    Side effects: audit entry; the freed seat goes to the waiting list; a confirmation mail.
    """
    with transaction.atomic():
        call = _lock(registration.call)
        registration = Registration.objects.get(pk=registration.pk)
        if fmt not in call.formats():
            raise ValidationError(_("This forum has no such format."))
        if registration.status in (Status.CANCELLED, Status.DECLINED, Status.CHECKED_IN):
            raise ValidationError(_("This registration can no longer be changed."))
        if fmt == registration.format:
            return registration
        old = registration.format
        if registration.status == Status.ACCEPTED and not seats_left(call, fmt):
            raise ValidationError(_("No place is left in that format; you keep your current place."), code="full")
        registration.format = fmt
        if registration.status == Status.WAITLISTED:
            registration.queued_at = timezone.now()
        registration.save()
        audit.record(actor, Action.FORMAT_CHANGED, registration, {"from": old, "to": fmt})
        _promote(call, old, actor)
        if registration.status == Status.WAITLISTED:
            _promote(call, fmt, actor)
            registration.refresh_from_db()
        _mail(registration, registration.status if registration.status != Status.ACCEPTED else "format_changed")
    return registration


# --- At the forum ------------------------------------------------------------------------------------------------


def check_in(call: Call, code: str, *, actor: Any, at: dt.datetime | None = None) -> tuple[Registration, bool]:
    """Check a participant in by their code; checking in twice is harmless (returns ``already=True``).

    Raises ``ValidationError`` for an unknown code or a person without a place.
    """
    code = (code or "").strip().upper()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().filter(call=call, check_in_code=code).first() if code else None
        )
        if registration is None:
            raise ValidationError(_("No participant of this forum has the code %(code)s.") % {"code": code[:20]})
        if registration.status == Status.CHECKED_IN:
            return registration, True
        if registration.status != Status.ACCEPTED:
            raise ValidationError(
                _("%(name)s has no confirmed place (%(status)s).")
                % {"name": registration.name, "status": registration.get_status_display()}
            )
        registration.status = Status.CHECKED_IN
        registration.checked_in_at = at or timezone.now()
        registration.save(update_fields=["status", "checked_in_at", "updated_at"])
        audit.record(actor, Action.CHECKED_IN, registration)
    return registration, False


def confirm_attendance(registration: Registration, *, actor: Any) -> Registration:
    """An organiser confirms that an online participant attended (they count as checked in)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CHECKED_IN:
            return registration
        if registration.status != Status.ACCEPTED:
            raise ValidationError(_("Only accepted participants can be confirmed as present."))
        registration.status = Status.CHECKED_IN
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["status", "checked_in_at", "updated_at"])
        audit.record(actor, Action.ATTENDANCE_CONFIRMED, registration)
    return registration


def issue_certificate(registration: Registration, *, actor: Any = None) -> Any:
    """The attendance certificate of a checked-in participant (the same one when asked again)."""
    from kurultai.certificates import services as certificates

    if registration.status != Status.CHECKED_IN:
        raise ValidationError(_("Certificates go to participants who were checked in."))
    forum = registration.call.forum
    return certificates.issue(
        kind="attendance",
        holder=registration.user,
        holder_name=registration.name,
        title=str(forum.title),
        issuer=registration.call.issuer_name(),
        issued_on=forum.end_date or forum.start_date,
        source=registration,
        actor=actor,
    )


def issue_certificates(call: Call, *, actor: Any) -> int:
    """Certificates for everyone checked in who has none yet; returns how many were issued."""
    from kurultai.certificates.models import Certificate

    done = set(
        Certificate.objects.current()
        .filter(source_type="participation.registration")
        .values_list("source_id", flat=True)
    )
    count = 0
    for registration in call.registrations.filter(status=Status.CHECKED_IN).select_related("call__forum", "user"):
        if str(registration.pk) not in done:
            issue_certificate(registration, actor=actor)
            count += 1
    return count


# --- Travel and visas --------------------------------------------------------------------------------------------


def request_travel(registration: Registration, *, amount: Any, currency: str, reason: str, actor: Any) -> TravelRequest:
    if registration.status in (Status.CANCELLED, Status.DECLINED):
        raise ValidationError(_("Travel support is for participants with a place or an application."))
    if amount is None or amount <= 0:
        raise ValidationError({"amount_requested": _("Enter an amount above zero.")})
    with transaction.atomic():
        travel = TravelRequest.objects.select_for_update().filter(registration=registration).first()
        if travel and travel.status != TravelRequest.Status.PENDING:
            raise ValidationError(_("The organisers have already decided on your request."))
        travel = travel or TravelRequest(registration=registration)
        travel.amount_requested, travel.currency, travel.reason = amount, currency.upper()[:3], reason.strip()[:2000]
        travel.save()
        audit.record(actor, Action.TRAVEL_REQUESTED, travel)
    return travel


def decide_travel(travel: TravelRequest, *, granted: Any, actor: Any) -> TravelRequest:
    """Record the amount granted (0 or empty = not granted)."""
    if granted is not None and granted < 0:
        raise ValidationError({"amount_granted": _("The amount cannot be negative.")})
    with transaction.atomic():
        travel.amount_granted = granted if granted else None
        travel.status = TravelRequest.Status.GRANTED if granted else TravelRequest.Status.REFUSED
        travel.decided_by = actor
        travel.decided_at = timezone.now()
        travel.save()
        audit.record(actor, Action.TRAVEL_DECIDED, travel, {"status": travel.status})
    return travel


def issue_letter(
    registration: Registration, *, passport_name: str, passport_number: str, nationality: Any, actor: Any
) -> InvitationLetter:
    if registration.status not in Registration.SEATED:
        raise ValidationError(_("Invitation letters are for participants with a confirmed place."))
    if registration.format != Format.IN_PERSON:
        raise ValidationError(_("Invitation letters are for people who come in person."))
    if not passport_name.strip() or not passport_number.strip():
        raise ValidationError(_("Give the name and number as written in the passport."))
    with transaction.atomic():
        letter = InvitationLetter.objects.filter(registration=registration).first() or InvitationLetter(
            registration=registration
        )
        letter.passport_name = passport_name.strip()[:200]
        letter.passport_number = passport_number.strip()[:40]
        letter.nationality = nationality
        letter.issued_by = actor
        letter.issued_at = timezone.now()
        letter.save()
        audit.record(actor, Action.LETTER_ISSUED, letter)
    return letter


# --- Agenda and feedback -----------------------------------------------------------------------------------------


def set_agenda(registration: Registration, session_ids: list[int]) -> int:
    """Replace the person's chosen sessions of this forum; returns how many are chosen."""
    forum = registration.call.forum
    wanted = set(forum.sessions.filter(pk__in=session_ids).values_list("pk", flat=True))
    with transaction.atomic():
        AgendaItem.objects.filter(user=registration.user, session__forum=forum).exclude(session_id__in=wanted).delete()
        AgendaItem.objects.bulk_create(
            [AgendaItem(user=registration.user, session_id=pk) for pk in wanted], ignore_conflicts=True
        )
    return len(wanted)


def give_feedback(registration: Registration, answers: dict[str, Any], *, actor: Any) -> FeedbackResponse:
    """One response per participant; a second one is refused with a clear message."""
    if registration.status not in Registration.SEATED:
        raise ValidationError(_("The survey is for people who took part."))
    try:
        with transaction.atomic():
            response = FeedbackResponse.objects.create(registration=registration, answers=answers)
            audit.record(actor, Action.FEEDBACK_GIVEN, response)
    except IntegrityError as exc:
        raise ValidationError(_("You have already answered the survey. Thank you!"), code="duplicate") from exc
    return response


# --- Statistics and retention ------------------------------------------------------------------------------------

BREAKDOWNS = ("format", "country", "organisation_type", "gender", "age_band")


def statistics(call: Call) -> dict[str, Any]:
    """Counts for donors: registered (with a place or an application), attended, and breakdowns.

    After the retention period the raw gender and age fields are gone; their counts come from the stored table.
    """
    rows = list(
        Registration.objects.filter(call=call)
        .exclude(status__in=[Status.CANCELLED, Status.DECLINED])
        .values("status", "format", "country__code", "organisation_type", "gender", "age_band")
    )
    result: dict[str, Any] = {
        "registered": len(rows),
        "attended": sum(1 for r in rows if r["status"] == Status.CHECKED_IN),
        "accepted": sum(1 for r in rows if r["status"] in Registration.SEATED),
        "waitlisted": sum(1 for r in rows if r["status"] == Status.WAITLISTED),
    }
    for key in BREAKDOWNS:
        column = "country__code" if key == "country" else key
        result[key] = dict(Counter(r[column] or "" for r in rows))
        result[f"{key}_attended"] = dict(Counter(r[column] or "" for r in rows if r["status"] == Status.CHECKED_IN))
    stored = CallStatistics.objects.filter(call=call).first()
    if stored is not None:
        for key in ("gender", "age_band", "gender_attended", "age_band_attended"):
            result[key] = stored.counts.get(key, {})
    return result


def remove_expired_personal_data(now: dt.datetime | None = None) -> int:
    """Remove gender, age band, needs, answers and uploads of forums whose retention period has passed, keeping
    their counts in ``CallStatistics``; returns how many calls were cleaned."""
    now = now or timezone.now()
    cleaned = 0
    for call in Call.objects.filter(personal_data_removed_at__isnull=True).select_related("forum"):
        ended = call.forum.end_date or call.forum.start_date
        if timezone.localdate(now) <= ended + dt.timedelta(days=call.retention_days):
            continue
        with transaction.atomic():
            counts = statistics(call)
            CallStatistics.objects.update_or_create(call=call, defaults={"counts": counts})
            registrations = Registration.objects.filter(call=call)
            for upload in Upload.objects.filter(registration__call=call):
                upload.delete()  # the file goes with it (signals.py)
            registrations.update(gender="", age_band="", accessibility="", dietary="", answers={})
            TravelRequest.objects.filter(registration__call=call).update(reason="")
            InvitationLetter.objects.filter(registration__call=call).delete()
            Call.objects.filter(pk=call.pk).update(personal_data_removed_at=now)
            audit.record(None, Action.PERSONAL_DATA_REMOVED, call)
        cleaned += 1
    return cleaned


def send_reminders(now: dt.datetime | None = None) -> int:
    """Remind people with a place a few days before their forum (once); returns how many were reminded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for call in Call.objects.filter(reminder_days__gt=0).select_related("forum"):
        if not (today <= call.forum.start_date <= today + dt.timedelta(days=call.reminder_days)):
            continue
        due = Registration.objects.filter(call=call, status=Status.ACCEPTED, reminded_at__isnull=True)
        for registration in due:
            with transaction.atomic():
                if Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(reminded_at=now):
                    _mail(registration, "reminder")
                    sent += 1
    return sent
