from django.urls import path

from discussions import feeds, views

app_name = "discussions"

THREADS = "networks/<slug:network_slug>/threads/"

urlpatterns = [
    path(THREADS, views.thread_list, name="thread_list"),
    path(f"{THREADS}new/", views.thread_create, name="thread_create"),
    path(f"{THREADS}feed/", feeds.NetworkThreadsFeed(), name="thread_feed"),
    path(f"{THREADS}follow/", views.network_follow, name="network_follow"),
    path(f"{THREADS}<int:pk>/", views.thread_detail, name="thread_detail"),
    path(f"{THREADS}<int:pk>-<slug:slug>/", views.thread_detail, name="thread_detail_slug"),
    path(f"{THREADS}<int:pk>/edit/", views.thread_edit, name="thread_edit"),
    path(f"{THREADS}<int:pk>/reply/", views.thread_reply, name="thread_reply"),
    path(f"{THREADS}<int:pk>/follow/", views.thread_follow, name="thread_follow"),
    path("posts/<int:pk>/", views.post_permalink, name="post_permalink"),
    path("posts/<int:pk>/reply/", views.post_reply, name="post_reply"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/helpful/", views.post_helpful, name="post_helpful"),
    path("posts/<int:pk>/accept/", views.post_accept, name="post_accept"),
]
