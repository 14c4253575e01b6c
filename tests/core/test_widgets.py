"""The fast select renders the same choices, selection and attributes as Django's own."""

from django import forms

from kurultai.core.multilingual import TranslatedFormField
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


class Titled(forms.Form):
    title = TranslatedFormField(max_length=100)


def _open_part(html: str) -> str:
    return html.split("<details", 1)[0]


def test_translated_field_opens_the_page_language_and_folds_the_others():
    from django.utils import translation

    with translation.override("ru"):
        html = str(Titled()["title"])
        label = Titled()["title"].label_tag()
    assert html.count("<input") == 7
    assert _open_part(html).count("<input") == 1 and 'name="title_ru"' in _open_part(html)
    assert "<details" in html and "<summary>" in html and "<script" not in html
    assert 'for="id_title_1"' in label  # the label leads to the open Russian box


def test_boxes_that_hold_text_stay_open():
    html = str(Titled(initial={"title": {"en": "Water", "kk": "Су"}})["title"])
    opened = _open_part(html)
    assert 'name="title_en"' in opened and 'name="title_kk"' in opened and 'name="title_ru"' not in opened


def test_a_translation_typed_behind_the_fold_is_kept():
    form = Titled(
        {
            "title_en": "",
            "title_ru": "",
            "title_kk": "",
            "title_ky": "",
            "title_tg": "Об",
            "title_tk": "",
            "title_uz": "",
        }
    )
    assert form.is_valid(), form.errors
    assert dict(form.cleaned_data["title"]) == {"tg": "Об"}
