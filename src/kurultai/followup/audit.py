"""What the follow-up records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class FollowupAction(models.TextChoices):
    RESPONSE_POSTED = "followup.response", _("Official response posted")
    UPDATE_POSTED = "followup.update", _("Progress update posted")
    ASSESSMENT_POSTED = "followup.assessment", _("Assessment posted")
    ACTOR_SET = "followup.actor", _("Responsible actor set")
    ACTOR_REMOVED = "followup.actor_removed", _("Responsible actor removed")
    RECURRENCE_DECIDED = "followup.recurrence", _("Recurrence confirmed or rejected")
    RECURRENCES_SUGGESTED = "followup.recurrence_suggestions", _("Recurrences suggested")
