"""Every form of the site answers impossible ids (beyond 64 bits, odd digits, NUL) with a form error."""

import importlib
import pkgutil

import pytest
from django import forms

import kurultai
from kurultai.core.forms import SafeChoicesMixin, SafeKeysMixin, SafeModelMultipleChoiceField, filter_field
from kurultai.core.models import Country, Theme


def all_form_classes() -> list[type]:
    for module in pkgutil.walk_packages(kurultai.__path__, "kurultai."):
        if module.name.rsplit(".", 1)[-1] in {"forms", "views", "outcome_views", "workspace_views", "calendar_views"}:
            importlib.import_module(module.name)
    found, queue = [], [forms.BaseForm]
    while queue:
        cls = queue.pop()
        queue.extend(cls.__subclasses__())
        if cls.__module__.startswith("kurultai."):
            found.append(cls)
    return found


def test_every_form_with_model_choices_refuses_impossible_ids_cleanly():
    offenders = []
    for form_class in all_form_classes():
        if issubclass(form_class, SafeChoicesMixin):
            continue
        for name, field in getattr(form_class, "base_fields", {}).items():
            if isinstance(field, forms.ModelChoiceField) and not isinstance(field, SafeKeysMixin):
                offenders.append(f"{form_class.__module__}.{form_class.__qualname__}.{name}")
    assert not offenders, "Add kurultai.core.forms.SafeChoicesMixin to:\n" + "\n".join(offenders)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "²", "1\x00", "x" * 200_000])
def test_impossible_ids_are_form_errors(value):
    class ThemesForm(forms.Form):
        themes = SafeModelMultipleChoiceField(Theme.objects.all())
        country = filter_field(Country.objects.all(), "code", "Country", "All")

    form = ThemesForm({"themes": [value], "country": value})
    assert not form.is_valid()
    assert set(form.errors) == {"themes", "country"}


@pytest.mark.django_db
def test_possible_ids_still_work():
    theme = Theme.objects.first()

    class ThemesForm(SafeChoicesMixin, forms.Form):
        themes = forms.ModelMultipleChoiceField(Theme.objects.all())

    form = ThemesForm({"themes": [str(theme.pk)]})
    assert form.is_valid() and list(form.cleaned_data["themes"]) == [theme]
    assert isinstance(form.fields["themes"], SafeKeysMixin)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/en/forums/", "/en/forums/"),
        ("abc", ""),
        ("//evil.example/", ""),
        ("https://evil.example/", ""),
        ("/en/\x00", ""),
        ("", ""),
    ],
)
def test_next_is_a_path_on_this_site_or_nothing(rf, value, expected):
    from kurultai.core.redirects import next_path, redirect_to_next

    request = rf.post("/en/calendar/new-link/", {"next": value})
    assert next_path(request) == expected
    assert redirect_to_next(request, "/en/account/")["Location"] == (expected or "/en/account/")
