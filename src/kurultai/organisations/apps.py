from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "kurultai.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from kurultai.core import moderation
        from kurultai.organisations import searchable
        from kurultai.organisations.models import PartnerRequest

        searchable.connect()
        moderation.register(PartnerRequest, excerpt=lambda r: f"{r.title}\n\n{r.purpose}")
