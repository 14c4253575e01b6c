from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "kurultai.transparency"
    label = "transparency"
    verbose_name = _("Donor projects")

    def ready(self) -> None:
        from kurultai.transparency import searchable

        searchable.connect()
        from kurultai.core import moderation
        from kurultai.forums.panels import register_recommendation_fact, register_recommendation_panel
        from kurultai.notifications.scheduler import register_job
        from kurultai.transparency.models import MonitoringNote
        from kurultai.transparency.tasks import refresh_iati_sources
        from kurultai.transparency.views import confirmed_links_exist, recommendation_panel

        register_recommendation_panel(recommendation_panel)
        register_recommendation_fact("panel_has_project_links", confirmed_links_exist)
        register_job("transparency.refresh", timedelta(hours=24), refresh_iati_sources)
        moderation.register(MonitoringNote)
