"""Reactions to allauth events."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation


@receiver(user_logged_in, dispatch_uid="kurultai.accounts.language_on_login")
def keep_page_language(request, user, **kwargs) -> None:
    """The page's URL language wins: messages and the next page stay in it, whatever the saved preference.

    The preferred language is for what reaches a person away from the site (emails, Telegram).
    """
    language = translation.get_language_from_path(request.path_info)
    if language:
        translation.activate(language)
