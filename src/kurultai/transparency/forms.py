"""Forms of the donor-project pages: list filters, IATI upload, links to recommendations, monitoring notes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, TextLanguageMixin
from kurultai.followup.forms import EvidenceFields
from kurultai.organisations.models import Membership, Organisation
from kurultai.transparency import selectors
from kurultai.transparency.models import Rating

MAX_UPLOAD = 50 * 1024 * 1024


class ProjectFilterForm(forms.Form):
    """GET filters of the project list; unknown values are simply not applied."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    reporting_org = forms.ChoiceField(label=_("Donor (reporting organisation)"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    sdg = forms.TypedChoiceField(label=_("SDG"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    cso = forms.BooleanField(label=_("Implemented by civil society"), required=False)
    year = forms.IntegerField(label=_("Active in year"), required=False, min_value=1960, max_value=2100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = selectors.choices()
        anything = [("", _("Any"))]
        self.fields["country"].choices = anything + options["countries"]
        self.fields["reporting_org"].choices = anything + options["donors"]
        self.fields["sector"].choices = anything + options["sectors"]
        self.fields["status"].choices = anything + options["statuses"]
        self.fields["sdg"].choices = anything + [(n, _("SDG %(number)s") % {"number": n}) for n in range(1, 18)]
        sorts = [("", _("Latest start first"))]
        for currency in selectors.currencies():
            sorts.append((f"committed-{currency}", _("Largest commitments in %(currency)s") % {"currency": currency}))
            sorts.append((f"spent-{currency}", _("Largest spending in %(currency)s") % {"currency": currency}))
        self.fields["sort"].choices = sorts

    @property
    def active(self) -> bool:
        return self.is_valid() and any(v for k, v in self.cleaned_data.items() if k != "sort")

    def values(self) -> dict[str, Any]:
        """The valid filters; an invalid one is dropped rather than failing the page."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v not in (None, "", False)}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("IATI activity file (XML)"), help_text=_("IATI 2.01, 2.02 or 2.03; at most 50 MB."))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError(_("The file is larger than 50 MB; import it with the import_iati command."))
        return upload


class LinkForm(forms.Form):
    recommendation = forms.CharField(
        label=_("Recommendation"), max_length=40, help_text=_("Its reference, such as 2021-S2-R3, or its number.")
    )

    def clean_recommendation(self) -> Any:
        from kurultai.transparency.services import find_recommendation

        rec = find_recommendation(self.cleaned_data["recommendation"])
        if rec is None:
            raise ValidationError(_("No published recommendation has this reference."))
        return rec


def _not_future(value: Any) -> Any:
    if value and value > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    return value


class NoteForm(SafeChoicesMixin, TextLanguageMixin, EvidenceFields):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("On behalf of"))
    observed_on = forms.DateField(
        label=_("When you observed it"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[_not_future],
    )
    place = forms.CharField(label=_("Where"), max_length=200, required=False)
    rating = forms.ChoiceField(label=_("How is delivery going?"), choices=Rating.choices)
    text = forms.CharField(label=_("What you observed"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    field_order = ["organisation", "observed_on", "place", "rating", "text", "evidence_url", "evidence_file"]

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user, memberships__status=Membership.Status.APPROVED
        ).distinct()
        self.fields["evidence_file"].label = _("Photo or document")
