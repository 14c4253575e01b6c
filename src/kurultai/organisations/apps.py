from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "kurultai.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from kurultai.core import moderation
        from kurultai.organisations import searchable
        from kurultai.organisations.models import Membership, PartnerRequest
        from kurultai.organisations.rules import forget_representation

        searchable.connect()
        for signal in (post_save, post_delete):
            signal.connect(forget_representation, sender=Membership, dispatch_uid=f"forget-representation-{signal}")
        moderation.register(PartnerRequest, excerpt=lambda r: f"{r.title}\n\n{r.purpose}")
