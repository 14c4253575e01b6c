"""The fast select renders the same choices, selection and attributes as Django's own."""

from django import forms

from kurultai.core.widgets import FastSelect


class Pick(forms.Form):
    fruit = forms.ChoiceField(
        choices=[("", "Any"), ("a", "Apple & pear"), ("b", "<Banana>")], required=False, widget=FastSelect
    )


def test_renders_choices_selection_and_escapes_labels():
    html = str(Pick({"fruit": "b"})["fruit"])
    assert html.startswith('<select id="id_fruit" name="fruit">')
    assert '<option value="">Any</option>' in html
    assert '<option value="a">Apple &amp; pear</option>' in html
    assert '<option value="b" selected>&lt;Banana&gt;</option>' in html


def test_error_state_is_announced():
    form = Pick({"fruit": "zzz"})
    assert not form.is_valid()
    assert 'aria-invalid="true"' in str(form["fruit"])
