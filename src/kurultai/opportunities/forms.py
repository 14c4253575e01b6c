"""Forms of the opportunities app: list filters, proposing and editing, review, feeds, partner searches,
conversations and the consortium workspace."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import (
    SafeChoicesMixin,
    SearchableFormMixin,
    SearchableModelChoiceField,
    country_filter,
    theme_filter,
)
from kurultai.core.models import SDG, Country, Theme
from kurultai.core.multilingual import written_language
from kurultai.opportunities.models import ApplicantType, Kind, Opportunity, PartnerSearch, Role
from kurultai.opportunities.services import READER_ZONES, check_values, local_to_aware, valid_zone
from kurultai.organisations.models import Organisation

WINDOWS = [("", _("Any time")), ("7", _("Within 7 days")), ("30", _("Within 30 days")), ("90", _("Within 90 days"))]
ORDERS = [("closing", _("Closing soon")), ("new", _("Newest"))]


def zone_choices() -> list[tuple[str, str]]:
    return [(z, z.split("/")[-1].replace("_", " ")) for z in READER_ZONES]


class FilterForm(SafeChoicesMixin, forms.Form):
    """The list's filters (all optional, read from the query string)."""

    country = country_filter()
    applicant_type = forms.ChoiceField(
        label=_("Open to"), required=False, choices=[("", _("Any organisation type")), *ApplicantType.choices]
    )
    theme = theme_filter()
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Every kind")), *Kind.choices])
    amount = forms.DecimalField(label=_("Amount at least"), required=False, min_value=0, max_digits=14)
    window = forms.ChoiceField(label=_("Deadline"), required=False, choices=WINDOWS)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Forecast or open")), *Opportunity.Stage.choices]
    )
    language = forms.ChoiceField(
        label=_("Applications in"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    order = forms.ChoiceField(label=_("Order"), required=False, choices=ORDERS)


def donor_field() -> SearchableModelChoiceField:
    """The donor is found by name among the directory's listed organisations (there may be thousands)."""
    return SearchableModelChoiceField(
        Organisation.objects.listed().order_by("slug"), search_kind="organisation", label=_("Donor"), required=False
    )


class OpportunityForm(SearchableFormMixin, SafeChoicesMixin, forms.ModelForm):
    """Propose (members) or edit (editors) an opportunity; the deadline is typed on the donor's clock."""

    donor = donor_field()

    deadline_date = forms.DateField(label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deadline_time = forms.TimeField(
        label=_("Deadline time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("On the donor's clock; 17:00 when left empty."),
    )
    applicant_types = forms.MultipleChoiceField(
        label=_("Eligible organisation types"),
        required=False,
        choices=ApplicantType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages accepted"), required=False, choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    currency = forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=10,
        help_text=_("An ISO code such as EUR, USD or KZT."),
    )

    class Meta:
        model = Opportunity
        fields = [
            "kind",
            "stage",
            "title",
            "summary",
            "donor",
            "programme",
            "identifier",
            "is_global",
            "eligible_countries",
            "applicant_types",
            "eligibility_notes",
            "themes",
            "sdgs",
            "amount_min",
            "amount_max",
            "currency",
            "total_budget",
            "cofinancing_percent",
            "duration_months",
            "opens_on",
            "deadline_model",
            "time_zone",
            "languages",
            "partners_required",
            "how_to_apply",
            "url",
        ]
        widgets = {
            "eligible_countries": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "opens_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["eligible_countries"].queryset = Country.objects.exclude(region=Country.Region.EU_MEMBER)
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["sdgs"].queryset = SDG.objects.all()
        self.fields["time_zone"].help_text = _("The donor's time zone, e.g. Europe/Brussels or Asia/Tashkent.")
        self.order_fields([*self.Meta.fields[:19], "deadline_date", "deadline_time", *self.Meta.fields[19:]])
        if self.instance.pk:
            self.initial["applicant_types"] = self.instance.applicant_type_list
            self.initial["languages"] = self.instance.language_list
            if self.instance.local_deadline:
                self.initial["deadline_date"] = self.instance.local_deadline.date()
                self.initial["deadline_time"] = self.instance.local_deadline.time()

    def clean_currency(self) -> str:
        return (self.cleaned_data.get("currency") or "").strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        zone = data.get("time_zone") or ""
        if zone and not valid_zone(zone):
            self.add_error("time_zone", _("Unknown time zone; use a name such as Europe/Brussels."))
            zone = ""
        day = data.get("deadline_date")
        data["deadline"] = local_to_aware(day, data.get("deadline_time"), zone) if day and zone else None
        data["applicant_types"] = " ".join(data.get("applicant_types") or [])
        data["languages"] = " ".join(data.get("languages") or [])
        data["original_language"] = written_language(data.get("title"), data.get("summary"))
        try:
            check_values({k: data.get(k) for k in ("amount_min", "amount_max", "currency", "total_budget",
                                                   "cofinancing_percent", "applicant_types")})  # fmt: skip
        except forms.ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data

    def service_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("deadline_date", None)
        data.pop("deadline_time", None)
        return data


class ReviewForm(forms.Form):
    allow_duplicate = forms.BooleanField(
        label=_("I checked: this is not a duplicate of the items listed above"), required=False
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class FeedForm(SearchableFormMixin, SafeChoicesMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    url = forms.URLField(label=_("Feed address (RSS or Atom)"), max_length=500, assume_scheme="https")
    donor = donor_field()
    kind = forms.ChoiceField(label=_("Kind of its items"), choices=Kind.choices)
    time_zone = forms.CharField(label=_("Donor's time zone"), initial="Europe/Brussels", max_length=60)


class PartnerSearchForm(SafeChoicesMixin, forms.Form):
    """ "Looking for partners" for an opportunity, posted for one of the person's organisations."""

    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("On behalf of"))
    direction = forms.ChoiceField(label=_("We"), choices=PartnerSearch.Direction.choices)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("What the partnership is for"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    expertise = forms.CharField(label=_("Expertise wanted"), max_length=500, required=False)
    countries = forms.ModelMultipleChoiceField(
        Country.objects.none(), label=_("Partners wanted in"), required=False, widget=forms.CheckboxSelectMultiple
    )
    deadline = forms.DateField(
        label=_("Expressions of interest until"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def __init__(self, organisations: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["countries"].queryset = Country.objects.exclude(region=Country.Region.EU_MEMBER)

    def clean_deadline(self) -> dt.date | None:
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Both organisations read this conversation; nobody's email address is shown."),
    )


class ConsortiumForm(SafeChoicesMixin, forms.Form):
    lead = forms.ModelChoiceField(Organisation.objects.none(), label=_("Lead applicant"))
    name = forms.CharField(label=_("Name of the consortium"), max_length=200)
    chat_url = forms.URLField(
        label=_("Group chat link"), required=False, max_length=300, assume_scheme="https",
        help_text=_("A Telegram or WhatsApp group link, e.g. https://t.me/+… or https://chat.whatsapp.com/…"),
    )  # fmt: skip

    def __init__(self, organisations: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = organisations


class InviteForm(SafeChoicesMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        Organisation.objects.listed(), label=_("Organisation"), to_field_name="slug", widget=forms.TextInput,
        help_text=_("Its address name in the directory, e.g. mountain-water-users."),
    )  # fmt: skip
    role = forms.ChoiceField(label=_("Role"), choices=[c for c in Role.choices if c[0] != Role.LEAD])


class ChecklistForm(SafeChoicesMixin, forms.Form):
    title = forms.CharField(label=_("Step"), max_length=200)
    owner = forms.ModelChoiceField(Organisation.objects.none(), label=_("Owner"), required=False)
    due_on = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, organisations: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisations


class SectionForm(forms.Form):
    text = forms.CharField(
        label=_("Text (Markdown)"), required=False, max_length=60000, widget=forms.Textarea(attrs={"rows": 18})
    )
    base = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))


class FileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, image or office document, at most 10 MB."))
