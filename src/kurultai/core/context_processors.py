"""Template context every page needs: site name, canonical URL and language alternates."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

# Language names as their speakers write them, for the switcher.
NATIVE_NAMES = {
    "en": "English",
    "ru": "Русский",
    "kk": "Қазақша",
    "ky": "Кыргызча",
    "tg": "Тоҷикӣ",
    "tk": "Türkmençe",
    "uz": "Oʻzbekcha",
}


def canonical_url(request: HttpRequest) -> str:
    """Absolute URL of this page with empty query parameters dropped and keys sorted."""
    params = sorted((k, v) for k, v in request.GET.items() if v and k != "lang")
    query = f"?{urlencode(params)}" if params else ""
    return request.build_absolute_uri(request.path) + query


def site(request: HttpRequest) -> dict:
    """Shared context: canonical link, ``hreflang`` alternates and the language switcher."""
    canonical = canonical_url(request)
    current = get_language() or settings.LANGUAGE_CODE
    alternates = []
    for code, _name in settings.LANGUAGES:
        alternates.append(
            {
                "code": code,
                "name": NATIVE_NAMES.get(code, code),
                "url": translate_url(canonical, code),
                "current": code == current,
            }
        )
    return {
        "site_name": settings.SITE_NAME,
        "canonical_url": canonical,
        "language_alternates": alternates,
        "default_alternate": translate_url(canonical, settings.LANGUAGE_CODE),
    }
