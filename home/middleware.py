"""Find the request's Wagtail Site from the cache instead of the database.

Wagtail looks the Site up (one query) on every request that builds a page URL or serves
a page, and keeps it on the request as ``request._wagtail_site``. This middleware fills
that attribute from the cache, keyed by host and port, and is invalidated with the
navigation (``home.navigation.invalidate``, on any Site save or delete).
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from home.navigation import cache_version, shared

NO_SITE = "none"


def _key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    return f"home:site:{cache_version(request)}:{hostname}:{request.get_port()}"


def cached_site(get_response):
    def middleware(request):
        site = shared(_key(request), lambda: Site.find_for_request(request) or NO_SITE)
        request._wagtail_site = None if site == NO_SITE else site
        return get_response(request)

    return middleware
