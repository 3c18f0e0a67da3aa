from django.conf import settings
from django.urls import include, path
from django.views.decorators.csp import csp_override
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from home import views as home_views
from network import api as network_api

# Wagtail's admin writes inline scripts and styles: it alone gets the looser policy.
decorate_urlpatterns(wagtailadmin_urls.urlpatterns, csp_override(settings.ADMIN_CSP))

urlpatterns = [
    # One sign-in for everyone: the admin's own login form would bypass allauth's
    # rate limits, so its URL sends people to ours (keeping ?next=).
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Membership views and the network-aware pages API (before Wagtail's catch-all).
urlpatterns += [path("", include("network.urls")), path("api/v2/", network_api.api_router.urls)]

# Threads and replies (before Wagtail's catch-all).
urlpatterns += [path("", include("discussions.urls"))]

# Each area's own views (before Wagtail's catch-all), one namespace per area.
urlpatterns += [
    path("", include("network.lessons.urls")),
    path("", include("network.experts.urls")),
    path("", include("network.events.urls")),
    path("", include("network.reviews.urls")),
    path("", include("network.resources.urls")),
    path("", include("discussions.live.urls")),
    path("", include("discussions.moderation.urls")),
    path("", include("search.urls")),
]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
