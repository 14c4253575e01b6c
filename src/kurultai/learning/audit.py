"""What the learning app records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class LearningAction(models.TextChoices):
    COURSE_SAVED = "learning.course_saved", _("Course saved")
    CONTENT_SAVED = "learning.content_saved", _("Course content saved")
    CONTENT_DELETED = "learning.content_deleted", _("Course content deleted")
    ATTEMPT_SUBMITTED = "learning.attempt", _("Quiz attempt submitted")
    ANSWERS_REFUSED = "learning.refused", _("Quiz answers refused")
    COHORT_SAVED = "learning.cohort_saved", _("Cohort saved")
    ENROLLED = "learning.enrolled", _("Learner enrolled in a cohort")
    INVITED = "learning.invited", _("Learner invited to a cohort")
    ANNOUNCED = "learning.announced", _("Announcement sent to a cohort")
    REMINDED = "learning.reminded", _("Reminder sent to a learner")
    GUEST_MERGED = "learning.guest_merged", _("Guest progress kept at sign-up")
    CERTIFICATE_ISSUED = "learning.certificate", _("Course certificate issued")
