from django.urls import path

from kurultai.knowledge import views
from kurultai.knowledge.feeds import PracticesFeed

app_name = "knowledge"

urlpatterns = [
    path("knowledge/", views.home, name="home"),
    path("knowledge/practices/", views.practice_list, name="practices"),
    path("knowledge/practices/feed/", PracticesFeed(), name="feed"),
    path("knowledge/practices/new/", views.practice_new, name="practice_new"),
    path("knowledge/practices/mine/", views.mine, name="mine"),
    path("knowledge/practices/review/", views.review_queue, name="review"),
    path("knowledge/practices/template.docx", views.template_download, name="template"),
    path("knowledge/practices/upload/", views.upload, name="upload"),
    path("knowledge/practices/<int:pk>/", views.practice_detail, name="practice"),
    path("knowledge/practices/<int:pk>/print/", views.practice_print, name="practice_print"),
    path("knowledge/practices/<int:pk>/practice.docx", views.practice_docx, name="practice_docx"),
    path("knowledge/practices/<int:pk>/versions/<int:number>/", views.practice_version, name="practice_version"),
    path("knowledge/practices/<int:pk>/draft/", views.practice_draft, name="practice_draft"),
    path("knowledge/practices/<int:pk>/edit/", views.practice_edit, name="practice_edit"),
    path("knowledge/practices/<int:pk>/photos/", views.practice_photo, name="practice_photo"),
    path("knowledge/practices/<int:pk>/contact/", views.practice_contact, name="practice_contact"),
    path("knowledge/themes/<slug:slug>/feed/", PracticesFeed(), name="theme_feed"),
    path("knowledge/building-blocks/<int:pk>/", views.block_detail, name="block"),
    path("knowledge/photos/<int:pk>/", views.photo, name="photo"),
    path("knowledge/sites/", views.site_list, name="sites"),
    path("knowledge/sites/new/", views.site_edit, name="site_new"),
    path("knowledge/sites/propose/", views.site_propose, name="site_propose"),
    path("knowledge/sites/proposals/", views.site_proposals, name="site_proposals"),
    path("knowledge/sites/<int:pk>/", views.site_detail, name="site"),
    path("knowledge/sites/<int:pk>/edit/", views.site_edit, name="site_edit"),
    path("knowledge/sites/<int:pk>/decide/", views.site_decide, name="site_decide"),
    path("knowledge/sites/<int:pk>/photos/", views.site_photo, name="site_photo"),
    path("knowledge/sites/<int:pk>/visit/", views.site_visit, name="site_visit"),
    path("knowledge/roles/", views.roles, name="roles"),
]
