from django.urls import path

from discussions.moderation import views

app_name = "moderation"

THREAD = "networks/<slug:network_slug>/threads/<int:pk>/"

urlpatterns = [
    path("posts/<int:pk>/flag/", views.post_flag, name="post_flag"),
    path("posts/<int:pk>/hide/", views.post_hide, name="post_hide"),
    path("posts/<int:pk>/restore/", views.post_restore, name="post_restore"),
    path(f"{THREAD}flag/", views.thread_flag, name="thread_flag"),
    path(f"{THREAD}move/", views.thread_move, name="thread_move"),
    *(
        path(
            f"{THREAD}{action}/", views.thread_action, {"action": action}, name=f"thread_{action}"
        )
        for action in views.THREAD_ACTIONS
    ),
    path(
        "networks/<slug:network_slug>/threads/flags/",
        views.network_flags,
        name="network_flag_list",
    ),
]
