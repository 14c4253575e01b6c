"""Moderation pages every app shares: report a record, the moderators' queue, and their decisions."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kurultai.core import moderation
from kurultai.core.moderation_limits import PostingTooFast, check_posting_rate
from kurultai.core.redirects import redirect_to_next

ACTIONS = ("hide", "restore", "dismiss", "approve")


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("Why should moderators look at this?"), choices=[])
    details = forms.CharField(
        label=gettext_lazy("Details (optional)"),
        required=False,
        max_length=moderation.MAX_DETAILS,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = moderation.ReportReason.choices


def _target(label: str, pk: int):
    model = moderation.MODERATED.get(label)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


def _page_of(obj) -> str:
    return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/"


@login_required
def report(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """GET: the report form; POST ``reason`` and ``details``: one open report per person and record."""
    obj = _target(label, pk)
    if obj.is_hidden and not request.user.has_perm("core.moderate"):
        raise Http404
    if not request.user.has_perm("core.report_content"):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_posting_rate(request.user, "report")
            moderation.report(
                obj, actor=request.user, reason=form.cleaned_data["reason"], details=form.cleaned_data["details"]
            )
        except PostingTooFast as exc:
            form.add_error(None, exc)
        except ValidationError as exc:
            if exc.code == "duplicate":
                messages.info(request, " ".join(exc.messages))
                return redirect_to_next(request, _page_of(obj))
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you; moderators will look at it."))
            return redirect_to_next(request, _page_of(obj))
    return render(
        request,
        "core/moderation_report.html",
        {"form": form, "obj": obj, "label": label, "excerpt": moderation.excerpt_of(obj)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Reported records, grouped, and content held for review, with the decisions a moderator can take."""
    if not request.user.has_perm("core.moderate"):
        raise PermissionDenied
    items = moderation.queue()
    for item in items:
        item.excerpt = moderation.excerpt_of(item.obj)
    return render(request, "core/moderation_queue.html", {"items": items})


@login_required
@require_POST
def moderate(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """POST ``action`` (hide, restore, dismiss or approve) and ``reason``; back to ``next`` or the record's page."""
    if not request.user.has_perm("core.moderate"):
        raise PermissionDenied
    action = request.POST.get("action")
    if action not in ACTIONS:
        raise Http404
    obj = _target(label, pk)
    try:
        if action == "dismiss":
            changed = moderation.dismiss(obj, actor=request.user)
        elif action == "approve":
            changed = moderation.approve(obj, actor=request.user)
        else:
            change = moderation.hide if action == "hide" else moderation.restore
            changed = change(obj, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if changed:
            done = {
                "hide": _("Hidden."),
                "restore": _("Restored."),
                "dismiss": _("Reports dismissed."),
                "approve": _("Approved; it shows now."),
            }
            messages.success(request, done[action])
    return redirect_to_next(request, _page_of(obj))
