"""What working groups hold about a person: requests and decisions, shared files, messages, adoptions."""

from kurultai.core.privacy import PersonalData
from kurultai.workinggroups.models import Document, GroupMembership, PlanVersion, Post, WorkingGroup

DECLARATIONS = [
    PersonalData(
        GroupMembership,
        user_field="requested_by",
        fields=("group", "organisation", "status", "requested_at"),
        erase="detach",
        table="group_membership_requests",
    ),
    PersonalData(
        GroupMembership,
        user_field="decided_by",
        fields=("group", "organisation", "status", "decided_at"),
        erase="detach",
        table="group_membership_decisions",
    ),
    PersonalData(Document, user_field="uploaded_by", fields=("group", "title", "created_at"), erase="detach",
                 table="group_documents"),
    # Messages stay in the discussion, signed "former member".
    PersonalData(Post, user_field="author", fields=("group", "organisation", "text", "created_at"), erase="detach",
                 table="group_posts"),
    PersonalData(Post, user_field="hidden_by", fields=("group", "hidden_at", "hidden_reason"), erase="detach",
                 table="group_posts_hidden"),
    PersonalData(PlanVersion, user_field="adopted_by", fields=("plan", "number", "adopted_on"), erase="detach",
                 table="plan_adoptions"),
]  # fmt: skip


def erase(user) -> None:
    """A person who leaves stops convening."""
    for group in WorkingGroup.objects.filter(conveners=user):
        group.conveners.remove(user)
