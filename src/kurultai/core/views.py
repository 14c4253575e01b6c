"""The site-wide search page."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kurultai.core import search as engine
from kurultai.core.forms import country_filter, theme_filter
from kurultai.core.widgets import FastSelect


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False, widget=FastSelect)
    country = country_filter()
    theme = theme_filter()
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES], widget=FastSelect
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (kind, reg.label) for kind, reg in engine.REGISTRY.items()
        ]


def search(request: HttpRequest) -> HttpResponse:
    """Ranked results across forums, recommendations, organisations and partner requests."""
    form = SearchForm(request.GET or None)
    hits: list[engine.Hit] = []
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        hits = engine.search(
            data["q"],
            kinds=[data["kind"]] if data["kind"] else None,
            countries=[data["country"].code] if data["country"] else (),
            themes=[data["theme"].slug] if data["theme"] else (),
            language=data["language"] or None,
        )
    page = Paginator(hits, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "core/search.html",
        {"form": form, "page": page, "nav": "search", "searched": bool(form.is_bound and form.data.get("q"))},
    )
