"""What the library records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class LibraryAction(models.TextChoices):
    PUBLICATION_CREATED = "library.publication_created", _("Publication created")
    PUBLICATION_CHANGED = "library.publication_changed", _("Publication changed")
    PUBLICATION_PUBLISHED = "library.publication_published", _("Publication published")
    PUBLICATION_WITHDRAWN = "library.publication_withdrawn", _("Publication withdrawn")
    FILE_ADDED = "library.file_added", _("Publication file added")
    FILE_REMOVED = "library.file_removed", _("Publication file removed")
    INTERVIEW_CREATED = "library.interview_created", _("Expert interview recorded")
    INTERVIEW_PUBLISHED = "library.interview_published", _("Expert interview published")
