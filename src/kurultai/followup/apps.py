from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "kurultai.followup"
    label = "followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from kurultai.followup import recommendations

        recommendations.register_kind()

        from kurultai.followup import recurrence
        from kurultai.followup.views import panel
        from kurultai.forums.panels import register_recommendation_fact, register_recommendation_panel

        register_recommendation_panel(panel)
        register_recommendation_fact("panel_has_recurrences", recurrence.confirmed_exists)

        from kurultai.followup import tracking

        tracking.connect()

        from kurultai.followup import facts

        facts.connect()

        from kurultai.followup import searchable

        searchable.connect()
