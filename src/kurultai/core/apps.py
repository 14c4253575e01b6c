from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kurultai.core"
    label = "core"
    verbose_name = _("Taxonomy")

    def ready(self) -> None:
        from kurultai.core.taxonomy import sync_taxonomy

        post_migrate.connect(sync_taxonomy, sender=self, dispatch_uid="kurultai.core.sync_taxonomy")
