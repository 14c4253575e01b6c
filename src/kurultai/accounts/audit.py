"""What accounts record in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class AccountAction(models.TextChoices):
    PROFILE_CHANGED = "account.profile_changed", _("Profile changed")
    CONSENTED = "account.consented", _("Accepted a legal document")
    DATA_EXPORTED = "account.data_exported", _("Downloaded their data")
    DATA_EXPORT_REQUESTED = "account.data_export_requested", _("Asked for their data by email")
    ERASED = "account.erased", _("Account erased")
