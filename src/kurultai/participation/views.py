"""Participant pages (register in two steps, my registration, agenda, survey) and organisers' pages (call,
questions, selection, travel, letters, badges, check-in, certificates, statistics)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kurultai.forums.models import Forum
from kurultai.participation import services
from kurultai.participation.forms import (
    AgendaForm,
    CallForm,
    ChangeFormatForm,
    CheckInForm,
    DecisionForm,
    FeedbackForm,
    FormatStepForm,
    LetterForm,
    QuestionForm,
    RegistrationForm,
    TravelDecisionForm,
    TravelForm,
)
from kurultai.participation.models import Call, FeedbackResponse, Format, Question, Registration, TravelRequest

Status = Registration.Status


def _forum(request: HttpRequest, slug: str) -> Forum:
    forum = get_object_or_404(Forum.objects.select_related("country"), slug=slug)
    if not request.user.has_perm("forums.view_forum", forum):
        raise Http404
    return forum


def _call(request: HttpRequest, slug: str) -> Call:
    forum = _forum(request, slug)
    call = Call.objects.filter(forum=forum).first()
    if call is None:
        raise Http404(_("This forum has no call for participants."))
    call.forum = forum
    return call


def _organiser_call(request: HttpRequest, slug: str) -> Call:
    call = _call(request, slug)
    if not request.user.has_perm("participation.manage_call", call):
        raise PermissionDenied(_("Only the forum's organisers can see this page."))
    return call


def _mine(request: HttpRequest, call: Call) -> Registration | None:
    return Registration.objects.filter(call=call, user=request.user).first()


def _add_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _seats(call: Call) -> list[dict[str, Any]]:
    return services.seat_summary(call)


# --- Registering -------------------------------------------------------------------------------------------------


def call_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The public call for participants: dates, how people are chosen, formats with the seats left (anyone)."""
    call = _call(request, slug)
    now = timezone.now()
    context = {"call": call, "forum": call.forum, "seats": services.seat_summary(call), "nav": "forums"}
    context.update(open=call.is_open(now), not_yet=now < call.opens_at)
    return render(request, "participation/call.html", context)


@login_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """Two steps: how and for whom (step 1), then who you are and the organisers' questions (step 2)."""
    call = _call(request, slug)
    existing = _mine(request, call)
    if existing and existing.status != Status.CANCELLED:
        messages.info(request, _("You are already registered for this forum."))
        return redirect("participation:mine", slug=slug)
    context: dict[str, Any] = {"call": call, "forum": call.forum, "seats": _seats(call), "nav": "forums"}
    now = timezone.now()
    if not call.is_open(now):
        context["closed"] = (
            _("Registration has not opened yet.")
            if now < call.opens_at
            else _("Registration for this forum is closed.")
        )
        return render(request, "participation/register.html", context)
    questions = list(call.questions.filter(purpose=Question.Purpose.REGISTRATION))
    step_data = request.POST if request.method == "POST" else request.GET
    step = FormatStepForm(step_data if "format" in step_data else None, call=call)
    if request.method == "POST":
        form = RegistrationForm(request.POST, request.FILES, call=call, questions=questions)
        if form.is_valid():
            try:
                registration = services.register(
                    call,
                    request.user,
                    fmt=form.cleaned_data["format"],
                    details=form.details(),
                    answers=form.answers(),
                    files=form.files_answered(),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _status_message(registration))
                return redirect("participation:mine", slug=slug)
        context.update(form=form, step=2)
        return render(request, "participation/register.html", context)
    if step.is_bound and step.is_valid():
        initial = {
            "format": step.cleaned_data["format"],
            "on_behalf": step.cleaned_data["on_behalf"],
            "name": request.user.get_full_name(),
        }
        context.update(form=RegistrationForm(initial=initial, call=call, questions=questions), step=2)
        context["chosen_format"] = Format(step.cleaned_data["format"]).label
    else:
        context.update(step_form=step, step=1)
    return render(request, "participation/register.html", context)


def _status_message(registration: Registration) -> str:
    return {
        Status.ACCEPTED: _("Your place is confirmed. A confirmation with the calendar file is on its way."),
        Status.WAITLISTED: _(
            "All places in this format are taken: you are on the waiting list and will get the next free place."
        ),
        Status.APPLIED: _("Your application is received. The organisers will write to you with their decision."),
    }.get(registration.status, _("Your registration is saved."))


@login_required
def mine(request: HttpRequest, slug: str) -> HttpResponse:
    call = _call(request, slug)
    registration = _mine(request, call)
    if registration is None:
        return redirect("participation:register", slug=slug)
    from kurultai.certificates.models import Certificate

    sessions = []
    if registration.format == Format.ONLINE and registration.holds_seat:
        sessions = [s for s in call.forum.sessions.order_by("starts_at", "number") if s.online_url]
    context = {
        "call": call,
        "forum": call.forum,
        "registration": registration,
        "format_form": ChangeFormatForm(call=call, initial={"format": registration.format}),
        "travel": TravelRequest.objects.filter(registration=registration).first(),
        "has_letter": hasattr(registration, "letter") and registration.letter is not None,
        "certificate": Certificate.objects.current().for_source(registration).first(),
        "online_sessions": sessions,
        "feedback_open": _feedback_open(call) and registration.holds_seat,
        "nav": "forums",
    }
    return render(request, "participation/mine.html", context)


def _own_registration(request: HttpRequest, slug: str) -> Registration:
    call = _call(request, slug)
    registration = _mine(request, call)
    if registration is None:
        raise Http404(_("You are not registered for this forum."))
    registration.call = call
    return registration


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    try:
        services.cancel(registration, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your registration is cancelled and your place goes to the next person waiting."))
    return redirect("participation:mine", slug=slug)


@login_required
@require_POST
def change_format(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    form = ChangeFormatForm(request.POST, call=registration.call)
    if not form.is_valid():
        messages.error(request, _("Choose one of the forum's formats."))
        return redirect("participation:mine", slug=slug)
    try:
        registration = services.change_format(registration, form.cleaned_data["format"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Your format is now: %(format)s (%(status)s).")
            % {"format": registration.get_format_display(), "status": registration.get_status_display()},
        )
    return redirect("participation:mine", slug=slug)


@login_required
def travel(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    current = TravelRequest.objects.filter(registration=registration).first()
    form = TravelForm(request.POST or None, initial={"currency": "EUR"})
    if request.method == "POST" and form.is_valid():
        try:
            services.request_travel(
                registration,
                amount=form.cleaned_data["amount_requested"],
                currency=form.cleaned_data["currency"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your request for travel support is sent to the organisers."))
            return redirect("participation:mine", slug=slug)
    context = {"form": form, "forum": registration.call.forum, "travel": current, "nav": "forums"}
    return render(request, "participation/travel.html", context)


@login_required
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    """My sessions: pick the sessions you plan to attend; they go into your personal calendar."""
    registration = _own_registration(request, slug)
    if registration.status in (Status.CANCELLED, Status.DECLINED):
        messages.error(request, _("Your registration is cancelled: register again to plan your sessions."))
        return redirect("participation:mine", slug=slug)
    forum = registration.call.forum
    sessions = list(forum.sessions.order_by("starts_at", "number"))
    chosen = [
        str(pk) for pk in request.user.agenda_items.filter(session__forum=forum).values_list("session_id", flat=True)
    ]
    form = AgendaForm(request.POST or None, sessions=sessions, initial={"sessions": chosen})
    if request.method == "POST" and form.is_valid():
        count = services.set_agenda(registration, [int(pk) for pk in form.cleaned_data["sessions"]])
        messages.success(
            request,
            ngettext("Your agenda is saved (%(count)d session).", "Your agenda is saved (%(count)d sessions).", count)
            % {"count": count},
        )
        return redirect("participation:agenda", slug=slug)
    from kurultai.core.calendars import personal_calendar_urls

    context = {"form": form, "forum": forum, "calendar": personal_calendar_urls(request.user), "nav": "forums"}
    return render(request, "participation/agenda.html", context)


def _feedback_open(call: Call) -> bool:
    return timezone.localdate() >= call.forum.start_date


@login_required
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    call = registration.call
    if FeedbackResponse.objects.filter(registration=registration).exists():
        messages.info(request, _("You have already answered the survey. Thank you!"))
        return redirect("participation:mine", slug=slug)
    if not _feedback_open(call) or not registration.holds_seat:
        messages.error(request, _("The survey opens when the forum begins, for people who took part."))
        return redirect("participation:mine", slug=slug)
    questions = list(call.questions.filter(purpose=Question.Purpose.FEEDBACK))
    form = FeedbackForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_feedback(registration, form.answers(), actor=request.user)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Thank you for your answers."))
            return redirect("participation:mine", slug=slug)
    return render(request, "participation/feedback.html", {"form": form, "forum": call.forum, "nav": "forums"})


@login_required
@require_POST
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    try:
        issued = services.issue_certificate(registration, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("participation:mine", slug=slug)
    return redirect(issued.pdf_url())


@login_required
def badge_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    from kurultai.participation.pdf import badges_pdf

    registration = _own_registration(request, slug)
    if not registration.holds_seat:
        raise PermissionDenied(_("Badges are for participants with a confirmed place."))
    return _pdf(badges_pdf([registration]), f"badge-{slug}.pdf")


@login_required
def letter_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    return _letter(registration)


def _letter(registration: Registration) -> HttpResponse:
    from kurultai.participation.models import InvitationLetter
    from kurultai.participation.pdf import letter_pdf as build

    letter = InvitationLetter.objects.filter(registration=registration).select_related("nationality").first()
    if letter is None:
        raise Http404(_("No invitation letter has been issued."))
    return _pdf(build(letter), f"invitation-{registration.pk}.pdf")


def _pdf(content: bytes, filename: str) -> HttpResponse:
    from kurultai.certificates.pdf import pdf_response

    return pdf_response(content, filename)


# --- Organisers --------------------------------------------------------------------------------------------------


@login_required
def call_edit(request: HttpRequest, slug: str) -> HttpResponse:
    forum = _forum(request, slug)
    if not request.user.has_perm("participation.manage_call", forum):
        raise PermissionDenied(_("Only the forum's organisers can open registration."))
    call = Call.objects.filter(forum=forum).first()
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CallForm.Meta.fields}
        try:
            services.save_call(forum, actor=request.user, **fields)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The call for participants is saved."))
            return redirect("participation:manage", slug=slug)
    return render(request, "participation/call_form.html", {"form": form, "forum": forum, "call": call})


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    call = _organiser_call(request, slug)
    status = request.GET.get("status", "")
    registrations = Registration.objects.filter(call=call).select_related("organisation", "country")
    if status in Status.values:
        registrations = registrations.filter(status=status)
    context = {
        "call": call,
        "forum": call.forum,
        "seats": _seats(call),
        "registrations": registrations.order_by("status", "queued_at")[:500],
        "statuses": Status.choices,
        "status": status,
    }
    return render(request, "participation/manage.html", context)


@login_required
def questions(request: HttpRequest, slug: str) -> HttpResponse:
    call = _organiser_call(request, slug)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in QuestionForm.Meta.fields}
        try:
            services.save_question(call, actor=request.user, **fields)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The question is added."))
            return redirect("participation:questions", slug=slug)
    context = {"call": call, "forum": call.forum, "form": form, "questions": call.questions.all()}
    return render(request, "participation/questions.html", context)


@login_required
@require_POST
def question_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _organiser_call(request, slug)
    services.delete_question(get_object_or_404(Question, call=call, pk=pk), actor=request.user)
    messages.success(request, _("The question is deleted."))
    return redirect("participation:questions", slug=slug)


@login_required
def registration_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _organiser_call(request, slug)
    registration = get_object_or_404(
        Registration.objects.select_related("user", "organisation", "country"), call=call, pk=pk
    )
    registration.call = call
    travel_request = TravelRequest.objects.filter(registration=registration).first()
    action = request.POST.get("action", "")
    decision_form = DecisionForm(request.POST if action == "decide" else None)
    travel_form = TravelDecisionForm(request.POST if action == "travel" else None)
    letter_form = LetterForm(
        request.POST if action == "letter" else None,
        initial={"passport_name": registration.name, "nationality": registration.country_id},
    )
    if request.method == "POST":
        try:
            if action == "decide" and decision_form.is_valid():
                services.decide(
                    registration,
                    status=decision_form.cleaned_data["status"],
                    note=decision_form.cleaned_data["note"],
                    actor=request.user,
                )
                messages.success(request, _("The decision is saved and the person is told."))
                return redirect("participation:registration", slug=slug, pk=pk)
            if action == "travel" and travel_request and travel_form.is_valid():
                services.decide_travel(
                    travel_request, granted=travel_form.cleaned_data["amount_granted"], actor=request.user
                )
                messages.success(request, _("The travel support decision is saved."))
                return redirect("participation:registration", slug=slug, pk=pk)
            if action == "letter" and letter_form.is_valid():
                services.issue_letter(registration, actor=request.user, **letter_form.cleaned_data)
                messages.success(request, _("The invitation letter is issued."))
                return redirect("participation:registration", slug=slug, pk=pk)
            if action == "attended":
                services.confirm_attendance(registration, actor=request.user)
                messages.success(request, _("Attendance is confirmed."))
                return redirect("participation:registration", slug=slug, pk=pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    questions_by_id = {str(q.pk): q for q in call.questions.all()}
    answers = [(questions_by_id[k].label, v) for k, v in registration.answers.items() if k in questions_by_id]
    context = {
        "call": call,
        "forum": call.forum,
        "registration": registration,
        "answers": answers,
        "uploads": registration.uploads.all(),
        "travel": travel_request,
        "decision_form": decision_form,
        "travel_form": travel_form,
        "letter_form": letter_form,
        "has_letter": hasattr(registration, "letter"),
    }
    return render(request, "participation/registration.html", context)


@login_required
def registration_letter(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _organiser_call(request, slug)
    return _letter(get_object_or_404(Registration, call=call, pk=pk))


@login_required
def badges(request: HttpRequest, slug: str) -> HttpResponse:
    """Every badge of the forum on A4 sheets, four to a page."""
    from kurultai.participation.pdf import badges_pdf

    call = _organiser_call(request, slug)
    registrations = list(
        Registration.objects.filter(call=call, status__in=Registration.SEATED)
        .select_related("organisation", "country", "call__forum")
        .order_by("name")
    )
    return _pdf(badges_pdf(registrations, sheet=True), f"badges-{slug}.pdf")


@login_required
@require_POST
def issue_certificates(request: HttpRequest, slug: str) -> HttpResponse:
    call = _organiser_call(request, slug)
    count = services.issue_certificates(call, actor=request.user)
    messages.success(
        request, ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", count) % {"count": count}
    )
    return redirect("participation:manage", slug=slug)


# --- Check-in ----------------------------------------------------------------------------------------------------


@login_required
def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    """Type (or scan) a code; works without JavaScript. The script adds the camera and the offline list."""
    call = _call(request, slug)
    if not request.user.has_perm("participation.check_in", call):
        raise PermissionDenied(_("Only the forum's organisers and staff can check people in."))
    form = CheckInForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            registration, already = services.check_in(call, form.cleaned_data["code"], actor=request.user)
        except ValidationError as exc:
            form.add_error("code", exc.messages[0])
        else:
            result = {"registration": registration, "already": already}
            form = CheckInForm()
    counts = {
        "checked_in": call.registrations.filter(status=Status.CHECKED_IN).count(),
        "expected": call.registrations.filter(status__in=Registration.SEATED).count(),
    }
    context = {"call": call, "forum": call.forum, "form": form, "result": result, "counts": counts}
    return render(request, "participation/check_in.html", context)


@login_required
def check_in_list(request: HttpRequest, slug: str) -> JsonResponse:
    """The list the check-in page keeps for when the venue's connection drops."""
    call = _call(request, slug)
    if not request.user.has_perm("participation.check_in", call):
        raise PermissionDenied
    rows = Registration.objects.filter(call=call, status__in=Registration.SEATED).values_list(
        "check_in_code", "name", "format", "status"
    )
    people = [{"code": c, "name": n, "format": f, "in": s == Status.CHECKED_IN} for c, n, f, s in rows]
    response = JsonResponse({"forum": call.forum.slug, "at": timezone.now().isoformat(), "people": people})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def check_in_sync(request: HttpRequest, slug: str) -> JsonResponse:
    """Check-ins recorded offline, sent when the connection returns: ``{"codes": [...]}``; idempotent."""
    call = _call(request, slug)
    if not request.user.has_perm("participation.check_in", call):
        raise PermissionDenied
    try:
        payload = json.loads(request.body or b"{}")
        codes = payload.get("codes", []) if isinstance(payload, dict) else []
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": _("The list of codes could not be read.")}, status=400)
    if not isinstance(codes, list) or len(codes) > 2000:
        return JsonResponse({"error": _("Send at most 2000 codes as a list.")}, status=400)
    results = {}
    for code in codes:
        if not isinstance(code, str) or len(code) > 20:
            continue
        try:
            _registration, already = services.check_in(call, code, actor=request.user)
            results[code] = "already" if already else "checked_in"
        except ValidationError as exc:
            results[code] = exc.messages[0]
    return JsonResponse({"results": results})


# --- Reports -----------------------------------------------------------------------------------------------------


def _breakdown_rows(stats: dict[str, Any], key: str, labels: dict[str, str]) -> list[dict[str, Any]]:
    values = stats[key]
    attended = stats[f"{key}_attended"]
    top = max(values.values(), default=0) or 1
    return [
        {
            "label": labels.get(value, value) or _("Not stated"),
            "registered": count,
            "attended": attended.get(value, 0),
            "width": round(300 * count / top),
            "y": index * 26,
        }
        for index, (value, count) in enumerate(sorted(values.items(), key=lambda item: (-item[1], item[0])))
    ]


def _labels() -> dict[str, dict[str, str]]:
    from kurultai.core.models import Country
    from kurultai.organisations.models import Organisation

    return {
        "format": {k: str(v) for k, v in Format.choices},
        "country": {c.code: str(c.name) for c in Country.objects.all()},
        "organisation_type": {k: str(v) for k, v in Organisation.Type.choices},
        "gender": {k: str(v) for k, v in Registration.Gender.choices},
        "age_band": {k: str(v) for k, v in Registration.AgeBand.choices},
    }


BREAKDOWN_TITLES = {
    "format": _("By format"),
    "country": _("By country"),
    "organisation_type": _("By type of organisation"),
    "gender": _("By gender (self-declared)"),
    "age_band": _("By age (self-declared)"),
}


@login_required
def statistics(request: HttpRequest, slug: str) -> HttpResponse:
    call = _organiser_call(request, slug)
    stats = services.statistics(call)
    labels = _labels()
    tables = [
        {
            "key": key,
            "title": BREAKDOWN_TITLES[key],
            "rows": (rows := _breakdown_rows(stats, key, labels[key])),
            "height": len(rows) * 26,
        }
        for key in services.BREAKDOWNS
    ]
    context = {"call": call, "forum": call.forum, "stats": stats, "tables": tables}
    return render(request, "participation/statistics.html", context)


@login_required
def statistics_csv(request: HttpRequest, slug: str) -> HttpResponse:
    from kurultai.core.csvsafe import SafeDictWriter

    call = _organiser_call(request, slug)
    stats = services.statistics(call)
    labels = _labels()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="participation-{call.forum.slug}.csv"'
    writer = SafeDictWriter(response, fieldnames=["breakdown", "value", "label", "registered", "attended"])
    writer.writeheader()
    writer.writerow(
        {
            "breakdown": "total",
            "value": "",
            "label": "",
            "registered": stats["registered"],
            "attended": stats["attended"],
        }
    )
    for key in services.BREAKDOWNS:
        for value, count in sorted(stats[key].items()):
            writer.writerow(
                {
                    "breakdown": key,
                    "value": value,
                    "label": labels[key].get(value, value),
                    "registered": count,
                    "attended": stats[f"{key}_attended"].get(value, 0),
                }
            )
    return response


@login_required
def feedback_results(request: HttpRequest, slug: str) -> HttpResponse:
    call = _organiser_call(request, slug)
    questions = list(call.questions.filter(purpose=Question.Purpose.FEEDBACK))
    responses = list(FeedbackResponse.objects.filter(registration__call=call).values_list("answers", flat=True))
    results = []
    for question in questions:
        values = [r.get(str(question.pk)) for r in responses if r.get(str(question.pk)) not in (None, "", [])]
        item: dict[str, Any] = {"question": question, "count": len(values)}
        if question.kind == Question.Kind.SCALE:
            numbers = [v for v in values if isinstance(v, int)]
            item["average"] = round(sum(numbers) / len(numbers), 1) if numbers else None
            item["distribution"] = [(n, numbers.count(n)) for n in range(1, 6)]
        elif question.kind == Question.Kind.MULTIPLE:
            flat = [choice for v in values if isinstance(v, list) for choice in v]
            item["distribution"] = [(c, flat.count(c)) for c in question.choice_list()]
        elif question.kind in (Question.Kind.CHOICE, Question.Kind.YES_NO):
            item["distribution"] = sorted({v: values.count(v) for v in values}.items())
        else:
            item["texts"] = values[:200]
        results.append(item)
    context = {"call": call, "forum": call.forum, "results": results, "responses": len(responses)}
    return render(request, "participation/feedback_results.html", context)
