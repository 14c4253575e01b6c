"""Import (upload → preview → confirm) and export (DOCX, Markdown) of a forum's outcome document."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kurultai.core.multilingual import active_language
from kurultai.forums import selectors
from kurultai.forums.forms import OutcomeUploadForm
from kurultai.forums.models import Forum
from kurultai.forums.outcome.document import OutcomeDocument
from kurultai.forums.outcome.export import to_docx, to_markdown
from kurultai.forums.services import detect_language, import_outcome, plan_outcome_import

PREVIEW_MAX_AGE = 60 * 60
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _signer(forum: Forum) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"kurultai.outcome-import.{forum.pk}")


def _editable_forum(request: HttpRequest, slug: str) -> Forum | HttpResponse:
    forum = get_object_or_404(Forum, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("forums.manage_outcome", forum):
        raise PermissionDenied
    return forum


@require_http_methods(["GET", "POST"])
def outcome_import(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a document, see what would change, then confirm; nothing is written before the confirmation."""
    forum = _editable_forum(request, slug)
    if isinstance(forum, HttpResponse):
        return forum
    context = {"forum": forum, "nav": "forums"}
    if request.method == "POST" and "payload" in request.POST:
        try:
            data = _signer(forum).unsign_object(request.POST["payload"], max_age=PREVIEW_MAX_AGE)
        except signing.BadSignature:
            messages.error(request, _("The preview has expired or was altered. Upload the document again."))
            return redirect("forums:outcome_import", slug=forum.slug)
        plan = import_outcome(forum, OutcomeDocument.from_dict(data["document"]), data["language"], request.user)
        messages.success(
            request,
            _("Outcome document imported: %(create)d new, %(update)d changed, %(delete)d removed.") % plan.summary(),
        )
        return redirect(forum)
    form = OutcomeUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        language = form.cleaned_data["language"] or detect_language(document.text)
        plan = plan_outcome_import(forum, document, language)
        payload = _signer(forum).sign_object({"document": document.to_dict(), "language": language}, compress=True)
        context |= {"plan": plan, "payload": payload, "language": language}
    context["form"] = form
    return render(request, "forums/outcome_import.html", context)


def outcome_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The outcome document in the reader's language, as DOCX or Markdown."""
    forum = get_object_or_404(selectors.published_forums(), slug=slug)
    lang = active_language()
    filename = f"kurultai-{forum.slug}-outcome-{lang}"
    if fmt == "docx":
        response = HttpResponse(to_docx(forum, lang), content_type=DOCX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.docx"'
    else:
        response = HttpResponse(to_markdown(forum, lang), content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.md"'
    return response
