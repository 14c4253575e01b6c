"""Profile, consent, "download my data" and "delete my account"."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.accounts import services
from kurultai.accounts.forms import ConsentForm, DeleteAccountForm, ProfileForm
from kurultai.accounts.legal import documents_in_force, missing_consents
from kurultai.accounts.models import DataExport
from kurultai.core.redirects import next_path

EXPORT_VALID_DAYS = 7


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """A person's own page: public name, language, notifications, organisations, privacy tools."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.update_profile(request.user, **{k: form.cleaned_data[k] for k in form.Meta.fields})
        messages.success(request, _("Your profile has been saved."))
        translation.activate(user.preferred_language)
        return redirect("accounts:profile")
    exports = request.user.data_exports.filter(
        requested_at__gte=timezone.now() - timezone.timedelta(days=EXPORT_VALID_DAYS)
    )
    return render(request, "accounts/profile.html", {"form": form, "exports": exports, "nav": "account"})


@login_required
def consent(request: HttpRequest) -> HttpResponse:
    """Accept the current terms of use and privacy notice (asked again when they change)."""
    documents = missing_consents(request.user)
    next_url = next_path(request)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(request.user, documents)
        request.session.pop("kurultai_consented", None)
        return redirect(next_url or "accounts:profile")
    return render(
        request,
        "accounts/consent.html",
        {"form": form, "documents": documents or documents_in_force(), "pending": bool(documents), "next": next_url},
    )


def legal_document(request: HttpRequest, kind: str) -> HttpResponse:
    """The version in force of the terms of use or the privacy notice."""
    document = next((d for d in documents_in_force() if d.kind == kind), None)
    if document is None:
        raise Http404
    return render(request, "accounts/legal.html", {"document": document})


@login_required
@require_POST
def download_data(request: HttpRequest) -> HttpResponse:
    """Everything held about the person, as a zip of JSON and CSV; large accounts get it by email."""
    archive, _export = services.export_personal_data(request.user)
    if archive is None:
        messages.info(request, _("Your data is being prepared. We will email you when it is ready."))
        return redirect("accounts:profile")
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="kurultai-data-{timezone.now():%Y-%m-%d}.zip"'
    return response


@login_required
def download_export(request: HttpRequest, pk: int) -> FileResponse:
    """A prepared archive, for its owner only."""
    export = get_object_or_404(
        DataExport,
        pk=pk,
        user=request.user,
        status=DataExport.Status.READY,
        requested_at__gte=timezone.now() - timezone.timedelta(days=EXPORT_VALID_DAYS),
    )
    return FileResponse(export.archive.open("rb"), as_attachment=True, filename=export.archive.name.rsplit("/", 1)[-1])


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    """Erase the account after the password is confirmed; contributions stay as "former member"."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.erase_account(request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted. Thank you for taking part."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form, "nav": "account"})
