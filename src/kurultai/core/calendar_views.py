"""A person's secret calendar of what they follow, and the button that replaces its link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kurultai.core.calendars import (
    calendar_response,
    personal_calendar_name,
    personal_events,
    reset_calendar_token,
    user_from_calendar_token,
)
from kurultai.core.redirects import redirect_to_next


def personal_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The sessions of everything the token's owner follows; calendar apps fetch it without signing in."""
    user = user_from_calendar_token(token)
    if user is None:
        raise Http404(_("This calendar link is not valid (any more)."))
    response = calendar_response(personal_events(user), personal_calendar_name(), "kurultai.ics")
    response["Cache-Control"] = "private, max-age=900"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_POST
def reset_calendar_link(request: HttpRequest) -> HttpResponse:
    """Replace the person's calendar link, e.g. after it was shared by mistake."""
    reset_calendar_token(request.user)
    messages.success(request, _("Your calendar has a new link; the old one no longer works."))
    return redirect_to_next(request, "accounts:profile")
