"""The public verification page, the PDF, and the holder's own certificates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kurultai.certificates import services
from kurultai.certificates.forms import RenameForm, VerifyForm
from kurultai.certificates.models import Certificate, normalise_code
from kurultai.certificates.pdf import certificate_pdf, pdf_response


def lookup(request: HttpRequest) -> HttpResponse:
    """Type a code from a paper certificate."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        if Certificate.objects.filter(code=code).exists():
            return redirect("certificates:verify", code=code)
        form.add_error("code", _("No certificate has this code. Check the letters and dashes."))
    response = render(request, "certificates/lookup.html", {"form": form})
    response["X-Robots-Tag"] = "noindex"
    return response


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Anyone holding the paper can check it: name, what, date, issuer and whether it still holds."""
    certificate = get_object_or_404(Certificate, code=normalise_code(code))
    response = render(request, "certificates/verify.html", {"certificate": certificate})
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate, code=normalise_code(code))
    if not request.user.has_perm("certificates.download_certificate", certificate):
        raise PermissionDenied(_("Only the holder can download this certificate."))
    return pdf_response(certificate_pdf(certificate), f"certificate-{certificate.code}.pdf")


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    certificates = list(Certificate.objects.filter(holder=request.user))
    return render(request, "certificates/mine.html", {"certificates": certificates, "nav": "account"})


@login_required
def rename(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate, code=normalise_code(code))
    if not request.user.has_perm("certificates.rename_certificate", certificate):
        raise PermissionDenied(_("Only the holder can change the name on a certificate."))
    if request.method == "POST":
        form = RenameForm(request.POST)
        if form.is_valid():
            try:
                services.rename(certificate, holder_name=form.cleaned_data["holder_name"], actor=request.user)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("The name on the certificate is now “%(name)s”.") % {"name": certificate.holder_name}
                )
                return redirect(reverse("certificates:mine"))
    elif request.method == "GET":
        form = RenameForm(initial={"holder_name": certificate.holder_name})
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(request, "certificates/rename.html", {"form": form, "certificate": certificate, "nav": "account"})
