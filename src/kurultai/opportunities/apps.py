from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "kurultai.opportunities"
    label = "opportunities"
    verbose_name = _("Opportunities")

    def ready(self) -> None:
        from kurultai.opportunities import searchable

        searchable.connect()
        from kurultai.notifications.scheduler import register_job
        from kurultai.opportunities import calendars  # noqa: F401 - registers the personal calendar source
        from kurultai.opportunities.tasks import expire_opportunities, import_donor_feeds

        register_job("opportunities.import_feeds", timedelta(hours=6), import_donor_feeds)
        register_job("opportunities.expire", timedelta(hours=1), expire_opportunities)
