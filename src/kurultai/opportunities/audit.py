"""What the opportunities app records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class OpportunityAction(models.TextChoices):
    PROPOSED = "opportunity.proposed", _("Opportunity proposed")
    CHANGED = "opportunity.changed", _("Opportunity changed")
    PUBLISHED = "opportunity.published", _("Opportunity published")
    REJECTED = "opportunity.rejected", _("Opportunity rejected")
    EXPIRED = "opportunity.expired", _("Opportunity expired after its deadline")
    SAVED = "opportunity.saved", _("Opportunity saved")
    UNSAVED = "opportunity.unsaved", _("Opportunity removed from saved")
    FEED_ADDED = "opportunity.feed_added", _("Donor feed registered")
    FEED_IMPORTED = "opportunity.feed_imported", _("Donor feed read")
    PARTNER_SEARCH_POSTED = "opportunity.partner_search", _("Partner search for an opportunity posted")
    MESSAGE_SENT = "conversation.message", _("Message sent in a partner conversation")
    CONSORTIUM_CREATED = "consortium.created", _("Consortium created")
    CONSORTIUM_INVITED = "consortium.invited", _("Organisation invited to a consortium")
    CONSORTIUM_ANSWERED = "consortium.answered", _("Invitation to a consortium confirmed or withdrawn")
    CONSORTIUM_CHANGED = "consortium.changed", _("Consortium details changed")
    CHECKLIST_CHANGED = "consortium.checklist", _("Consortium checklist changed")
    SECTION_SAVED = "consortium.section", _("Proposal section saved")
    SECTION_COMMENTED = "consortium.comment", _("Comment on a proposal section")
    FILE_UPLOADED = "consortium.file", _("File uploaded to a consortium")
