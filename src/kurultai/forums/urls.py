from django.urls import path, re_path

from kurultai.forums import calendar_views, outcome_views, programme_views, views, workspace_views
from kurultai.forums.feeds import ForumsFeed

app_name = "forums"

urlpatterns = [
    path("forums/", views.forum_list, name="forum_list"),
    path("forums/feed.atom", ForumsFeed(), name="feed"),
    path("forums/calendar.ics", calendar_views.forums_calendar, name="calendar"),
    # organisers' workspace
    path("forums/workspace/", workspace_views.workspace, name="workspace"),
    path("forums/workspace/new/", workspace_views.forum_create, name="forum_create"),
    path("forums/workspace/series/new/", workspace_views.series_form, name="series_create"),
    path("forums/workspace/series/<slug:slug>/", workspace_views.series_form, name="series_edit"),
    path("forums/workspace/speakers/", workspace_views.speaker_list, name="speaker_list"),
    path("forums/workspace/speakers/new/", workspace_views.speaker_form, name="speaker_create"),
    path("forums/workspace/speakers/<int:pk>/", workspace_views.speaker_form, name="speaker_edit"),
    path("forums/speakers/<int:pk>/photo/", programme_views.speaker_photo, name="speaker_photo"),
    path("forums/<slug:slug>/edit/", workspace_views.forum_edit, name="forum_edit"),
    path("forums/<slug:slug>/publish/", workspace_views.forum_publish, name="forum_publish"),
    path("forums/<slug:slug>/tagging/", workspace_views.tagging, name="tagging"),
    path("forums/<slug:slug>/sessions/new/", workspace_views.session_form, name="session_create"),
    path("forums/<slug:slug>/sessions/<int:number>/edit/", workspace_views.session_form, name="session_edit"),
    path("forums/<slug:slug>/sessions/<int:number>/delete/", workspace_views.session_delete, name="session_delete"),
    path("forums/<slug:slug>/sessions/<int:number>/roles/", workspace_views.role_add, name="role_add"),
    path("forums/<slug:slug>/roles/<int:pk>/remove/", workspace_views.role_remove, name="role_remove"),
    # public pages
    path("forums/<slug:slug>/programme.ics", calendar_views.programme_calendar, name="programme_calendar"),
    path("forums/<slug:slug>/sessions/<int:number>.ics", calendar_views.session_calendar, name="session_calendar"),
    path("forums/<slug:slug>/programme/", programme_views.programme, name="programme"),
    path("forums/<slug:slug>/speakers/", programme_views.speakers, name="speakers"),
    path("forums/<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("forums/<slug:slug>/sessions/<int:number>/", views.session_detail, name="session_detail"),
    path("forums/<slug:slug>/outcome/import/", outcome_views.outcome_import, name="outcome_import"),
    re_path(
        r"^forums/(?P<slug>[-\w]+)/outcome\.(?P<fmt>docx|md)$", outcome_views.outcome_export, name="outcome_export"
    ),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation_detail"),
]
