"""What the dialogue app (and the shared moderation reports) hold about a person."""

from kurultai.core.moderation_models import ModerationReport
from kurultai.core.privacy import PersonalData
from kurultai.dialogue.models import Consultation, Contribution, Endorsement, Position, PositionVersion, Signature

DECLARATIONS = [
    # Contributions are part of a public consultation's record: kept, signed "former member".
    PersonalData(
        Contribution,
        user_field="author",
        fields=("consultation", "organisation", "text", "language", "created_at"),
        erase="keep",
        table="contributions",
    ),
    PersonalData(
        Contribution,
        user_field="hidden_by",
        fields=("consultation", "hidden_at", "hidden_reason"),
        erase="detach",
        table="contributions_hidden",
    ),
    PersonalData(
        Consultation, user_field="created_by", fields=("slug", "created_at"), erase="detach", table="consultations"
    ),
    PersonalData(
        Endorsement,
        user_field="endorsed_by",
        fields=("contribution", "organisation", "created_at"),
        erase="detach",
        table="endorsements",
    ),
    PersonalData(Position, user_field="author", fields=("slug", "organisation", "created_at"), erase="detach"),
    PersonalData(
        Position,
        user_field="hidden_by",
        fields=("slug", "hidden_at", "hidden_reason"),
        erase="detach",
        table="positions_hidden",
    ),
    PersonalData(
        PositionVersion, user_field="author", fields=("position", "number", "title", "created_at"), erase="detach"
    ),
    PersonalData(
        Signature,
        user_field="signed_by",
        fields=("position", "version", "organisation", "signed_at"),
        erase="detach",
        table="position_signatures",
    ),
    # Shared moderation (core): who reported what stays private and is deleted with the account.
    PersonalData(
        ModerationReport,
        user_field="reporter",
        fields=("label", "object_id", "reason", "details", "status", "created_at"),
        erase="delete",
        table="moderation_reports",
    ),
    PersonalData(
        ModerationReport,
        user_field="decided_by",
        fields=("label", "object_id", "status", "decided_at"),
        erase="detach",
        table="moderation_report_decisions",
    ),
]
