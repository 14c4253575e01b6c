"""What working groups record in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class GroupAction(models.TextChoices):
    MEMBERSHIP_REQUESTED = "workinggroups.membership_requested", _("Membership of a working group requested")
    MEMBERSHIP_DECIDED = "workinggroups.membership_decided", _("Membership of a working group decided")
    MEETING_SAVED = "workinggroups.meeting", _("Working group meeting saved")
    DOCUMENT_ADDED = "workinggroups.document", _("Working group document added")
    POSTED = "workinggroups.post", _("Message posted in a working group")
    PLAN_SAVED = "workinggroups.plan", _("Action plan saved")
    ACTION_SAVED = "workinggroups.action", _("Action saved")
    INDICATOR_SAVED = "workinggroups.indicator", _("Indicator saved")
    INDICATOR_MEASURED = "workinggroups.indicator_measured", _("Indicator value recorded")
    PLAN_ADOPTED = "workinggroups.plan_adopted", _("Action plan adopted")
    CONVENER_NAMED = "workinggroups.convener_named", _("Working group convener named")
    CONVENER_REMOVED = "workinggroups.convener_removed", _("Working group convener removed")
