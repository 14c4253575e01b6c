from django.urls import path

from kurultai.notifications import views

app_name = "notifications"

urlpatterns = [
    path("follow/", views.toggle_follow, name="follow"),
    path("account/notifications/", views.following, name="following"),
    path("account/notifications/new/", views.new_stream, name="new_stream"),
    path("account/notifications/<int:pk>/", views.change, name="change"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
