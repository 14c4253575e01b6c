"""Forms of the follow-up: respond, report progress, assess."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.followup.evidence import check_file
from kurultai.followup.models import ImplementationStatus, ProgressUpdate, ResponseStatus
from kurultai.forums.models import Addressee
from kurultai.organisations.models import Membership, Organisation


def _not_future(value: Any) -> Any:
    if value and value > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    return value


class EvidenceFields(forms.Form):
    evidence_url = forms.URLField(label=_("Link to evidence"), required=False, assume_scheme="https")
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, image or office document, at most 10 MB."),
    )

    def clean_evidence_file(self) -> Any:
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_file(upload)
        return upload


class ResponseForm(forms.Form):
    addressee = forms.ModelChoiceField(Addressee.objects.all(), label=_("Answering on behalf of"))
    status = forms.ChoiceField(label=_("Response"), choices=ResponseStatus.choices)
    text = forms.CharField(
        label=_("Explanation"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    responded_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, recommendation: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        addressees = recommendation.addressees.all()
        if addressees:
            self.fields["addressee"].queryset = addressees

    def clean_responded_on(self) -> Any:
        return _not_future(self.cleaned_data.get("responded_on"))


class UpdateForm(EvidenceFields):
    status = forms.ChoiceField(label=_("Implementation status"), choices=ImplementationStatus.choices)
    text = forms.CharField(label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    reported_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    reporter = forms.ChoiceField(label=_("Reported by"), choices=ProgressUpdate.Reporter.choices)

    field_order = ["status", "text", "reported_on", "reporter", "evidence_url", "evidence_file"]

    def clean_reported_on(self) -> Any:
        return _not_future(self.cleaned_data.get("reported_on"))


class AssessmentForm(EvidenceFields):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("On behalf of"))
    status = forms.ChoiceField(label=_("Status in your organisation's view"), choices=ImplementationStatus.choices)
    text = forms.CharField(label=_("Why"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))

    field_order = ["organisation", "status", "text", "evidence_url", "evidence_file"]

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user, memberships__status=Membership.Status.APPROVED
        ).distinct()


class ActorForm(forms.Form):
    organisation = forms.ModelChoiceField(Organisation.objects.order_by("slug"), label=_("Organisation"))
    role = forms.ChoiceField(label=_("Role"), choices=[("lead", _("Lead")), ("contributing", _("Contributing"))])
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
