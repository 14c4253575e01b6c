from django.urls import path, re_path

from kurultai.accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.profile, name="profile"),
    path("account/consent/", views.consent, name="consent"),
    path("account/data/", views.download_data, name="download_data"),
    path("account/data/<int:pk>/", views.download_export, name="download_export"),
    path("account/delete/", views.delete_account, name="delete"),
    re_path(r"^legal/(?P<kind>terms|privacy)/$", views.legal_document, name="legal"),
]
