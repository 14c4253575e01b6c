"""Mount the API: routers of each app under /api/v1/."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from kurultai.api.common import LICENSE_NAME, LICENSE_URL, add_license_link
from kurultai.followup.api import router as followup_router
from kurultai.forums.api import router as forums_router
from kurultai.organisations.api import router as organisations_router
from kurultai.transparency.api import router as transparency_router


class OpenDataAPI(NinjaAPI):
    """Every answer carries the content licence in a ``Link`` header as well as in its ``meta``."""

    def create_response(self, request: HttpRequest, data, *args, **kwargs) -> HttpResponse:
        return add_license_link(super().create_response(request, data, *args, **kwargs))


api = OpenDataAPI(
    title="Kurultai API",
    version="1",
    description=(
        "Open data of the EU–Central Asia civil society forums: forums, sessions, recommendations, their "
        f"follow-up and the organisation directory. Content is licensed under {LICENSE_NAME} ({LICENSE_URL}). "
        "Every link is absolute; lists are paginated with `limit` and `offset`."
    ),
    urls_namespace="api-1",
    openapi_extra={"info": {"license": {"name": LICENSE_NAME, "url": LICENSE_URL}}},
)
api.add_router("/", forums_router)
api.add_router("/", followup_router)
api.add_router("/", organisations_router)
api.add_router("/", transparency_router)


def _module_routers() -> None:
    """Mount the ``router`` of every later module's ``api.py`` (modules above the API in the dependency order)."""
    from importlib import import_module
    from importlib.util import find_spec

    for name in ("participation", "workinggroups", "dialogue", "knowledge", "library", "learning", "certificates"):
        if find_spec(f"kurultai.{name}.api") is not None:
            api.add_router("/", import_module(f"kurultai.{name}.api").router)


_module_routers()
