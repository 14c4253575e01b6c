"""Forms of the participation pages; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin, SafeModelChoiceField, SearchableFormMixin, SearchableModelChoiceField
from kurultai.core.models import Country
from kurultai.organisations.models import Organisation
from kurultai.participation.models import Call, Format, Question, Registration
from kurultai.participation.uploads import check_answer_file

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _format_choices(call: Call) -> list[tuple[str, str]]:
    return [(fmt, Format(fmt).label) for fmt in call.formats()]


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = [
            "intro",
            "opens_at",
            "closes_at",
            "selection",
            "capacity_in_person",
            "capacity_online",
            "reminder_days",
            "retention_days",
            "issuer",
        ]
        widgets = {"opens_at": DATETIME, "closes_at": DATETIME}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("Registration must close after it opens."))
        if data.get("capacity_in_person") is None and data.get("capacity_online") is None:
            self.add_error("capacity_in_person", _("Offer at least one format: give its number of places."))
        return data


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["purpose", "kind", "label", "choices", "required", "position"]


class FormatStepForm(forms.Form):
    """Step 1 on a phone: how you take part, and for whom."""

    format = forms.ChoiceField(label=_("How will you take part?"), widget=forms.RadioSelect)
    on_behalf = forms.TypedChoiceField(
        label=_("You register"),
        choices=[("0", _("For myself")), ("1", _("On behalf of my organisation (I represent it)"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = _format_choices(call)
        if len(call.formats()) == 1:
            self.fields["format"].initial = call.formats()[0]


def question_field(question: Question) -> forms.Field:
    label, required = str(question.label), question.required
    if question.kind == Question.Kind.TEXT:
        return forms.CharField(
            label=label, required=required, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
        )
    if question.kind == Question.Kind.YES_NO:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
        )
    if question.kind in (Question.Kind.CHOICE, Question.Kind.MULTIPLE):
        choices = [(c, c) for c in question.choice_list()]
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple
            )
        return forms.ChoiceField(label=label, required=required, choices=choices, widget=forms.RadioSelect)
    if question.kind == Question.Kind.SCALE:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            coerce=int,
            empty_value=None,
            choices=[(str(i), str(i)) for i in range(1, 6)],
            widget=forms.RadioSelect,
            help_text=_("1 = poor, 5 = excellent"),
        )
    return forms.FileField(
        label=label,
        required=required,
        help_text=_("PDF, image or office document, 10 MB at most."),
        validators=[check_answer_file],
    )


class QuestionsMixin:
    """Adds one field per organisers' question, named ``q<id>``."""

    def add_questions(self, questions: list[Question]) -> None:
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = question_field(question)

    def answers(self) -> dict[str, Any]:
        return {
            str(q.pk): self.cleaned_data.get(f"q{q.pk}")
            for q in self.questions
            if q.kind != Question.Kind.FILE and self.cleaned_data.get(f"q{q.pk}") not in (None, "", [])
        }

    def files_answered(self) -> dict[int, Any]:
        return {
            q.pk: self.cleaned_data[f"q{q.pk}"]
            for q in self.questions
            if q.kind == Question.Kind.FILE and self.cleaned_data.get(f"q{q.pk}")
        }


class RegistrationForm(QuestionsMixin, SearchableFormMixin, SafeChoicesMixin, forms.Form):
    """Step 2: who you are, what you need, and the organisers' questions."""

    format = forms.ChoiceField(widget=forms.HiddenInput)
    on_behalf = forms.BooleanField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Your name"), max_length=200, help_text=_("As it should appear on your badge."))
    organisation = SearchableModelChoiceField(
        Organisation.objects.listed().order_by("slug"),
        search_kind="organisation",
        label=_("Organisation"),
        required=False,
        help_text=_("Find it in the directory, or write its name below."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation, if not in the directory"), max_length=300, required=False
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), required=False, choices=[("", "—"), *Organisation.Type.choices]
    )
    country = SafeModelChoiceField(Country.objects.all(), label=_("Country"), required=False)
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        required=False,
        choices=[("", "—"), *Registration.Gender.choices],
        help_text=_("Only the organisers see it; donors get counts only."),
    )
    age_band = forms.ChoiceField(
        label=_("Age (optional)"), required=False, choices=[("", "—"), *Registration.AgeBand.choices]
    )
    accessibility = forms.CharField(
        label=_("Accessibility needs"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    dietary = forms.CharField(
        label=_("Dietary needs"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, call: Call, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = _format_choices(call)
        self.add_questions(questions)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("on_behalf") and not data.get("organisation") and not data.get("organisation_name", "").strip():
            self.add_error("organisation", _("Say which organisation you represent."))
        return data

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        organisation = data.get("organisation")
        return {
            "name": data["name"],
            "organisation": organisation,
            "organisation_name": "" if organisation else data.get("organisation_name", "").strip(),
            "on_behalf": bool(data.get("on_behalf")),
            "country": data.get("country") or (organisation.country if organisation else None),
            "organisation_type": data.get("organisation_type") or (organisation.type if organisation else ""),
            "gender": data.get("gender", ""),
            "age_band": data.get("age_band", ""),
            "accessibility": data.get("accessibility", ""),
            "dietary": data.get("dietary", ""),
        }


class FeedbackForm(QuestionsMixin, forms.Form):
    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(questions)


class ChangeFormatForm(forms.Form):
    format = forms.ChoiceField(label=_("Change to"))

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = _format_choices(call)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Registration.Status.ACCEPTED, _("Accept")),
            (Registration.Status.WAITLISTED, _("Wait-list")),
            (Registration.Status.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the organisers"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TravelForm(forms.Form):
    amount_requested = forms.DecimalField(label=_("Amount asked"), min_value=0.01, max_digits=9, decimal_places=2)
    currency = forms.ChoiceField(
        label=_("Currency"), choices=[(c, c) for c in ("EUR", "USD", "KZT", "KGS", "TJS", "TMT", "UZS")]
    )
    reason = forms.CharField(
        label=_("What it is for"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TravelDecisionForm(forms.Form):
    amount_granted = forms.DecimalField(
        label=_("Amount granted"),
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=2,
        help_text=_("Leave empty or 0 to refuse."),
    )


class LetterForm(SafeChoicesMixin, forms.Form):
    passport_name = forms.CharField(label=_("Name as in the passport"), max_length=200)
    passport_number = forms.CharField(label=_("Passport number"), max_length=40)
    nationality = SafeModelChoiceField(Country.objects.all(), label=_("Nationality"), required=False)


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "autofocus": True}),
    )


class AgendaForm(forms.Form):
    sessions = forms.MultipleChoiceField(label=_("Sessions"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, sessions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].choices = [(str(s.pk), str(s)) for s in sessions]
