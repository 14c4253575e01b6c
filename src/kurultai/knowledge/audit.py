"""What the knowledge hub records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class KnowledgeAction(models.TextChoices):
    ROLE_GRANTED = "knowledge.role_granted", _("Hub role granted")
    ROLE_REVOKED = "knowledge.role_revoked", _("Hub role revoked")
    PRACTICE_CREATED = "practice.created", _("Good practice drafted")
    PRACTICE_IMPORTED = "practice.imported", _("Good practice drafted from a DOCX template")
    PRACTICE_CHANGED = "practice.changed", _("Good practice changed")
    PRACTICE_NEW_VERSION = "practice.new_version", _("New version of a good practice started")
    PRACTICE_SUBMITTED = "practice.submitted", _("Good practice submitted for review")
    PRACTICE_RETURNED = "practice.returned", _("Good practice returned to its contributor")
    PRACTICE_PASSED = "practice.passed", _("Good practice passed to a publisher")
    PRACTICE_PUBLISHED = "practice.published", _("Good practice published")
    PRACTICE_COMMENTED = "practice.commented", _("Comment on a good practice in review")
    PHOTO_ADDED = "knowledge.photo_added", _("Photo added")
    CONTACTED = "practice.contacted", _("Message sent about a good practice")
    SITE_SAVED = "site.saved", _("Demonstration site saved")
    VISIT_REQUESTED = "site.visit_requested", _("Visit to a demonstration site requested")
    SITE_PROPOSED = "site.proposed", _("Demonstration site proposed by its host")
    SITE_PUBLISHED = "site.published", _("Proposed demonstration site published")
    SITE_DECLINED = "site.declined", _("Proposed demonstration site declined")
