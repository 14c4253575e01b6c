"""The shared dimensions every stream can be filtered by, and the taxonomy one can follow: themes and countries."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.notifications.registry import Dimension, Followable, dimensions, followables


def _countries() -> list[tuple[str, str]]:
    return [(c.code, str(c)) for c in Country.objects.exclude(region=Country.Region.EU_MEMBER)]


def _themes() -> list[tuple[str, str]]:
    return [(t.slug, str(t)) for t in Theme.objects.all()]


followables.register(Followable(kind="theme", label=_("Theme"), model=Theme, key_field="slug"))
followables.register(Followable(kind="country", label=_("Country"), model=Country, key_field="code"))
dimensions.register(Dimension(key="country", label=_("Countries"), choices=_countries))
dimensions.register(Dimension(key="theme", label=_("Themes"), choices=_themes))
