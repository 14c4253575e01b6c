from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "kurultai.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge hub")

    def ready(self) -> None:
        from kurultai.knowledge import rules, searchable  # noqa: F401 - rules registers the permissions

        searchable.connect()
