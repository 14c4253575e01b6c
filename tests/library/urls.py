"""The site's URLs with the OAI-PMH endpoint at /oai, as the root URL configuration mounts it."""

from django.urls import path

from kurultai.library import views
from kurultai.urls import urlpatterns as site_patterns

urlpatterns = [path("oai", views.oai, name="oai"), *site_patterns]
