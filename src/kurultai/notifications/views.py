"""Pages of the delivery system: follow buttons, "What you follow", filtered streams, one-click unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kurultai.core.redirects import redirect_to_next
from kurultai.notifications import services
from kurultai.notifications.forms import DeliveryForm, StreamForm
from kurultai.notifications.models import Subscription
from kurultai.notifications.registry import channels, followables
from kurultai.notifications.selectors import describe


@login_required
@require_POST
def toggle_follow(request: HttpRequest) -> HttpResponse:
    """Follow or stop following one object (a forum, a recommendation, a theme …)."""
    followable = followables.get(request.POST.get("kind", ""))
    key = request.POST.get("key", "")[:100]
    obj = followable.lookup([key]).get(key) if followable else None
    if obj is None:
        return render(request, "notifications/unknown.html", status=400)
    terms = {followable.kind: [key]}
    existing = services.subscription_for(request.user, terms)
    if existing is not None:
        services.unsubscribe(existing, actor=request.user)
        messages.success(request, _("You no longer follow this."))
    else:
        services.subscribe(user=request.user, terms=terms)
        messages.success(request, _("You follow this now. Choose how news reaches you on “What you follow”."))
    return redirect_to_next(request, obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "home")


@login_required
def following(request: HttpRequest) -> HttpResponse:
    """News on what the person follows, and everything they follow with its channels and frequency."""
    items = list(request.user.notifications.all()[:100])
    unread = {n.pk for n in items if n.read_at is None}
    services.mark_read(request.user)
    subscriptions = list(request.user.subscriptions.prefetch_related("terms"))
    rows = [
        (
            followed,
            DeliveryForm(
                user=request.user,
                initial={"channels": followed.subscription.channels, "frequency": followed.subscription.frequency},
                prefix=f"s{followed.subscription.pk}",
            ),
        )
        for followed in describe(subscriptions)
    ]
    return render(
        request,
        "notifications/following.html",
        {"items": items, "unread": unread, "rows": rows, "nav": "account", "channels": list(channels)},
    )


@login_required
@require_POST
def change(request: HttpRequest, pk: int) -> HttpResponse:
    """Change channels and frequency of one subscription, or stop it."""
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    if "stop" in request.POST:
        services.unsubscribe(subscription, actor=request.user)
        messages.success(request, _("You no longer follow this."))
        return redirect("notifications:following")
    form = DeliveryForm(request.POST, user=request.user, prefix=f"s{pk}")
    if form.is_valid():
        services.update_subscription(
            subscription,
            channels=form.cleaned_data["channels"],
            frequency=form.cleaned_data["frequency"],
            actor=request.user,
        )
        messages.success(request, _("Saved."))
        return redirect("notifications:following")
    messages.error(request, _("That choice is not available. Nothing was changed."))
    return redirect("notifications:following")


@login_required
def new_stream(request: HttpRequest) -> HttpResponse:
    """Subscribe to news with filters, e.g. follow-up updates in Kyrgyzstan addressed to national governments."""
    form = StreamForm(request.POST or None, user=request.user, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        services.subscribe(
            user=request.user,
            terms=form.cleaned_data["terms"],
            channels=form.cleaned_data["channels"],
            frequency=form.cleaned_data["frequency"],
        )
        messages.success(request, _("You follow this now."))
        return redirect("notifications:following")
    return render(request, "notifications/stream.html", {"form": form, "nav": "account"})


def _initial(request: HttpRequest) -> dict:
    """Pre-fill from a page's filters (``?stream=followup&country=KG&theme=water``)."""
    initial: dict = {}
    if request.method == "GET":
        if request.GET.get("stream"):
            initial["stream"] = request.GET["stream"]
        for key, values in request.GET.lists():
            if key not in {"stream", "page", "q"}:
                initial[f"dim_{key}"] = [v for v in values if v]
    return initial


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058 one-click unsubscribe: POST without sign-in through a signed token; GET asks to confirm."""
    data = services.read_unsubscribe_token(token)
    if data is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    channel = channels.get(data["c"])
    if request.method == "POST":
        services.remove_channel(data.get("s") or [], data["u"], data["c"])
        return render(request, "notifications/unsubscribe.html", {"done": True, "channel": channel})
    return render(request, "notifications/unsubscribe.html", {"channel": channel, "token": token})
