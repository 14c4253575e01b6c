from django.urls import path, re_path

from kurultai.forums import calendar_views, outcome_views, views
from kurultai.forums.feeds import ForumsFeed

app_name = "forums"

urlpatterns = [
    path("forums/", views.forum_list, name="forum_list"),
    path("forums/feed.atom", ForumsFeed(), name="feed"),
    path("forums/calendar.ics", calendar_views.forums_calendar, name="calendar"),
    path("forums/<slug:slug>/programme.ics", calendar_views.programme_calendar, name="programme_calendar"),
    path("forums/<slug:slug>/sessions/<int:number>.ics", calendar_views.session_calendar, name="session_calendar"),
    path("forums/<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("forums/<slug:slug>/sessions/<int:number>/", views.session_detail, name="session_detail"),
    path("forums/<slug:slug>/outcome/import/", outcome_views.outcome_import, name="outcome_import"),
    re_path(
        r"^forums/(?P<slug>[-\w]+)/outcome\.(?P<fmt>docx|md)$", outcome_views.outcome_export, name="outcome_export"
    ),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation_detail"),
]
