from django.urls import path

from kurultai.dialogue import views
from kurultai.dialogue.feeds import ConsultationsFeed, ContributionsFeed

app_name = "dialogue"

urlpatterns = [
    path("consultations/", views.consultations, name="consultations"),
    path("consultations/feed.atom", ConsultationsFeed(), name="consultations_feed"),
    path("consultations/new/", views.new_consultation, name="new_consultation"),
    path("consultations/documents/<int:pk>/", views.document, name="document"),
    path("consultations/contributions/<int:pk>/endorse/", views.endorse, name="endorse"),
    path("consultations/<slug:slug>/", views.consultation, name="consultation"),
    path("consultations/<slug:slug>/feed.atom", ContributionsFeed(), name="contributions_feed"),
    path("consultations/<slug:slug>/phase/", views.change_phase, name="phase"),
    path("consultations/<slug:slug>/report/", views.publish_report, name="report"),
    path("consultations/<slug:slug>/report/file/", views.report_file, name="report_file"),
    path("consultations/<slug:slug>/documents/", views.add_document, name="add_document"),
    path("positions/", views.positions, name="positions"),
    path("positions/new/", views.new_position, name="new_position"),
    path("positions/<slug:slug>/", views.position, name="position"),
    path("positions/<slug:slug>/edit/", views.edit_position, name="edit_position"),
    path("positions/<slug:slug>/versions/<int:number>/", views.position_diff, name="position_diff"),
    path("positions/<slug:slug>/open/", views.position_action, {"action": "open"}, name="open_position"),
    path("positions/<slug:slug>/sign/", views.position_action, {"action": "sign"}, name="sign_position"),
    path("positions/<slug:slug>/submit/", views.position_action, {"action": "submit"}, name="submit_position"),
    path("positions/<slug:slug>/position.docx", views.position_export, {"fmt": "docx"}, name="position_docx"),
    path("positions/<slug:slug>/position.pdf", views.position_export, {"fmt": "pdf"}, name="position_pdf"),
]
