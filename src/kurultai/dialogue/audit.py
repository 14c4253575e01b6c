"""Audited actions of the dialogue app (ids only in the entries)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class DialogueAction(models.TextChoices):
    CONSULTATION_CREATED = "dialogue.consultation_created", _("Consultation created")
    CONSULTATION_CHANGED = "dialogue.consultation_changed", _("Consultation changed")
    PHASE_CHANGED = "dialogue.phase_changed", _("Consultation phase changed")
    REPORT_PUBLISHED = "dialogue.report_published", _("Consultation report published")
    DOCUMENT_ADDED = "dialogue.document_added", _("Document added to a consultation")
    CONTRIBUTED = "dialogue.contributed", _("Contribution posted")
    ENDORSED = "dialogue.endorsed", _("Contribution endorsed by an organisation")
    POSITION_DRAFTED = "dialogue.position_drafted", _("Position drafted")
    POSITION_EDITED = "dialogue.position_edited", _("Position edited")
    POSITION_OPENED = "dialogue.position_opened", _("Position opened for co-signature")
    POSITION_SIGNED = "dialogue.position_signed", _("Position co-signed")
    POSITION_SUBMITTED = "dialogue.position_submitted", _("Position submitted to addressees")
