"""Demo people, so that a fresh `make run` can be explored signed in. Never load the demo in production."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from kurultai.accounts.legal import documents_in_force
from kurultai.accounts.models import User
from kurultai.accounts.roles import EDITORS
from kurultai.accounts.services import record_consent

DEMO_PASSWORD = "kurultai-demo-2025"  # noqa: S105 - published demo credential, documented in the README
PEOPLE = [
    ("editor@demo.kurultai.example", "Forum secretariat (demo)", "en", EDITORS),
    ("aigerim@demo.kurultai.example", "Aigerim (demo)", "ru", None),
    ("bakyt@demo.kurultai.example", "Bakyt (demo)", "ru", None),
]


@transaction.atomic
def load() -> dict[str, int]:
    """Create the demo people with verified addresses and accepted terms."""
    for email, name, language, group in PEOPLE:
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "preferred_language": language}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        record_consent(user, documents_in_force())
        if group:
            user.groups.add(Group.objects.get_or_create(name=group)[0])
    return {"people": len(PEOPLE)}
