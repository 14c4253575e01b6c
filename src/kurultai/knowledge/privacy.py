"""What the knowledge hub holds about a person, and what erasure does with it."""

from kurultai.core.privacy import PersonalData
from kurultai.knowledge.models import (
    BuildingBlock,
    ContactMessage,
    DemoSite,
    HubRole,
    Practice,
    PracticeVersion,
    ReviewComment,
    VisitRequest,
)

DECLARATIONS = [
    PersonalData(HubRole, fields=("hub", "role", "granted_at"), table="knowledge_hub_roles"),
    PersonalData(HubRole, user_field="granted_by", fields=("hub", "role"), erase="detach", table="hub_roles_granted"),
    # Practices belong to the hub once contributed; who contributed, contacts and reviewers are forgotten.
    PersonalData(Practice, user_field="created_by", fields=("created_at",), erase="detach", table="practices"),
    PersonalData(
        Practice, user_field="contact_person", fields=("created_at",), erase="detach", table="practice_contact"
    ),
    PersonalData(
        PracticeVersion, user_field="created_by", fields=("title", "number", "status"), erase="detach", table="versions"
    ),
    PersonalData(
        PracticeVersion, user_field="published_by", fields=("title", "number"), erase="detach", table="published"
    ),
    PersonalData(BuildingBlock, user_field="created_by", fields=("title",), erase="detach", table="building_blocks"),
    PersonalData(
        DemoSite, user_field="created_by", fields=("name", "status"), erase="detach", table="demonstration_sites"
    ),
    PersonalData(
        DemoSite,
        user_field="decided_by",
        fields=("name", "status", "decision_note"),
        erase="detach",
        table="site_decisions",
    ),
    PersonalData(
        ReviewComment,
        user_field="author",
        fields=("version", "kind", "text", "created_at"),
        erase="keep",
        table="review_comments",
    ),
    PersonalData(ContactMessage, user_field="sender", fields=("practice", "text", "created_at"), table="messages"),
    PersonalData(
        VisitRequest,
        user_field="requester",
        fields=("site", "when", "group_size", "message", "created_at"),
        table="visit_requests",
    ),
]
