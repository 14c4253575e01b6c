"""The site-wide search page."""

import sys

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
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
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1000, max_value=9999)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (kind, reg.label) for kind, reg in engine.REGISTRY.items()
        ]


def search(request: HttpRequest) -> HttpResponse:
    """Ranked results across every registered kind, with facet counts (type, language, year) of the matches."""
    form = SearchForm(request.GET or None)
    hits: list[engine.Hit] = []
    facets: dict[str, list[engine.Facet]] = {}
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        hits = engine.search(
            data["q"],
            kinds=[data["kind"]] if data["kind"] else None,
            countries=[data["country"].code] if data["country"] else (),
            themes=[data["theme"].slug] if data["theme"] else (),
            language=data["language"] or None,
            year=data["year"],
        )
        facets = _facet_links(request, engine.facets(hits))
    page = Paginator(hits, 20).get_page(request.GET.get("page"))
    page.object_list = engine.decorate(page.object_list)
    return render(
        request,
        "core/search.html",
        {
            "form": form,
            "page": page,
            "nav": "search",
            "searched": bool(form.is_bound and form.data.get("q")),
            "facets": facets,
        },
    )


FACET_LABELS = {"kind": _("Type"), "language": _("Language"), "year": _("Year")}


def _facet_links(request: HttpRequest, found: dict[str, list[engine.Facet]]) -> list[dict]:
    """Each facet with its values as links that narrow the search (a facet already chosen is not offered)."""
    groups = []
    for name, values in found.items():
        if not values or request.GET.get(name):
            continue
        links = []
        for facet in values[:12]:
            query = request.GET.copy()
            query[name] = facet.value
            query.pop("page", None)
            links.append({"facet": facet, "query": query.urlencode()})
        if links:
            groups.append({"name": name, "label": FACET_LABELS[name], "links": links})
    return groups


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the site's layout and the URL's language, without the database or context processors.

    Whatever failed (the database included) must not fail again here, so the template gets only settings.
    """
    from kurultai.core.outage import is_database_down, unavailable

    if is_database_down(sys.exc_info()[1]):  # an outage, not a bug: 503 with Retry-After
        return unavailable(request)
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            html = loader.get_template("500.html").render({"site_name": settings.SITE_NAME, "LANGUAGE_CODE": language})
    except Exception:  # the last resort must answer whatever broke
        html = "<!doctype html><title>Server error</title><h1>Server error (500)</h1>"
    return HttpResponseServerError(html)
