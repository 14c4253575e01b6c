from django.urls import path

from kurultai.learning import cohort_views, manage_views, views

app_name = "learning"

urlpatterns = [
    path("learning/", views.course_list, name="list"),
    path("learning/sw.js", views.service_worker, name="sw"),
    path("learning/offline/", views.offline_page, name="offline"),
    path("learning/mine/", views.my_learning, name="mine"),
    path("learning/new/", manage_views.course_new, name="course_new"),
    path("learning/quizzes/<int:pk>/answers/", views.quiz_submit, name="quiz_submit"),
    path("learning/attempts/<str:key>/", views.attempt_detail, name="attempt"),
    path("learning/cohorts/<int:pk>/", cohort_views.cohort_detail, name="cohort"),
    path("learning/cohorts/<int:pk>/edit/", cohort_views.cohort_edit, name="cohort_edit"),
    path("learning/cohorts/<int:pk>/enrol/", cohort_views.enrol, name="enrol"),
    path("learning/cohorts/<int:pk>/announce/", cohort_views.announce, name="announce"),
    path("learning/cohorts/<int:pk>/invite/", cohort_views.invite, name="invite"),
    path("learning/cohorts/<int:pk>/report/", cohort_views.report, name="report"),
    path("learning/cohorts/<int:pk>/report.csv", cohort_views.report_csv, name="report_csv"),
    path("learning/cohorts/<int:pk>/remind/", cohort_views.remind, name="remind"),
    path("learning/<slug:slug>/", views.course_detail, name="course"),
    path("learning/<slug:slug>/certificate/", views.certificate, name="certificate"),
    path("learning/<slug:slug>/telegram/", views.telegram_start, name="telegram_start"),
    path("learning/<slug:slug>/modules/<int:pk>/", views.module_detail, name="module"),
    path("learning/<slug:slug>/modules/<int:pk>/offline.json", views.offline_manifest, name="manifest"),
    path("learning/<slug:slug>/modules/<int:pk>/module.zip", views.module_zip, name="module_zip"),
    path("learning/<slug:slug>/lessons/<int:pk>/", views.lesson_detail, name="lesson"),
    path("learning/<slug:slug>/lessons/<int:pk>/done/", views.lesson_done, name="lesson_done"),
    path("learning/<slug:slug>/lessons/<int:pk>/time/", views.lesson_time, name="lesson_time"),
    # authoring
    path("learning/<slug:slug>/edit/", manage_views.course_edit, name="course_edit"),
    path("learning/<slug:slug>/cohorts/new/", cohort_views.cohort_new, name="cohort_new"),
    path("learning/<slug:slug>/edit/modules/new/", manage_views.module_form, name="module_new"),
    path("learning/<slug:slug>/edit/modules/<int:pk>/", manage_views.module_form, name="module_edit"),
    path("learning/<slug:slug>/edit/modules/<int:module_pk>/lessons/new/", manage_views.lesson_form, name="lesson_new"),
    path("learning/<slug:slug>/edit/lessons/<int:pk>/", manage_views.lesson_form, name="lesson_edit"),
    path("learning/<slug:slug>/edit/lessons/<int:lesson_pk>/blocks/new/", manage_views.block_form, name="block_new"),
    path("learning/<slug:slug>/edit/blocks/<int:pk>/", manage_views.block_form, name="block_edit"),
    path("learning/<slug:slug>/edit/blocks/<int:pk>/delete/", manage_views.block_delete, name="block_delete"),
    path("learning/<slug:slug>/edit/questions/new/", manage_views.question_form, name="question_new"),
    path("learning/<slug:slug>/edit/questions/<int:pk>/", manage_views.question_form, name="question_edit"),
    path("learning/<slug:slug>/edit/quizzes/new/", manage_views.quiz_form, name="quiz_new"),
    path("learning/<slug:slug>/edit/quizzes/<int:pk>/", manage_views.quiz_form, name="quiz_edit"),
]
