"""Editors translate: the workspace of records lacking a language, side-by-side editing, machine translation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core import machine_translation, translation_workspace
from kurultai.core.redirects import redirect_to_next


@login_required
@require_POST
def machine_translate(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """Queue the record's translation in the background; back to the page the button was on."""
    if not request.user.has_perm("core.translate_content"):
        raise PermissionDenied
    model = machine_translation.translatable_models().get(label)
    if model is None:
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    if not machine_translation.is_enabled():
        messages.error(request, _("Machine translation is off: no translation service is configured."))
    elif not machine_translation.missing_languages(obj):
        messages.info(request, _("This record already has text in every language."))
    else:
        machine_translation.request_translation(obj, actor=request.user)
        messages.success(request, _("Machine translation requested; the missing languages appear in a few minutes."))
    return redirect_to_next(request, obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/")


def _editor(request: HttpRequest) -> None:
    if not request.user.has_perm("core.translate_content"):
        raise PermissionDenied


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    """Which records lack which language, by kind and language; each opens side by side for translating."""
    _editor(request)
    kinds = translation_workspace.kinds()
    languages = [(code, name) for code, name in settings.LANGUAGES]
    kind = request.GET.get("kind") or "forums.recommendation"
    language = request.GET.get("language") or "ky"
    if kind not in dict(kinds) or language not in dict(languages):
        return render(
            request, "core/translations.html", {"kinds": kinds, "languages": languages, "bad": True}, status=400
        )
    page = Paginator(translation_workspace.lacking(kind, language), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/translations.html",
        {"kinds": kinds, "languages": languages, "kind": kind, "language": language, "page": page},
    )


@login_required
def translate_record(request: HttpRequest, label: str, pk: int, language: str) -> HttpResponse:
    """One record side by side: the text shown today beside boxes for ``language``."""
    _editor(request)
    model = machine_translation.translatable_models().get(label)
    if model is None or language not in dict(settings.LANGUAGES):
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    fields = translation_workspace.fields_of(obj)
    if request.method == "POST":
        values = {name: str(request.POST.get(name, ""))[:50000] for name, _label, _text in fields}
        try:
            translation_workspace.save_translation(request.user, obj, language, values)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(f"{reverse('core:translations')}?kind={label}&language={language}")
    rows = [
        {
            "name": name,
            "label": field_label,
            "source": text,
            "value": request.POST.get(name, text.get(language, ""))
            if request.method == "POST"
            else text.get(language, ""),
            "machine": language in text.get("_machine", []),
        }
        for name, field_label, text in fields
    ]
    return render(
        request,
        "core/translate_record.html",
        {
            "obj": obj,
            "rows": rows,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "label": label,
        },
    )
