"""What the forums app records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class ForumAction(models.TextChoices):
    OUTCOME_IMPORTED = "forums.outcome_imported", _("Outcome document imported")
    SERIES_CREATED = "forums.series_created", _("Forum series created")
    SERIES_UPDATED = "forums.series_updated", _("Forum series changed")
    FORUM_CREATED = "forums.forum_created", _("Forum created")
    FORUM_UPDATED = "forums.forum_updated", _("Forum changed")
    FORUM_PUBLISHED = "forums.forum_published", _("Forum published")
    FORUM_UNPUBLISHED = "forums.forum_unpublished", _("Forum returned to draft")
    SESSION_CREATED = "forums.session_created", _("Session created")
    SESSION_UPDATED = "forums.session_updated", _("Session changed")
    SESSION_DELETED = "forums.session_deleted", _("Session deleted")
    SPEAKER_CREATED = "forums.speaker_created", _("Speaker created")
    SPEAKER_UPDATED = "forums.speaker_updated", _("Speaker changed")
    ROLE_ADDED = "forums.role_added", _("Session role added")
    ROLE_REMOVED = "forums.role_removed", _("Session role removed")
    RECOMMENDATIONS_TAGGED = "forums.recommendations_tagged", _("Recommendations tagged")
