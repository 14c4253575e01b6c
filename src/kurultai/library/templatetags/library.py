"""Template helpers of the library."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration_minutes(seconds: object) -> str:
    """``1:02:05`` or ``12:40`` (minutes:seconds) for a recording's length."""
    try:
        total = max(0, int(seconds))
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return _("%(clock)s min") % {"clock": clock} if not hours else _("%(clock)s h") % {"clock": clock}
