from django import forms
from django.utils.translation import gettext_lazy as _


class RenameForm(forms.Form):
    holder_name = forms.CharField(
        label=_("Your name as printed"),
        max_length=200,
        help_text=_("Write it as you want it on the certificate, in Cyrillic or Latin letters."),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Certificate code"), max_length=32)
