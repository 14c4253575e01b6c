from django.urls import path, re_path

from kurultai.followup import views

app_name = "followup"

urlpatterns = [
    path("follow-up/", views.dashboard, name="dashboard"),
    re_path(r"^recommendations/(?P<pk>\d+)/(?P<kind>respond|update|assess)/$", views.add, name="add"),
]
