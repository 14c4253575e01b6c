"""Forms of consultations and positions: plain values for the services, errors next to the fields."""

from __future__ import annotations

import secrets
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, SafeModelChoiceField, SafeModelMultipleChoiceField, TextLanguageMixin
from kurultai.core.limits import prohibit_control_characters
from kurultai.dialogue.models import MAX_CONTRIBUTION, MAX_POSITION, Consultation
from kurultai.forums.models import Addressee
from kurultai.organisations.models import Organisation

TIME_ZONES = ["Asia/Almaty", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Ashgabat", "Asia/Tashkent", "Asia/Kabul", "UTC"]
TIME_ZONES += ["Europe/Brussels"]


class ContributionForm(TextLanguageMixin, SafeChoicesMixin, forms.Form):
    text = forms.CharField(
        label=_("Your contribution"),
        max_length=MAX_CONTRIBUTION,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[prohibit_control_characters],
    )
    organisation = SafeModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Write"),
        empty_label=_("In my own name"),
    )
    paragraph = forms.IntegerField(label="", required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput)
    parent = forms.IntegerField(label="", required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    token = forms.CharField(label="", required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args: Any, organisations: list[Organisation] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [o.pk for o in organisations or []]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)
        self.fields["organisation"].label_from_instance = lambda o: (
            _("On behalf of %(organisation)s") % {"organisation": o}
        )
        if not ids:
            del self.fields["organisation"]
        if not self.is_bound:
            self.initial.setdefault("token", secrets.token_urlsafe(12))


class EndorseForm(SafeChoicesMixin, forms.Form):
    organisation = SafeModelChoiceField(queryset=Organisation.objects.none(), label=_("Endorse for"))

    def __init__(self, *args: Any, organisations: list[Organisation] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations or []])


class ConsultationForm(SafeChoicesMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, validators=[prohibit_control_characters])
    question = forms.CharField(
        label=_("Question or introduction"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown."),
        validators=[prohibit_control_characters],
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Consultation.Kind.choices)
    document_text = forms.CharField(
        label=_("Document to comment on, paragraph by paragraph"),
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Separate paragraphs with a blank line; each gets its own comments."),
        validators=[prohibit_control_characters],
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"), required=False, help_text=_("Local time of the time zone below, e.g. 2026-12-31 18:00.")
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=[(z, z) for z in TIME_ZONES])
    languages = forms.MultipleChoiceField(
        label=_("Languages of the consultation"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organiser = SafeModelChoiceField(
        queryset=Organisation.objects.none(), required=False, label=_("Organised by"), empty_label=_("The platform")
    )
    working_group = SafeModelChoiceField(
        queryset=Organisation.objects.none(), required=False, label=_("Working group"), empty_label=_("None")
    )
    hold_first = forms.IntegerField(
        label=_("First contributions held for review"),
        min_value=0,
        max_value=100,
        initial=0,
        help_text=_("A person's first contributions wait for a moderator before they show; 0 holds none."),
    )
    open_now = forms.BooleanField(label=_("Open for contributions now"), required=False)

    def __init__(self, *args: Any, organisations: Any = None, groups: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisations if organisations is not None else Organisation.objects.none()
        if groups is None or not groups.exists():
            del self.fields["working_group"]
        else:
            self.fields["working_group"].queryset = groups

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        deadline, zone = data.get("deadline"), data.get("time_zone")
        if deadline is not None and zone:
            data["deadline"] = deadline.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        return data


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[prohibit_control_characters])
    file = forms.FileField(label=_("File"), help_text=_("PDF, image or office document, at most 10 MB."))


class ReportForm(TextLanguageMixin, forms.Form):
    text_language_after = "report"
    report = forms.CharField(
        label=_("Report"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown."),
        validators=[prohibit_control_characters],
    )
    file = forms.FileField(label=_("Report file (optional)"), required=False)


class PositionForm(TextLanguageMixin, SafeChoicesMixin, forms.Form):
    organisation = SafeModelChoiceField(queryset=Organisation.objects.none(), label=_("Drafted by"))
    title = forms.CharField(label=_("Title"), max_length=300, validators=[prohibit_control_characters])
    text = forms.CharField(
        label=_("Text"),
        max_length=MAX_POSITION,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown."),
        validators=[prohibit_control_characters],
    )
    addressees = SafeModelMultipleChoiceField(
        queryset=Addressee.objects.all(),
        required=False,
        label=_("Addressed to"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisations: list[Organisation] | None = None, editing: bool = False, **kw: Any):
        super().__init__(*args, **kw)
        if editing:
            del self.fields["organisation"]
            del self.fields["addressees"]
        else:
            ids = [o.pk for o in organisations or []]
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)


class SignForm(SafeChoicesMixin, forms.Form):
    organisation = SafeModelChoiceField(queryset=Organisation.objects.none(), label=_("Co-sign for"))

    def __init__(self, *args: Any, organisations: list[Organisation] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations or []])
