from django.urls import path

from kurultai.notifications.telegram import views

app_name = "telegram"

urlpatterns = [
    path("account/telegram/link/", views.link, name="link"),
    path("account/telegram/unlink/", views.unlink, name="unlink"),
    path("telegram/posts/", views.channel_posts, name="channel_posts"),
    path("telegram/posts/<int:pk>/approve/", views.decide_post, {"decision": "approve"}, name="approve_post"),
    path("telegram/posts/<int:pk>/reject/", views.decide_post, {"decision": "reject"}, name="reject_post"),
]
