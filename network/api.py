"""The Wagtail API v2 (``/api/v2/pages/``), filtered by network membership.

Wagtail's own endpoint knows only Wagtail's view restrictions; this one also leaves out
every page inside a network the requester may not view (``visible_pages_q``), for the
listing, the detail, ``child_of`` / ``descendant_of`` and ``find`` alike. Only session
authentication: the API is read-only and must not offer a password check that would
bypass the sign-in rate limits.
"""

from rest_framework.authentication import SessionAuthentication
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from network.permissions import visible_pages_q


class NetworkAwarePagesAPIViewSet(PagesAPIViewSet):
    authentication_classes = [SessionAuthentication]
    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        return super().get_base_queryset().filter(visible_pages_q(self.request.user))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NetworkAwarePagesAPIViewSet)
