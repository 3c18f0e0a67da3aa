"""Atom feed of new resources in the resource centre (site-wide pages: public)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from network import permissions
from network.models.resources import ResourceIndexPage, ResourcePage
from network.rendering import clean_text

FEED_LENGTH = 30


class ResourcesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        self.request = request
        return ResourceIndexPage.objects.live().first()

    def title(self, index):
        return clean_text(index.title if index else _("Resources"))

    def subtitle(self, index):
        return clean_text(index.intro if index else "") or _("New resources")

    def link(self, index):
        return index.get_url(request=self.request) if index else "/"

    def items(self, index):
        # Judged as a visitor, whoever asks: a feed reader never signs in.
        return (
            ResourcePage.objects.live()
            .public()
            .filter(permissions.visible_pages_q(AnonymousUser()))
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, resource):
        return clean_text(resource.title)

    def item_description(self, resource):
        # Atom's summary is HTML: the plain-text description is escaped to stay text.
        return escape(clean_text(resource.description))

    def item_link(self, resource):
        return resource.get_url(request=self.request)

    def item_author_name(self, resource):
        return clean_text(resource.publisher) or None

    def item_pubdate(self, resource):
        return resource.first_published_at

    def item_updateddate(self, resource):
        return resource.last_published_at or resource.first_published_at

    def item_categories(self, resource):
        return [resource.get_resource_type_display()]
