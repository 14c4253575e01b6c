"""Reactions to allauth events, and to changes of a person's groups."""

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


def _connect_group_memo() -> None:
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed

    from kurultai.accounts.roles import forget_group_names

    m2m_changed.connect(
        forget_group_names, sender=get_user_model().groups.through, dispatch_uid="kurultai.accounts.group_memo"
    )


_connect_group_memo()


def _connect_legal_memo() -> None:
    from django.db.models.signals import post_delete, post_save

    from kurultai.accounts.middleware import forget_documents_in_force
    from kurultai.accounts.models import LegalDocument

    for signal in (post_save, post_delete):
        signal.connect(forget_documents_in_force, sender=LegalDocument, dispatch_uid=f"kurultai.legal_memo.{signal}")


_connect_legal_memo()
