from django.urls import path

from kurultai.library import views

app_name = "library"

urlpatterns = [
    path("knowledge/publications/", views.publication_list, name="publications"),
    path("knowledge/publications/new/", views.publication_edit, name="publication_new"),
    path("knowledge/publications/feed/", views.publications_feed, name="feed"),
    path("knowledge/publications/feed/type/<str:type>/", views.publications_feed, name="feed_type"),
    path("knowledge/publications/feed/theme/<slug:slug>/", views.publications_feed, name="feed_theme"),
    path("knowledge/publications/files/<int:pk>/", views.file_download, name="file"),
    path("knowledge/publications/files/<int:pk>/page-1.png", views.file_thumbnail, name="thumbnail"),
    path("knowledge/publications/<int:pk>/", views.publication_detail, name="publication"),
    path("knowledge/publications/<int:pk>/edit/", views.publication_edit, name="publication_edit"),
    path("knowledge/publications/<int:pk>/files/", views.publication_files, name="publication_files"),
    path("knowledge/publications/<int:pk>/cite.<str:fmt>", views.publication_cite, name="cite"),
    path("knowledge/interviews/", views.interview_list, name="interviews"),
    path("knowledge/interviews/new/", views.interview_new, name="interview_new"),
    path("knowledge/interviews/<int:pk>/", views.interview_detail, name="interview"),
    path("knowledge/interviews/<int:pk>/audio", views.interview_audio, name="interview_audio"),
    path("knowledge/interviews/<int:pk>/publish/", views.interview_publish, name="interview_publish"),
    path("knowledge/projects/", views.project_list, name="projects"),
    path("knowledge/projects/<slug:slug>/", views.project_detail, name="project"),
]
