"""What the certificates app holds about a person: their certificates, erased with the account."""

from kurultai.certificates.models import Certificate
from kurultai.core.privacy import PersonalData

DECLARATIONS = [
    PersonalData(
        Certificate,
        user_field="holder",
        fields=("code", "kind", "holder_name", "title", "issuer", "issued_on", "valid_until", "revoked_at"),
        table="certificates",
    ),
]
