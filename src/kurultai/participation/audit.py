"""What the participation app records in the audit log (ids and codes only)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class ParticipationAction(models.TextChoices):
    CALL_SAVED = "participation.call_saved", _("Call for participants saved")
    QUESTION_SAVED = "participation.question_saved", _("Registration question saved")
    QUESTION_DELETED = "participation.question_deleted", _("Registration question deleted")
    REGISTERED = "participation.registered", _("Registered for a forum")
    DECIDED = "participation.decided", _("Registration decided by the organisers")
    PROMOTED = "participation.promoted", _("Promoted from the waiting list")
    CANCELLED = "participation.cancelled", _("Registration cancelled")
    FORMAT_CHANGED = "participation.format_changed", _("Registration format changed")
    CHECKED_IN = "participation.checked_in", _("Participant checked in")
    ATTENDANCE_CONFIRMED = "participation.attendance_confirmed", _("Online attendance confirmed")
    TRAVEL_REQUESTED = "participation.travel_requested", _("Travel support requested")
    TRAVEL_DECIDED = "participation.travel_decided", _("Travel support decided")
    LETTER_ISSUED = "participation.letter_issued", _("Invitation letter issued")
    FEEDBACK_GIVEN = "participation.feedback_given", _("Feedback given")
    PERSONAL_DATA_REMOVED = "participation.personal_data_removed", _("Personal registration data removed")
