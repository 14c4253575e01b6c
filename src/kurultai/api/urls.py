"""Mount the API: routers of each app under /api/v1/."""

from ninja import NinjaAPI

from kurultai.followup.api import router as followup_router

api = NinjaAPI(
    title="Kurultai API",
    version="1",
    description="Open data of the EU–Central Asia civil society forums: recommendations and their follow-up.",
    urls_namespace="api-1",
)
api.add_router("/", followup_router)
