"""What the opportunities app holds about a person, and what erasure does with it."""

from kurultai.core.privacy import PersonalData
from kurultai.opportunities.models import (
    Consortium,
    ConsortiumFile,
    ConversationMessage,
    DonorFeed,
    Opportunity,
    SavedOpportunity,
    SectionComment,
    SectionVersion,
)

DECLARATIONS = [
    PersonalData(SavedOpportunity, fields=("opportunity", "saved_at"), table="saved_opportunities"),
    # Proposals and editorial decisions stay; who made them is forgotten.
    PersonalData(
        Opportunity,
        user_field="proposed_by",
        fields=("title", "status", "created_at"),
        erase="detach",
        table="opportunities_proposed",
    ),
    PersonalData(
        Opportunity,
        user_field="reviewed_by",
        fields=("title", "status"),
        erase="detach",
        table="opportunities_reviewed",
    ),
    PersonalData(DonorFeed, user_field="added_by", fields=("name", "url"), erase="detach", table="donor_feeds"),
    # Messages and proposal texts belong to the organisations involved; they stay, signed "former member".
    PersonalData(
        ConversationMessage,
        user_field="author",
        fields=("interest", "organisation", "text", "created_at"),
        erase="keep",
        table="conversation_messages",
    ),
    PersonalData(Consortium, user_field="created_by", fields=("name", "created_at"), erase="detach", table="consortia"),
    PersonalData(
        SectionVersion,
        user_field="author",
        fields=("consortium", "section", "number", "created_at"),
        erase="keep",
        table="proposal_versions",
    ),
    PersonalData(
        SectionComment,
        user_field="author",
        fields=("consortium", "section", "text", "created_at"),
        erase="keep",
        table="proposal_comments",
    ),
    PersonalData(
        ConsortiumFile,
        user_field="uploaded_by",
        fields=("consortium", "title", "uploaded_at"),
        erase="keep",
        table="consortium_files",
    ),
]
