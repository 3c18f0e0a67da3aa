from django.urls import path

from network.resources.feeds import ResourcesFeed

app_name = "resources"

urlpatterns = [
    path("resources/feed/", ResourcesFeed(), name="resource_feed"),
]
