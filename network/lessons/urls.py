from django.urls import path

from network.lessons import feeds, views

app_name = "lessons"

urlpatterns = [
    path("networks/<slug:slug>/share/", views.experience_share, name="experience_share"),
    path("networks/<slug:slug>/lessons/feed/", feeds.NetworkLessonsFeed(), name="network_feed"),
    path("lessons/feed/", feeds.LessonsFeed(), name="lesson_feed"),
    path("my/contributions/", views.contribution_list, name="contribution_list"),
    path("my/contributions/<int:pk>/", views.contribution_edit, name="contribution_edit"),
]
