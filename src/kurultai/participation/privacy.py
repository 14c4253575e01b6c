"""What the participation app holds about a person. Registrations (with gender, age band, needs and answers) are
exported and erased with the account; the forum's statistics keep only counts."""

from kurultai.core.privacy import PersonalData
from kurultai.participation.models import AgendaItem, InvitationLetter, Registration, TravelRequest

DECLARATIONS = [
    PersonalData(
        Registration,
        fields=(
            "call",
            "status",
            "format",
            "name",
            "organisation",
            "organisation_name",
            "on_behalf",
            "country",
            "organisation_type",
            "gender",
            "age_band",
            "accessibility",
            "dietary",
            "answers",
            "check_in_code",
            "created_at",
            "checked_in_at",
        ),
        table="forum_registrations",
    ),
    PersonalData(AgendaItem, fields=("session",), table="forum_agenda"),
    # Decisions on travel support stay with the organisers' records; who decided is forgotten.
    PersonalData(TravelRequest, user_field="decided_by", fields=("status",), erase="detach", table="travel_decisions"),
    PersonalData(
        InvitationLetter, user_field="issued_by", fields=("issued_at",), erase="detach", table="letters_issued"
    ),
]


def personal_data(user):
    """Travel requests, letters and survey answers of the person's own registrations."""
    travel = TravelRequest.objects.filter(registration__user=user).select_related("registration__call__forum")
    letters = InvitationLetter.objects.filter(registration__user=user).select_related("registration__call__forum")
    return {
        "travel_support": [
            {
                "forum": str(t.registration.call.forum),
                "amount_requested": str(t.amount_requested),
                "currency": t.currency,
                "reason": t.reason,
                "status": t.status,
                "amount_granted": str(t.amount_granted or ""),
            }
            for t in travel
        ],
        "invitation_letters": [
            {
                "forum": str(letter.registration.call.forum),
                "passport_name": letter.passport_name,
                "passport_number": letter.passport_number,
                "issued_at": letter.issued_at.isoformat(),
            }
            for letter in letters
        ],
    }
