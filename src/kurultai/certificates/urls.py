from django.urls import path, re_path

from kurultai.certificates import views
from kurultai.certificates.models import CODE_PATTERN

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.lookup, name="lookup"),
    path("certificates/mine/", views.mine, name="mine"),
    re_path(rf"^certificates/(?P<code>{CODE_PATTERN})/$", views.verify, name="verify"),
    re_path(rf"^certificates/(?P<code>{CODE_PATTERN})/certificate\.pdf$", views.pdf, name="pdf"),
    re_path(rf"^certificates/(?P<code>{CODE_PATTERN})/name/$", views.rename, name="rename"),
]
