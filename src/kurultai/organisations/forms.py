"""Forms of the CSO directory."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, TextLanguageMixin, country_filter, filter_field, theme_filter
from kurultai.core.models import Country
from kurultai.core.widgets import FastSelect
from kurultai.organisations.models import Membership, Network, Organisation, PartnerRequest


class DirectoryFilterForm(forms.Form):
    """Search and filters of the directory; invalid values are reported next to the field."""

    q = forms.CharField(label=_("Name or description"), max_length=200, required=False)
    country = country_filter()
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Organisation.Type.choices], widget=FastSelect
    )
    theme = theme_filter()
    network = filter_field(Network.objects.all(), "slug", _("Network"), _("All networks"))

    def filter(self, queryset):
        """Apply the valid filters; the search keeps its ranking order."""
        from kurultai.core.search import matching_ids

        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("country"):
            queryset = queryset.filter(country=data["country"])
        if data.get("type"):
            queryset = queryset.filter(type=data["type"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("network"):
            queryset = queryset.filter(networks=data["network"])
        if data.get("q"):
            ids = matching_ids(data["q"], "organisation")
            order = {pk: index for index, pk in enumerate(ids)}
            matched = list(queryset.filter(pk__in=ids).values_list("pk", flat=True))
            matched.sort(key=order.__getitem__)
            return queryset.filter(pk__in=matched), matched
        return queryset.order_by("slug"), None

    @property
    def active(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


class OrganisationForm(SafeChoicesMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "type",
            "country",
            "city",
            "themes",
            "networks",
            "website",
            "description",
            "founded",
            "original_language",
        ]
        widgets = {"themes": forms.CheckboxSelectMultiple, "networks": forms.CheckboxSelectMultiple}

    def clean_founded(self) -> int | None:
        year = self.cleaned_data.get("founded")
        if year and not 1800 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Enter a year between 1800 and this year."))
        return year


class ProposalForm(SafeChoicesMixin, forms.ModelForm):
    """A member proposes an organisation that is missing from the directory."""

    message = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Editors read this to verify the organisation and to make you its administrator."),
    )

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "type", "country", "city", "website", "description", "themes", "founded"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def clean_founded(self) -> int | None:
        year = self.cleaned_data.get("founded")
        if year and not 1800 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Enter a year between 1800 and this year."))
        return year

    def profile(self) -> dict:
        """The profile values for the service, with the language the name was written in."""
        from kurultai.core.multilingual import written_language

        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        values["original_language"] = written_language(values["name"], values["description"])
        return values


class MembershipRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation's administrators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say who you are and what you do for the organisation."),
    )


class MembershipDecisionForm(SafeChoicesMixin, forms.Form):
    membership = forms.ModelChoiceField(Membership.objects.none(), widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])
    role = forms.ChoiceField(choices=Membership.Role.choices, required=False)

    def __init__(self, organisation: Organisation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = organisation.memberships.all()


class PartnerRequestForm(SafeChoicesMixin, forms.ModelForm):
    class Meta:
        model = PartnerRequest
        fields = ["title", "purpose", "themes", "countries", "deadline"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "countries": forms.CheckboxSelectMultiple,
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["countries"].queryset = Country.objects.exclude(region=Country.Region.EU_MEMBER)

    def clean_deadline(self) -> Any:
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline

    def clean(self) -> dict:
        """Record the language the request was written in, from the boxes that were filled."""
        from kurultai.core.multilingual import written_language

        data = super().clean()
        data["original_language"] = written_language(data.get("title"), data.get("purpose"))
        return data


class InterestForm(TextLanguageMixin, SafeChoicesMixin, forms.Form):
    text_language_after = "message"

    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("Answer on behalf of"))
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe what your organisation brings. Your email address is not shown; they answer here."),
    )

    def __init__(self, user: Any, partner_request: PartnerRequest, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(memberships__user=user, memberships__status=Membership.Status.APPROVED).exclude(
                pk=partner_request.organisation_id
            )
            if user.is_authenticated
            else Organisation.objects.none()
        )
