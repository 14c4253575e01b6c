from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kurultai.core"
    label = "core"
    verbose_name = _("Taxonomy")

    def ready(self) -> None:
        from kurultai.core import privacy  # noqa: F401 - registers the personal-data system check
        from kurultai.core.pagecache import on_model_change
        from kurultai.core.taxonomy import sync_taxonomy

        post_migrate.connect(sync_taxonomy, sender=self, dispatch_uid="kurultai.core.sync_taxonomy")
        from kurultai.core import synonyms

        synonyms.connect()  # search reads taxonomy names again when one changes
        # Each app's calendars.py adds its events to people's personal calendars.
        autodiscover_modules("calendars")
        for signal in (post_save, post_delete):
            signal.connect(on_model_change, dispatch_uid=f"kurultai.pagecache.{signal}")
        from kurultai.core import personalpages

        personalpages.connect()
        from kurultai.core.machine_translation import translate_new_content

        post_save.connect(translate_new_content, dispatch_uid="kurultai.core.translate_new_content")
        m2m_changed.connect(
            lambda sender, **kw: on_model_change(kw["instance"].__class__, **kw),
            weak=False,
            dispatch_uid="kurultai.pagecache.m2m",
        )
