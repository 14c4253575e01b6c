"""What the directory records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class OrganisationAction(models.TextChoices):
    MEMBERSHIP_REQUESTED = "membership.requested", _("Asked to represent an organisation")
    MEMBERSHIP_APPROVED = "membership.approved", _("Membership approved")
    MEMBERSHIP_DECLINED = "membership.declined", _("Membership declined")
    ORGANISATION_CREATED = "organisation.created", _("Organisation added")
    ORGANISATION_CHANGED = "organisation.changed", _("Organisation profile changed")
    ORGANISATION_VERIFIED = "organisation.verified", _("Organisation verified")
    ORGANISATION_UNVERIFIED = "organisation.unverified", _("Organisation verification withdrawn")
    ORGANISATION_PROPOSED = "organisation.proposed", _("Organisation proposed by a member")
    PROPOSAL_ACCEPTED = "organisation.proposal_accepted", _("Proposed organisation accepted")
    PROPOSAL_DECLINED = "organisation.proposal_declined", _("Proposed organisation declined")
    PARTNER_REQUEST_POSTED = "partner_request.posted", _("Partner request published")
    PARTNER_REQUEST_CLOSED = "partner_request.closed", _("Partner request closed")
    INTEREST_EXPRESSED = "partner_request.interest", _("Interest in a partner request sent")
