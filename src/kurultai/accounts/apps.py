from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kurultai.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from kurultai.accounts import signals  # noqa: F401 - connects receivers
        from kurultai.accounts.legal import ensure_legal_documents

        post_migrate.connect(ensure_legal_documents, sender=self, dispatch_uid="kurultai.accounts.legal")
