"""Forms of working groups; they collect plain values for the services."""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, SafeModelMultipleChoiceField, TextLanguageMixin
from kurultai.core.models import Country
from kurultai.organisations.models import Membership, Organisation
from kurultai.workinggroups.models import Meeting


def own_organisations(user: Any):
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).distinct()


class JoinForm(SafeChoicesMixin, forms.Form):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("Organisation"))

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = own_organisations(user)


class ConvenerForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to name"),
        max_length=254,
        help_text=_("They need an account on the platform."),
    )

    def clean_email(self) -> Any:
        from kurultai.accounts.models import User

        person = User.objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        if person is None:
            raise ValidationError(_("No active account has this email address."))
        return person


class MeetingForm(SafeChoicesMixin, TextLanguageMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    ends_at = forms.DateTimeField(
        label=_("Ends"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), initial="Asia/Bishkek")
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    agenda = forms.CharField(label=_("Agenda (Markdown)"), required=False, max_length=10000, widget=forms.Textarea)
    minutes = forms.CharField(label=_("Minutes (Markdown)"), required=False, max_length=30000, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(z, z) for z in sorted(available_timezones()) if "/" in z]

    def clean(self) -> dict:
        """Times are read on the meeting's own clock."""
        import zoneinfo

        data = super().clean()
        zone = data.get("time_zone")
        if zone:
            tz = zoneinfo.ZoneInfo(zone)
            for name in ("starts_at", "ends_at"):
                if data.get(name):
                    data[name] = data[name].replace(tzinfo=None).replace(tzinfo=tz)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The meeting cannot end before it starts."))
        return data

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        import zoneinfo

        tz = zoneinfo.ZoneInfo(meeting.time_zone)
        return {
            "title": str(meeting.title),
            "starts_at": meeting.starts_at.astimezone(tz).replace(tzinfo=None),
            "ends_at": meeting.ends_at.astimezone(tz).replace(tzinfo=None) if meeting.ends_at else None,
            "time_zone": meeting.time_zone,
            "online_url": meeting.online_url,
            "place": str(meeting.place),
            "agenda": str(meeting.agenda),
            "minutes": str(meeting.minutes),
        }


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), help_text=_("PDF, image or office document, at most 10 MB."))

    def clean_file(self) -> Any:
        from kurultai.followup.evidence import check_file

        upload = self.cleaned_data["file"]
        check_file(upload)
        return upload


class PostForm(SafeChoicesMixin, forms.Form):
    text = forms.CharField(label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    organisation = forms.ModelChoiceField(
        Organisation.objects.none(), label=_("On behalf of"), required=False, empty_label=_("In my own name")
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=2**53)

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = own_organisations(user)


class PlanForm(TextLanguageMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary (Markdown)"), required=False, max_length=10000, widget=forms.Textarea)


class ActionForm(SafeChoicesMixin, TextLanguageMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, max_length=5000, widget=forms.Textarea)
    recommendations = forms.CharField(
        label=_("Answers the recommendations"),
        required=False,
        max_length=500,
        help_text=_("Numbers or references such as 2021-S2-R3, separated by commas."),
    )
    owners = SafeModelMultipleChoiceField(
        Organisation.objects.listed().order_by("slug"), label=_("Owner organisations"), required=False
    )
    countries = SafeModelMultipleChoiceField(Country.objects.all(), label=_("Countries"), required=False)
    starts_on = forms.DateField(label=_("Start"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    due_on = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    budget_amount = forms.DecimalField(
        label=_("Budget estimate"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    budget_currency = forms.RegexField(
        label=_("Currency"), required=False, regex=r"^[A-Z]{3}$", max_length=3, help_text=_("ISO code, e.g. EUR.")
    )

    def clean_recommendations(self) -> list:
        from kurultai.followup.bulk import _find

        found = []
        for part in (self.cleaned_data.get("recommendations") or "").split(","):
            part = part.strip()
            if not part:
                continue
            rec = _find(part)
            if rec is None:
                raise ValidationError(
                    _("No single published recommendation has the number or reference %(ref)s.") % {"ref": part[:30]}
                )
            found.append(rec)
        return found

    def clean(self) -> dict:
        data = super().clean()
        if data.get("starts_on") and data.get("due_on") and data["due_on"] < data["starts_on"]:
            self.add_error("due_on", _("The due date cannot be before the start."))
        if data.get("budget_amount") is not None and not data.get("budget_currency"):
            self.add_error("budget_currency", _("Give the currency of the budget estimate."))
        return data


class IndicatorForm(TextLanguageMixin, forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), required=False, max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=14, decimal_places=2)


class MeasureForm(forms.Form):
    actual = forms.DecimalField(label=_("Actual value"), max_digits=14, decimal_places=2)
    measured_on = forms.DateField(label=_("Measured on"), widget=forms.DateInput(attrs={"type": "date"}))
