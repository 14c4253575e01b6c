from django.urls import path, re_path

from kurultai.workinggroups import views

app_name = "workinggroups"

G = "working-groups/<slug:slug>/"

urlpatterns = [
    path("working-groups/", views.index, name="index"),
    path("working-groups/documents/<uuid:token>/", views.document, name="document"),
    re_path(r"^working-groups/action-plans\.(?P<fmt>json|csv)$", views.open_data, name="open_data"),
    path(G, views.detail, name="detail"),
    path(G + "join/", views.join, name="join"),
    path(G + "conveners/", views.conveners, name="conveners"),
    path(G + "requests/<int:pk>/", views.decide, name="decide"),
    path(G + "calendar.ics", views.group_calendar, name="calendar"),
    path(G + "meetings/new/", views.meeting_form, name="meeting_new"),
    path(G + "meetings/<int:pk>/", views.meeting, name="meeting"),
    path(G + "meetings/<int:pk>/edit/", views.meeting_form, name="meeting_edit"),
    path(G + "documents/new/", views.document_form, name="document_new"),
    path(G + "discussion/", views.discussion, name="discussion"),
    path(G + "plans/new/", views.plan_form, name="plan_new"),
    path(G + "plans/<int:pk>/", views.plan, name="plan"),
    path(G + "plans/<int:pk>/edit/", views.plan_form, name="plan_edit"),
    path(G + "plans/<int:pk>/adopt/", views.adopt, name="adopt"),
    re_path(r"^working-groups/(?P<slug>[-a-zA-Z0-9_]+)/plans/(?P<pk>\d+)/report(?:\.(?P<fmt>docx))?$", views.report,
            name="report"),
    path(G + "plans/<int:plan_pk>/actions/new/", views.action_form, name="action_new"),
    path(G + "plans/<int:plan_pk>/actions/<int:pk>/edit/", views.action_form, name="action_edit"),
    path(G + "actions/<int:pk>/", views.action, name="action"),
    path(G + "actions/<int:action_pk>/indicators/new/", views.indicator_form, name="indicator_new"),
    path(G + "indicators/<int:pk>/measure/", views.measure, name="measure"),
]  # fmt: skip
