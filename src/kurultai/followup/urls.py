from django.urls import path, re_path

from kurultai.followup import files, views
from kurultai.followup.feeds import UpdatesFeed

app_name = "followup"

urlpatterns = [
    path("follow-up/", views.dashboard, name="dashboard"),
    path("follow-up/bulk/", views.bulk_updates, name="bulk"),
    path("evidence/<uuid:token>/", files.evidence_file, name="evidence"),
    path("follow-up/recurrences/", views.recurrences, name="recurrences"),
    path("follow-up/feed/", UpdatesFeed(), name="feed"),
    re_path(r"^follow-up/recommendations\.(?P<fmt>json|csv|history\.csv)$", views.open_data, name="open_data"),
    re_path(r"^recommendations/(?P<pk>\d+)/(?P<kind>respond|update|assess|actor)/$", views.add, name="add"),
    re_path(
        r"^follow-up/(?P<kind_key>[a-z_]{1,30})/(?P<pk>\d{1,18})/(?P<kind>respond|update|assess|actor)/$",
        views.add_to,
        name="add_to",
    ),
]
