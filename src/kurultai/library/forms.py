"""Forms of the library: list filters, describing a publication, adding its PDF, recording an interview."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, theme_filter
from kurultai.core.models import Country, Theme
from kurultai.core.multilingual import written_language
from kurultai.library import files, services
from kurultai.library.models import ConsentForm, ConsentScope, Interview, Publication, PublicationType

YEAR_CHOICES_BACK = 40


class FilterForm(SafeChoicesMixin, forms.Form):
    """The publications list's facets (all optional, from the query string)."""

    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Every type")), *PublicationType.choices])
    theme = theme_filter()
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1800, max_value=2200)

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")} if self.is_valid() else {}


class PublicationForm(SafeChoicesMixin, forms.ModelForm):
    """Describe a publication in Dublin Core terms; creators one per line, in order."""

    creators = forms.CharField(
        label=_("Creators"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
        help_text=_(
            "One per line, in the order of the title page: “Family name, Given names”. "
            "For an organisation of the directory write @ and its address name, e.g. @green-steppe."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.ModelMultipleChoiceField(
        Country.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Countries"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Publication
        fields = [
            "type",
            "title",
            "creators",
            "year",
            "date",
            "abstract",
            "languages",
            "themes",
            "countries",
            "keywords",
            "publisher",
            "place",
            "isbn",
            "doi",
            "url",
            "licence",
            "rights",
            "project",
            "forum",
            "session",
        ]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["creators"] = "\n".join(
                f"@{c.organisation.slug}" if c.is_organisation else c.name
                for c in self.instance.creators.select_related("organisation")
            )
        self.fields["year"].initial = timezone.now().year

    def clean_creators(self) -> list[dict[str, Any]]:
        try:
            creators = services.parse_creators(self.cleaned_data["creators"].splitlines())
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        if not creators:
            raise ValidationError(_("Name at least one creator."))
        return creators

    def _post_clean(self) -> None:
        # The model is validated by the service; here only the identifiers and dates are checked together.
        values = {k: v for k, v in self.cleaned_data.items() if k in services.PUBLICATION_FIELDS}
        try:
            cleaned = services.check_publication(values)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
            return
        self.cleaned_data.update({k: cleaned[k] for k in ("isbn", "doi", "languages", "forum") if k in cleaned})

    def service_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        creators = data.pop("creators")
        data["original_language"] = written_language(data.get("title"), data.get("abstract"))
        return {"creators": creators, **data}


class FileForm(forms.Form):
    file = forms.FileField(label=_("PDF file"), help_text=_("At most 50 MB."))
    language = forms.ChoiceField(
        label=_("Language of the file"), required=False, choices=[("", "—"), *settings.LANGUAGES]
    )
    label = forms.CharField(label=_("Label"), required=False, max_length=200, help_text=_("For example “Full text”."))


class InterviewForm(SafeChoicesMixin, forms.ModelForm):
    """Record an expert interview with the interviewee's consent; audio and transcripts are optional."""

    audio_file = forms.FileField(
        label=_("Audio"), required=False, help_text=_("MP3, Ogg or M4A, at most 128 kbit/s and 3 hours.")
    )
    transcript = forms.CharField(label=_("Transcript"), required=False, widget=forms.Textarea, max_length=200000)
    transcript_language = forms.ChoiceField(label=_("Language of the transcript"), choices=settings.LANGUAGES)

    class Meta:
        model = Interview
        fields = [
            "anonymised",
            "interviewee_name",
            "interviewee_role",
            "country",
            "topic",
            "summary",
            "interviewer",
            "interviewed_on",
            "consent_on",
            "consent_form",
            "consent_scope",
            "project",
            "publication",
        ]
        widgets = {
            "interviewed_on": forms.DateInput(attrs={"type": "date"}),
            "consent_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent_form"].choices = ConsentForm.choices
        self.fields["consent_scope"].choices = ConsentScope.choices

    def clean_audio_file(self) -> Any:
        upload = self.cleaned_data.get("audio_file")
        if upload:
            files.check_audio(upload)
        return upload

    def _post_clean(self) -> None:
        values = {k: v for k, v in self.cleaned_data.items() if k in services.INTERVIEW_FIELDS}
        try:
            services.check_interview(values)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)

    def service_values(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k in services.INTERVIEW_FIELDS}
        data["original_language"] = written_language(data.get("topic"), data.get("summary"))
        transcript = self.cleaned_data.get("transcript") or ""
        data["transcripts"] = {self.cleaned_data["transcript_language"]: transcript} if transcript.strip() else {}
        data["audio"] = self.cleaned_data.get("audio_file")
        return data
