from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "kurultai.dialogue"
    label = "dialogue"
    verbose_name = _("Dialogue")

    def ready(self) -> None:
        from kurultai.core import moderation
        from kurultai.dialogue import searchable, tracking
        from kurultai.dialogue.models import Contribution, Position

        moderation.register(Contribution)
        moderation.register(Position, excerpt=lambda p: f"{p}\n\n{p.current.text if p.current else ''}")
        searchable.connect()
        tracking.connect()
