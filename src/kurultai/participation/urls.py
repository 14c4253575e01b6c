from django.urls import path

from kurultai.participation import views

app_name = "participation"

urlpatterns = [
    path("forums/<slug:slug>/call/", views.call_page, name="call"),
    path("forums/<slug:slug>/register/", views.register, name="register"),
    path("forums/<slug:slug>/registration/", views.mine, name="mine"),
    path("forums/<slug:slug>/registration/cancel/", views.cancel, name="cancel"),
    path("forums/<slug:slug>/registration/format/", views.change_format, name="change_format"),
    path("forums/<slug:slug>/registration/travel/", views.travel, name="travel"),
    path("forums/<slug:slug>/registration/certificate/", views.certificate, name="certificate"),
    path("forums/<slug:slug>/registration/badge.pdf", views.badge_pdf, name="badge"),
    path("forums/<slug:slug>/registration/letter.pdf", views.letter_pdf, name="letter"),
    path("forums/<slug:slug>/my-sessions/", views.agenda, name="agenda"),
    path("forums/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("forums/<slug:slug>/participants/call/", views.call_edit, name="call_edit"),
    path("forums/<slug:slug>/participants/", views.manage, name="manage"),
    path("forums/<slug:slug>/participants/questions/", views.questions, name="questions"),
    path("forums/<slug:slug>/participants/questions/<int:pk>/delete/", views.question_delete, name="question_delete"),
    path("forums/<slug:slug>/participants/<int:pk>/", views.registration_detail, name="registration"),
    path("forums/<slug:slug>/participants/<int:pk>/letter.pdf", views.registration_letter, name="registration_letter"),
    path("forums/<slug:slug>/participants/badges.pdf", views.badges, name="badges"),
    path("forums/<slug:slug>/participants/certificates/", views.issue_certificates, name="issue_certificates"),
    path("forums/<slug:slug>/participants/statistics/", views.statistics, name="statistics"),
    path("forums/<slug:slug>/participants/statistics.csv", views.statistics_csv, name="statistics_csv"),
    path("forums/<slug:slug>/participants/feedback/", views.feedback_results, name="feedback_results"),
    path("forums/<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("forums/<slug:slug>/check-in/list.json", views.check_in_list, name="check_in_list"),
    path("forums/<slug:slug>/check-in/sync/", views.check_in_sync, name="check_in_sync"),
]
