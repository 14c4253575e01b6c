from django.urls import path

from kurultai.opportunities import views, workspace_views
from kurultai.opportunities.feeds import OpportunitiesFeed

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", views.opportunity_list, name="list"),
    path("opportunities/feed/", OpportunitiesFeed(), name="feed"),
    path("opportunities/deadlines.ics", views.deadlines_calendar, name="deadlines"),
    path("opportunities/propose/", views.propose, name="propose"),
    path("opportunities/review/", views.review_queue, name="review"),
    path("opportunities/sources/", views.feeds, name="feeds"),
    path("opportunities/saved/", views.saved, name="saved"),
    path("opportunities/conversations/", workspace_views.conversation_list, name="conversations"),
    path("opportunities/conversations/<int:pk>/", workspace_views.conversation, name="conversation"),
    path("opportunities/consortia/", workspace_views.consortium_list, name="consortia"),
    path("opportunities/consortia/<int:pk>/", workspace_views.consortium, name="consortium"),
    path("opportunities/consortia/<int:pk>/proposal.docx", workspace_views.export_docx, name="export"),
    path("opportunities/consortia/<int:pk>/files/<int:file_pk>/", workspace_views.consortium_file, name="file"),
    path("opportunities/consortia/<int:pk>/<slug:section>/", workspace_views.section, name="section"),
    path("opportunities/<int:pk>/", views.detail, name="detail"),
    path("opportunities/<int:pk>/deadline.ics", views.deadline_calendar, name="deadline"),
    path("opportunities/<int:pk>/edit/", views.edit, name="edit"),
    path("opportunities/<int:pk>/review/", views.review_item, name="review_item"),
    path("opportunities/<int:pk>/partners/new/", workspace_views.new_partner_search, name="new_partner_search"),
    path("opportunities/<int:pk>/consortia/new/", workspace_views.new_consortium, name="new_consortium"),
]
