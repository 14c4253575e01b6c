"""What the transparency app records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class TransparencyAction(models.TextChoices):
    IMPORTED = "transparency.import", _("IATI file imported")
    LINK_SUGGESTED = "transparency.link_suggestions", _("Project links suggested")
    LINK_DECIDED = "transparency.link_decided", _("Project link confirmed or rejected")
    LINK_ADDED = "transparency.link_added", _("Project linked to a recommendation by hand")
    NOTE_POSTED = "transparency.note", _("Monitoring note posted")
