from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "kurultai.forums"
    label = "forums"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from kurultai.forums import searchable
        from kurultai.forums.taxonomy import sync_addressees

        searchable.connect()
        post_migrate.connect(sync_addressees, sender=self, dispatch_uid="kurultai.forums.sync_addressees")
