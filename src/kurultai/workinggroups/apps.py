from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkinggroupsConfig(AppConfig):
    name = "kurultai.workinggroups"
    label = "workinggroups"
    verbose_name = _("Working groups")

    def ready(self) -> None:
        from kurultai.core.moderation import register
        from kurultai.forums.panels import register_recommendation_fact, register_recommendation_panel
        from kurultai.workinggroups import kinds, rules  # noqa: F401
        from kurultai.workinggroups.models import Post
        from kurultai.workinggroups.views import answering_actions_exist, answering_actions_panel

        kinds.register_kind()
        register(Post)
        register_recommendation_panel(answering_actions_panel)
        register_recommendation_fact("panel_has_answering_actions", answering_actions_exist)
