"""What the library holds about a person: publications they entered (kept, the link to them forgotten on erasure).

Interviewees and creators are named as text, not as accounts: their names are part of the published record (or,
for anonymised interviews, never shown) and are handled by editors on request, not by account erasure."""

from kurultai.core.privacy import PersonalData
from kurultai.library.models import Publication

DECLARATIONS = [
    PersonalData(
        Publication,
        user_field="created_by",
        fields=("type", "title", "year", "status", "created_at"),
        erase="detach",
        table="library_publications_entered",
    ),
]
