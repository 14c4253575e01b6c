"""URL map: every page under a language prefix (/en/, /ru/ …); the admin under /admin/."""

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from kurultai.api.urls import api
from kurultai.core import views as core_views
from kurultai.forums import views as forum_views
from kurultai.library import views as library_views
from kurultai.notifications.telegram import views as telegram_views

admin.site.site_header = _("Kurultai administration")
admin.site.site_title = _("Kurultai")
# The admin signs in through the same throttled, two-factor-aware login as everyone else.
admin.site.login = secure_admin_login(admin.site.login)

handler500 = "kurultai.core.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # OAI-PMH 2.0 for harvesters (one address, no language prefix; answers in XML).
    path("oai", library_views.oai, name="oai"),
    # Telegram posts bot updates here (checked against the webhook secret); no language prefix.
    path("telegram/webhook/", telegram_views.webhook, name="telegram_webhook"),
]

urlpatterns += i18n_patterns(
    path("", forum_views.home, name="home"),
    path("", include("kurultai.notifications.urls")),
    path("", include("kurultai.notifications.telegram.urls")),
    path("", include("kurultai.followup.urls")),
    path("", include("kurultai.transparency.urls")),
    path("", include("kurultai.forums.urls")),
    path("", include("kurultai.accounts.urls")),
    path("", include("kurultai.organisations.urls")),
    path("", include("kurultai.opportunities.urls")),
    path("", include("kurultai.certificates.urls")),
    path("", include("kurultai.participation.urls")),
    path("", include("kurultai.workinggroups.urls")),
    path("", include("kurultai.dialogue.urls")),
    path("", include("kurultai.knowledge.urls")),
    path("", include("kurultai.library.urls")),
    path("", include("kurultai.learning.urls")),
    path("search/", core_views.search, name="search"),
    path("", include("kurultai.core.urls")),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=True,
)
