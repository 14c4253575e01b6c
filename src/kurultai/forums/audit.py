"""What the forums app records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class ForumAction(models.TextChoices):
    OUTCOME_IMPORTED = "forums.outcome_imported", _("Outcome document imported")
