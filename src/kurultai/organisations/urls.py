from django.urls import path

from kurultai.organisations import views
from kurultai.organisations.feeds import OrganisationsFeed, PartnerRequestsFeed

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/feed.atom", OrganisationsFeed(), name="feed"),
    path("organisations/new/", views.edit, name="create"),
    path("organisations/propose/", views.propose, name="propose"),
    path("organisations/proposals/", views.proposals, name="proposals"),
    path("organisations/<slug:slug>/", views.detail, name="detail"),
    path("organisations/<slug:slug>/edit/", views.edit, name="edit"),
    path("organisations/<slug:slug>/join/", views.join, name="join"),
    path("organisations/<slug:slug>/members/", views.members, name="members"),
    path("organisations/<slug:slug>/verify/", views.verify, name="verify"),
    path("organisations/<slug:slug>/partners/new/", views.new_partner_request, name="new_partner_request"),
    path("networks/<slug:slug>/", views.network, name="network"),
    path("partners/", views.partner_requests, name="partner_requests"),
    path("partners/feed.atom", PartnerRequestsFeed(), name="partner_feed"),
    path("partners/<int:pk>/", views.partner_request, name="partner_request"),
    path("partners/<int:pk>/close/", views.close_partner_request, name="close_partner_request"),
]
