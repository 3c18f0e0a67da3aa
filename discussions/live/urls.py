from django.urls import path

from discussions.live import ask_views, views

app_name = "live"

LIVE = "networks/<slug:network_slug>/live/"

urlpatterns = [
    path("live/", views.upcoming, name="upcoming"),
    path(f"{LIVE}new/", views.schedule, name="schedule"),
    path(f"{LIVE}<int:pk>/", views.session_detail, name="session"),
    path(f"{LIVE}<int:pk>/poll/", views.session_poll, name="poll"),
    path(f"{LIVE}<int:pk>/ask/", views.ask, name="ask"),
    path(f"{LIVE}<int:pk>/conclusion/", views.conclusion, name="conclusion"),
    path(f"{LIVE}<int:pk>/lesson/", views.turn_into_lesson, name="lesson"),
    path("live/questions/<int:pk>/vote/", views.vote, name="vote"),
    path("live/questions/<int:pk>/answer/", views.answer, name="answer"),
    path("live/questions/<int:pk>/hide/", views.hide, name="hide"),
    path("ask-an-expert/", ask_views.ask_expert, name="ask_expert"),
]
