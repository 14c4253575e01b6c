"""What the accounts app holds about a person."""

from typing import Any

from kurultai.accounts.models import Consent, User
from kurultai.core.privacy import PersonalData

# Consent records stay as evidence of what was accepted.
DECLARATIONS = [PersonalData(Consent, fields=("document", "accepted_at"), erase="keep", table="consents")]


def personal_data(user: User) -> dict[str, list[dict[str, Any]]]:
    from allauth.account.models import EmailAddress

    return {
        "account": [
            {
                "email": user.email,
                "display_name": user.display_name,
                "preferred_language": user.preferred_language,
                "email_digest": user.email_digest,
                "date_joined": user.date_joined,
                "last_login": user.last_login,
            }
        ],
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
    }


def erase(user: User) -> None:
    """Consent records stay as evidence of what was accepted; nothing else here is kept."""
