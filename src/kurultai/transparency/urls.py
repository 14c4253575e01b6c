from django.urls import path

from kurultai.transparency import views

app_name = "transparency"

urlpatterns = [
    path("projects/", views.project_list, name="list"),
    path("projects/overview/", views.overview, name="overview"),
    path("projects/projects.csv", views.projects_csv, name="csv"),
    path("projects/import/", views.upload, name="import"),
    path("projects/links/", views.suggestions, name="suggestions"),
    path("projects/links/<int:pk>/<str:decision>/", views.decide, name="decide"),
    path("projects/evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("projects/<int:pk>/", views.project_detail, name="project"),
    path("projects/<int:pk>/link/", views.add_link, name="add_link"),
    path("projects/<int:pk>/notes/new/", views.add_note, name="add_note"),
]
