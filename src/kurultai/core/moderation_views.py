"""The one moderation action every app shares: hide or restore a record, with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core import moderation


@login_required
@require_POST
def moderate(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """POST ``action`` (hide or restore) and ``reason``; back to the record's page."""
    if not request.user.has_perm("core.moderate"):
        raise PermissionDenied
    model = moderation.MODERATED.get(label)
    action = request.POST.get("action")
    if model is None or action not in ("hide", "restore"):
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    change = moderation.hide if action == "hide" else moderation.restore
    try:
        changed = change(obj, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if changed:
            messages.success(request, _("Hidden.") if action == "hide" else _("Restored."))
    target = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/"
    return redirect(target)
