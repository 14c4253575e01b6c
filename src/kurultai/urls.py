"""URL map: every page under a language prefix (/en/, /ru/ …); the admin under /admin/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from kurultai.forums import views as forum_views

admin.site.site_header = _("Kurultai administration")
admin.site.site_title = _("Kurultai")

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", forum_views.home, name="home"),
    path("", include("kurultai.forums.urls")),
    prefix_default_language=True,
)
