"""What the directory holds about a person, and what erasure does with it."""

from kurultai.core.privacy import PersonalData
from kurultai.organisations.models import Membership, Organisation, PartnerInterest, PartnerRequest

DECLARATIONS = [
    # Memberships go: the person no longer acts for anyone.
    PersonalData(
        Membership,
        fields=("organisation", "role", "status", "message", "requested_at", "decided_at"),
        table="memberships",
    ),
    PersonalData(
        Membership,
        user_field="decided_by",
        fields=("organisation", "status", "decided_at"),
        erase="detach",
        table="membership_decisions",
    ),
    PersonalData(
        Organisation,
        user_field="verified_by",
        fields=("name", "verified_at"),
        erase="detach",
        table="organisations_verified",
    ),
    # Requests and answers stay for the organisations involved, signed "former member".
    PersonalData(
        PartnerRequest,
        user_field="author",
        fields=("organisation", "title", "purpose", "deadline", "status", "created_at"),
        erase="keep",
        table="partner_requests",
    ),
    # Moderators' decisions stay; who took them is forgotten.
    PersonalData(
        PartnerRequest,
        user_field="hidden_by",
        fields=("title", "hidden_at", "hidden_reason"),
        erase="detach",
        table="partner_requests_hidden",
    ),
    PersonalData(
        PartnerInterest,
        user_field="author",
        fields=("request", "organisation", "message", "created_at"),
        erase="keep",
        table="partner_interests",
    ),
]
