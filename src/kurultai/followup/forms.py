"""Forms of the follow-up: respond, report progress, assess."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, SearchableFormMixin, SearchableModelChoiceField, TextLanguageMixin
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


class ResponseForm(SafeChoicesMixin, TextLanguageMixin, forms.Form):
    addressee = forms.ModelChoiceField(Addressee.objects.all(), label=_("Answering on behalf of"))
    organisation = forms.ModelChoiceField(
        Organisation.objects.none(),
        label=_("Responding organisation"),
        help_text=_("The response is published in this organisation's name."),
    )
    status = forms.ChoiceField(label=_("Response"), choices=ResponseStatus.choices)
    text = forms.CharField(
        label=_("Explanation"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    responded_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, recommendation: Any, *args: Any, user: Any = None, **kwargs: Any) -> None:
        from kurultai.followup.services import addressees_of, responding_organisations

        super().__init__(*args, **kwargs)
        addressees = addressees_of(recommendation)
        if addressees:
            self.fields["addressee"].queryset = addressees
        if user is not None:
            self.fields["organisation"].queryset = responding_organisations(user, recommendation)

    def clean(self) -> dict:
        data = super().clean()
        addressee, organisation = data.get("addressee"), data.get("organisation")
        if addressee and organisation and not addressee.organisations.filter(pk=organisation.pk).exists():
            self.add_error(
                "organisation",
                _("%(organisation)s does not answer for %(addressee)s.")
                % {"organisation": organisation, "addressee": addressee},
            )
        return data

    def clean_responded_on(self) -> Any:
        return _not_future(self.cleaned_data.get("responded_on"))


class UpdateForm(SafeChoicesMixin, TextLanguageMixin, EvidenceFields):
    status = forms.ChoiceField(label=_("Implementation status"), choices=ImplementationStatus.choices)
    text = forms.CharField(label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    reported_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    reporter = forms.ChoiceField(label=_("Reported by"), choices=ProgressUpdate.Reporter.choices)
    organisation = forms.ModelChoiceField(
        Organisation.objects.none(),
        label=_("Reporting organisation"),
        required=False,
        help_text=_("The responsible organisation this update is reported for."),
    )

    field_order = ["status", "text", "reported_on", "reporter", "organisation", "evidence_url", "evidence_file"]

    def __init__(self, *args: Any, recommendation: Any = None, user: Any = None, **kwargs: Any) -> None:
        from kurultai.accounts.roles import is_editor
        from kurultai.followup.services import reporting_organisations

        super().__init__(*args, **kwargs)
        if recommendation is not None and user is not None:
            choices = reporting_organisations(user, recommendation)
            self.fields["organisation"].queryset = choices
            if not is_editor(user):
                self.fields["organisation"].required = True
                self.fields["organisation"].empty_label = None
                self.fields["reporter"].choices = [
                    (ProgressUpdate.Reporter.ACTOR.value, ProgressUpdate.Reporter.ACTOR.label)
                ]

    def clean_reported_on(self) -> Any:
        return _not_future(self.cleaned_data.get("reported_on"))


class AssessmentForm(SafeChoicesMixin, TextLanguageMixin, EvidenceFields):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("On behalf of"))
    status = forms.ChoiceField(label=_("Status in your organisation's view"), choices=ImplementationStatus.choices)
    text = forms.CharField(label=_("Why"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))

    field_order = ["organisation", "status", "text", "evidence_url", "evidence_file"]

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user, memberships__status=Membership.Status.APPROVED
        ).distinct()


class ActorForm(SearchableFormMixin, SafeChoicesMixin, forms.Form):
    organisation = SearchableModelChoiceField(
        Organisation.objects.listed().order_by("slug"), search_kind="organisation", label=_("Organisation")
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("lead", _("Lead")), ("contributing", _("Contributing"))])
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
