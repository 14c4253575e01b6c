"""Cohorts: a cohort's page (enrolment, announcements, group chat link), creating one, invitations, and the
facilitator report with reminders and CSV export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core.csvsafe import SafeDictWriter
from kurultai.learning import authoring, reports, services
from kurultai.learning.forms import AnnouncementForm, CohortForm, EnrolForm, InviteForm
from kurultai.learning.models import Cohort, Course


def _cohort(request: HttpRequest, pk: int) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    if not request.user.has_perm("learning.read_course", cohort.course):
        raise Http404
    return cohort


def _running(request: HttpRequest, pk: int) -> Cohort:
    cohort = _cohort(request, pk)
    if not request.user.has_perm("learning.run_cohort", cohort):
        raise PermissionDenied
    return cohort


def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    enrolled = request.user.is_authenticated and cohort.enrolments.filter(user=request.user).exists()
    runs = request.user.has_perm("learning.run_cohort", cohort)
    modules = list(cohort.course.modules.all())
    return render(
        request,
        "learning/cohort.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "enrolled": enrolled,
            "runs": runs,
            "form": EnrolForm(),
            "announcements": cohort.announcements.all()[:10] if enrolled or runs else [],
            "schedule": [(m, cohort.released(m)) for m in modules],
            "announce_form": AnnouncementForm() if runs else None,
            "invite_form": InviteForm() if runs and cohort.enrolment == Cohort.Enrolment.INVITATION else None,
            "nav": "learning",
        },
    )


@login_required
@require_POST
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    form = EnrolForm(request.POST)
    form.is_valid()
    try:
        services.enrol(
            cohort, request.user, code=form.cleaned_data.get("code", ""), token=request.POST.get("token", "")[:60]
        )
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are enrolled."))
    return redirect(cohort.get_absolute_url())


@login_required
def cohort_new(request: HttpRequest, slug: str) -> HttpResponse:
    course = get_object_or_404(Course, slug=slug)
    if not request.user.has_perm("learning.author_course", course):
        raise PermissionDenied
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = authoring.save_cohort(Cohort(course=course), form.cleaned_data, request.user)
        return redirect(cohort.get_absolute_url())
    return render(request, "learning/form.html", {"form": form, "title": _("New cohort"), "course": course})


@login_required
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _running(request, pk)
    form = CohortForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        authoring.save_cohort(cohort, form.cleaned_data, request.user)
        return redirect(cohort.get_absolute_url())
    return render(request, "learning/form.html", {"form": form, "title": cohort.name, "course": cohort.course})


@login_required
@require_POST
def announce(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _running(request, pk)
    form = AnnouncementForm(request.POST)
    if form.is_valid():
        services.announce(cohort, form.cleaned_data["text"], request.user)
        messages.success(request, _("Announcement sent to the cohort."))
    else:
        messages.error(request, _("Write the announcement (at most 2,000 characters)."))
    return redirect(cohort.get_absolute_url())


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _running(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        invitation = services.invite(cohort, form.cleaned_data["email"], request.user)
        link = request.build_absolute_uri(cohort.get_absolute_url()) + f"?token={invitation.token}"
        messages.success(request, _("Invitation ready. Send this link: %(link)s") % {"link": link})
    else:
        messages.error(request, _("Give a valid email address."))
    return redirect(cohort.get_absolute_url())


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _running(request, pk)
    data = reports.cohort_report(cohort)
    return render(request, "learning/report.html", {"cohort": cohort, "course": cohort.course, **data})


@login_required
def report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _running(request, pk)
    data = reports.cohort_report(cohort)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}.csv"'
    fields = ["learner", "email", "completed", "lessons", "score", "last_active"]
    writer = SafeDictWriter(response, fieldnames=fields)
    writer.writeheader()
    for row in data["learners"]:
        writer.writerow(
            {
                "learner": row["name"],
                "email": row["email"],
                "completed": row["done"],
                "lessons": data["lesson_count"],
                "score": "" if row["score"] is None else row["score"],
                "last_active": row["last_active"].isoformat() if row["last_active"] else "",
            }
        )
    return response


@login_required
@require_POST
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _running(request, pk)
    ids = []
    for value in request.POST.getlist("learner")[:500]:
        try:
            ids.append(int(value))
        except ValueError:
            continue
    count = services.remind(cohort, ids, request.user)
    if count:
        messages.success(request, _("Reminder sent to %(count)s learners.") % {"count": count})
    else:
        messages.error(request, _("Choose at least one learner of this cohort."))
    return redirect("learning:report", pk=cohort.pk)
