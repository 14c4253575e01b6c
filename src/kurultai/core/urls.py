from django.urls import path, re_path

from kurultai.core import calendar_views, moderation_views, translation_views

app_name = "core"

urlpatterns = [
    re_path(r"^calendar/(?P<token>[\w:-]{1,200})\.ics$", calendar_views.personal_calendar, name="personal_calendar"),
    path("calendar/new-link/", calendar_views.reset_calendar_link, name="reset_calendar_link"),
    path("moderate/<str:label>/<int:pk>/", moderation_views.moderate, name="moderate"),
    path("moderation/", moderation_views.moderation_queue, name="moderation_queue"),
    path("report/<str:label>/<int:pk>/", moderation_views.report, name="report"),
    path("translate/<str:label>/<int:pk>/", translation_views.machine_translate, name="machine_translate"),
    path("translations/", translation_views.workspace, name="translations"),
    re_path(
        r"^translations/(?P<label>[a-z_]+\.[a-z_]+)/(?P<pk>\d{1,18})/(?P<language>[a-z]{2})/$",
        translation_views.translate_record,
        name="translate_record",
    ),
]
