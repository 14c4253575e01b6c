from django.urls import path

from kurultai.forums import views

app_name = "forums"

urlpatterns = [
    path("forums/", views.forum_list, name="forum_list"),
    path("forums/<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("forums/<slug:slug>/sessions/<int:number>/", views.session_detail, name="session_detail"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation_detail"),
]
