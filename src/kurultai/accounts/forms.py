"""Forms of accounts: sign-up extras, profile, consent and account deletion."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kurultai.accounts.legal import documents_in_force
from kurultai.accounts.models import User


def documents_label(sentence: str) -> SafeString:
    """A consent sentence whose ``{terms}`` and ``{privacy}`` link to the public documents (in a new tab)."""
    link = '<a href="{}" target="_blank" rel="noopener">{}</a>'
    return format_html(
        escape(sentence),
        terms=format_html(link, reverse("accounts:legal", args=["terms"]), _("terms of use")),
        privacy=format_html(link, reverse("accounts:legal", args=["privacy"]), _("privacy notice")),
    )


class SignupForm(forms.Form):
    """Extra sign-up fields (allauth adds email and passwords): a public name and the consent."""

    display_name = forms.CharField(
        label=_("Name shown to others"),
        max_length=150,
        required=False,
        help_text=_("Your email address is never shown to anyone."),
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    accept = forms.BooleanField(
        label=_("I accept the terms of use and the privacy notice."),
        error_messages={"required": _("You need to accept the terms of use and the privacy notice to sign up.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language

        self.fields["preferred_language"].initial = (get_language() or "en").split("-")[0]
        self.fields["accept"].label = documents_label(_("I accept the {terms} and the {privacy}."))

    def signup(self, request: Any, user: User) -> None:
        """Called by allauth once the account exists: save the extras and record the consent."""
        from kurultai.accounts.services import record_consent

        user.display_name = self.cleaned_data.get("display_name", "")
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["display_name", "preferred_language"])
        record_consent(user, documents_in_force())


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "email_digest"]
        widgets = {"email_digest": forms.RadioSelect}


class ConsentForm(forms.Form):
    accept = forms.BooleanField(
        label=_("I have read and accept these documents."),
        error_messages={"required": _("Please accept the documents to continue, or sign out.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accept"].label = documents_label(_("I have read and accept the {terms} and the {privacy}."))


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
