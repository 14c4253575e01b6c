"""What the follow-up holds about a person: what they posted (kept, signed "former member") and decisions."""

from kurultai.core.privacy import PersonalData
from kurultai.followup.models import Assessment, ProgressUpdate, RecurrenceLink, Response

DECLARATIONS = [
    PersonalData(
        Response,
        user_field="author",
        fields=("recommendation", "addressee", "organisation", "status", "text", "responded_on", "created_at"),
        erase="keep",
        table="responses",
    ),
    PersonalData(
        ProgressUpdate,
        user_field="author",
        fields=("recommendation", "organisation", "status", "text", "reported_on", "created_at"),
        erase="keep",
        table="progress_updates",
    ),
    PersonalData(
        Assessment,
        user_field="author",
        fields=("recommendation", "organisation", "status", "text", "assessed_on", "created_at"),
        erase="keep",
        table="assessments",
    ),
    PersonalData(
        RecurrenceLink,
        user_field="decided_by",
        fields=("recommendation", "earlier", "status", "decided_at"),
        erase="detach",
        table="recurrence_decisions",
    ),
]
