"""Forms of the knowledge hub: writing a practice (in one language at a time), review steps, photos, messages,
demonstration sites, hub roles and filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import (
    SafeChoicesMixin,
    SafeModelMultipleChoiceField,
    SearchableFormMixin,
    SearchableModelChoiceField,
    country_filter,
    theme_filter,
)
from kurultai.core.models import SDG, Country, Theme
from kurultai.core.multilingual import active_language
from kurultai.knowledge.hub import hubs
from kurultai.knowledge.models import BuildingBlock, DemoSite, HubRole, Practice, PracticeVersion
from kurultai.organisations.models import Organisation

LANGUAGE_CHOICES = settings.LANGUAGES


def organisation_field(label: Any, required: bool = False) -> SearchableModelChoiceField:
    return SearchableModelChoiceField(
        Organisation.objects.listed().order_by("slug"), search_kind="organisation", label=label, required=required
    )


class PracticeForm(SearchableFormMixin, SafeChoicesMixin, forms.Form):
    """A practice in the language chosen; other languages' texts are kept."""

    language = forms.ChoiceField(
        label=_("Language of your text"),
        choices=LANGUAGE_CHOICES,
        help_text=_("The texts below are saved in this language; texts in other languages are kept."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    challenge = forms.CharField(label=_("Challenge"), required=False, max_length=10000, widget=forms.Textarea)
    solution = forms.CharField(label=_("Solution"), required=False, max_length=10000, widget=forms.Textarea)
    impact = forms.CharField(label=_("Impact"), required=False, max_length=10000, widget=forms.Textarea)
    lessons = forms.CharField(label=_("Lessons learned"), required=False, max_length=10000, widget=forms.Textarea)
    cost_amount = forms.DecimalField(label=_("Cost"), required=False, min_value=0, max_digits=14, decimal_places=2)
    cost_currency = forms.CharField(label=_("Currency"), required=False, max_length=3, help_text=_("e.g. KZT, USD"))
    cost_text = forms.CharField(
        label=_("About the cost"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    country = forms.ModelChoiceField(Country.objects.all(), label=_("Country"), required=False)
    region = forms.CharField(label=_("Region or place"), required=False, max_length=200)
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, max_digits=8, decimal_places=5
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, max_digits=8, decimal_places=5
    )
    themes = SafeModelMultipleChoiceField(
        Theme.objects.all(), label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdgs = SafeModelMultipleChoiceField(
        SDG.objects.all(), label=_("SDGs"), required=False, widget=forms.CheckboxSelectMultiple
    )
    organisation = organisation_field(_("Organisation behind it (adds one)"))
    organisations = SafeModelMultipleChoiceField(
        Organisation.objects.none(),
        label=_("Organisations behind it"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    building_blocks = SafeModelMultipleChoiceField(
        BuildingBlock.objects.none(),
        label=_("Building blocks"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Blocks already in this practice; untick to remove."),
    )
    reuse_block = forms.IntegerField(
        label=_("Reuse a building block (its number)"),
        required=False,
        min_value=1,
        max_value=2**31,
        help_text=_("The number shown on a building block's page."),
    )
    block_title = forms.CharField(label=_("New building block: title"), required=False, max_length=200)
    block_description = forms.CharField(
        label=_("New building block: description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    block_factors = forms.CharField(
        label=_("New building block: enabling factors"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    inspired_by = SafeModelMultipleChoiceField(
        Practice.objects.none(), label=_("Inspired by"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, version: PracticeVersion | None = None, **kwargs: Any) -> None:
        self.version = version
        practice = version.practice if version else None
        language = active_language()
        if version is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(version, language)
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = self.initial.get("language", language)
        if version is not None:
            self.fields["organisations"].queryset = version.organisations.all()
            self.fields["building_blocks"].queryset = version.building_blocks.all()
        else:
            del self.fields["organisations"], self.fields["building_blocks"]
        others = Practice.objects.published().select_related("current")
        if practice is not None:
            others = others.exclude(pk=practice.pk)
        if not self.is_bound:  # the latest 50 and those already linked; any published practice validates
            shown = list(others.order_by("-pk").values_list("pk", flat=True)[:50])
            shown += [p.pk for p in self.initial.get("inspired_by", [])]
            others = others.filter(pk__in=shown).order_by("-pk")
        self.fields["inspired_by"].queryset = others
        self.fields["inspired_by"].label_from_instance = lambda p: str(p.current.title)

    @staticmethod
    def initial_from(version: PracticeVersion, language: str) -> dict[str, Any]:
        texts = {}
        lang = language if language in version.title.texts() else version.original_language
        for name in ("title", "summary", "challenge", "solution", "impact", "lessons", "cost_text"):
            texts[name] = getattr(version, name).texts().get(lang, "")
        return {
            **texts,
            "language": lang,
            "cost_amount": version.cost_amount,
            "cost_currency": version.cost_currency,
            "country": version.country_id,
            "region": version.region,
            "latitude": version.latitude,
            "longitude": version.longitude,
            "themes": list(version.themes.all()),
            "sdgs": list(version.sdgs.all()),
            "organisations": list(version.organisations.all()),
            "building_blocks": list(version.building_blocks.all()),
            "inspired_by": list(version.practice.inspired_by.all()),
            "organisation": version.practice.contact_organisation_id,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None) and "latitude" not in self.errors and "longitude" not in self.errors:
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        currency = (data.get("cost_currency") or "").strip()
        if currency and not (len(currency) == 3 and currency.isalpha() and currency.isascii()):
            self.add_error("cost_currency", _("The currency is a three-letter code such as KZT, EUR or USD."))
        reuse = data.get("reuse_block")
        if reuse:
            block = BuildingBlock.objects.filter(pk=reuse).first()
            if block is None:
                self.add_error("reuse_block", _("There is no building block with this number."))
            data["reused"] = block
        return data

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {
            name: data.get(name)
            for name in (
                "title",
                "summary",
                "challenge",
                "solution",
                "impact",
                "lessons",
                "cost_amount",
                "cost_currency",
                "cost_text",
                "country",
                "region",
                "latitude",
                "longitude",
                "themes",
                "sdgs",
            )
        }
        organisations = list(data.get("organisations") or [])
        if data.get("organisation") and data["organisation"] not in organisations:
            organisations.append(data["organisation"])
        values["organisations"] = organisations
        blocks = list(data.get("building_blocks") or [])
        if data.get("reused") and data["reused"] not in blocks:
            blocks.append(data["reused"])
        values["building_blocks"] = blocks
        return values

    def new_blocks(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        if not (data.get("block_title") or "").strip():
            return []
        return [
            {
                "title": data["block_title"],
                "description": data.get("block_description", ""),
                "enabling_factors": data.get("block_factors", ""),
            }
        ]


class ReviewForm(forms.Form):
    """One step of the workflow with an optional (for "return": required) comment."""

    action = forms.ChoiceField(
        choices=[
            ("submit", _("Submit for review")),
            ("comment", _("Comment")),
            ("return", _("Return to the contributor")),
            ("pass", _("Pass to a publisher")),
            ("publish", _("Publish")),
            ("new_version", _("Start a new version")),
        ]
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo (JPEG, PNG or WebP, at most 8 MB)"))
    alt = forms.CharField(
        label=_("Description of the photo"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it."),
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"), min_length=10, max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )


class VisitForm(forms.Form):
    when = forms.CharField(label=_("When would you like to come?"), max_length=200)
    group_size = forms.IntegerField(label=_("Number of visitors"), min_value=1, max_value=500, initial=1)
    message = forms.CharField(
        label=_("Your message to the host"), min_length=10, max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )


class SiteForm(SearchableFormMixin, SafeChoicesMixin, forms.Form):
    language = forms.ChoiceField(label=_("Language of your text"), choices=LANGUAGE_CHOICES)
    name = forms.CharField(label=_("Name"), max_length=200)
    host = organisation_field(_("Host organisation"), required=True)
    country = forms.ModelChoiceField(Country.objects.all(), label=_("Country"))
    region = forms.CharField(label=_("Region"), required=False, max_length=200)
    directions = forms.CharField(label=_("How to get there"), required=False, max_length=3000, widget=forms.Textarea)
    what_to_see = forms.CharField(label=_("What can be seen"), required=False, max_length=5000, widget=forms.Textarea)
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, max_digits=8, decimal_places=5
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, max_digits=8, decimal_places=5
    )
    themes = SafeModelMultipleChoiceField(
        Theme.objects.all(), label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    practice = forms.ModelChoiceField(Practice.objects.published(), label=_("Practice it demonstrates"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=DemoSite.Status.choices)

    def __init__(self, *args: Any, site: DemoSite | None = None, **kwargs: Any) -> None:
        if site is not None and "initial" not in kwargs:
            lang = active_language() if active_language() in site.name.texts() else site.original_language
            kwargs["initial"] = {
                "language": lang,
                "name": site.name.texts().get(lang, ""),
                "directions": site.directions.texts().get(lang, ""),
                "what_to_see": site.what_to_see.texts().get(lang, ""),
                "host": site.host_id,
                "country": site.country_id,
                "region": site.region,
                "latitude": site.latitude,
                "longitude": site.longitude,
                "themes": list(site.themes.all()),
                "practice": site.practice_id,
                "status": site.status,
            }
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = self.initial.get("language", active_language())
        self.fields["practice"].queryset = Practice.objects.published().select_related("current")
        self.fields["practice"].label_from_instance = lambda p: str(p.current.title)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None) and "latitude" not in self.errors and "longitude" not in self.errors:
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return data


class SiteProposalForm(SiteForm):
    """A site proposed by a representative of its host: one of their own organisations, no status."""

    host = forms.ModelChoiceField(Organisation.objects.none(), label=_("Host organisation"))

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["status"]
        from kurultai.organisations.models import Membership

        self.fields["host"].queryset = (
            Organisation.objects.filter(memberships__user=user, memberships__status=Membership.Status.APPROVED)
            .distinct()
            .order_by("slug")
        )
        self.fields["host"].help_text = _("One of the organisations you represent.")


class SiteDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("publish", _("Publish the site")), ("decline", _("Do not accept it"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Reason or comment for the host"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the site is not accepted."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("note") or "").strip():
            self.add_error("note", _("Say why the site is not accepted, so that its host can answer."))
        return data


class RoleForm(SafeChoicesMixin, forms.Form):
    email = forms.EmailField(label=_("Email address of the member"))
    hub = forms.ChoiceField(label=_("Hub"))
    role = forms.ChoiceField(label=_("Role"), choices=HubRole.Role.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].choices = [(key, str(label)) for key, label in hubs()]

    def clean_email(self) -> Any:
        user = get_user_model().objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No member has this address."))
        return user


class PracticeFilterForm(SafeChoicesMixin, forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    theme = theme_filter()
    country = country_filter()


class UploadForm(forms.Form):
    document = forms.FileField(label=_("Filled-in template (DOCX, at most 5 MB)"))
    language = forms.ChoiceField(label=_("Language of your text"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = active_language()
