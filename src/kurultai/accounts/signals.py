"""Reactions to allauth events."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation


@receiver(user_logged_in, dispatch_uid="kurultai.accounts.language_on_login")
def use_preferred_language(request, user, **kwargs) -> None:
    """After signing in, pages follow the person's preferred language."""
    translation.activate(user.preferred_language)
