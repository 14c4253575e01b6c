"""What people follow in the forums app: a forum edition (and through it, everything about its outcome)."""

from django.utils.translation import gettext_lazy as _

from kurultai.forums.models import Forum
from kurultai.notifications.registry import Dimension, Followable, dimensions, followables

followables.register(
    Followable(kind="forum", label=_("Forum"), model=Forum, key_field="slug", visible=lambda qs: qs.published())
)


def _forums() -> list[tuple[str, str]]:
    return [(f.slug, str(f)) for f in Forum.objects.published()]


dimensions.register(Dimension(key="forum", label=_("Forums"), choices=_forums))
