"""What the transparency app holds about a person: monitoring notes (kept, signed "former member"), decisions."""

from kurultai.core.privacy import PersonalData
from kurultai.transparency.models import ImportRun, MonitoringNote, RecommendationLink

DECLARATIONS = [
    PersonalData(
        MonitoringNote,
        user_field="author",
        fields=("activity", "organisation", "observed_on", "place", "text", "rating", "created_at"),
        erase="keep",
        table="monitoring_notes",
    ),
    # Moderators' decisions stay; who took them is forgotten.
    PersonalData(
        MonitoringNote,
        user_field="hidden_by",
        fields=("activity", "hidden_at", "hidden_reason"),
        erase="detach",
        table="monitoring_notes_hidden",
    ),
    PersonalData(
        RecommendationLink,
        user_field="decided_by",
        fields=("recommendation", "activity", "status", "decided_at"),
        erase="detach",
        table="project_link_decisions",
    ),
    PersonalData(
        ImportRun, user_field="actor", fields=("source", "started_at", "ok"), erase="detach", table="iati_imports"
    ),
]
