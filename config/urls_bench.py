"""The site's URLs plus the benchmark's "hello world" ceiling view (bench settings only)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def hello(request):
    return HttpResponse("Hello, world")


urlpatterns = [path("__bench__/hello/", hello), *site_urlpatterns]
