"""Atom feed of a network's new threads. Public networks only: a feed reader never signs in."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from discussions import permissions
from discussions.models import Thread
from network.models import LearningNetworkPage
from network.rendering import clean_text

FEED_LENGTH = 30


def _xml(text):
    """XML 1.0 carries no control characters (services strip them; older rows may not)."""
    return clean_text(text)


class NetworkThreadsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, network_slug):
        network = (
            LearningNetworkPage.objects.live()
            .defer_streamfields()
            .filter(slug=network_slug)
            .first()
        )
        # Judged as a visitor, whoever asks: a members-only network has no feed.
        if network is None or not permissions.can_view_network(AnonymousUser(), network):
            raise Http404
        self.request = request
        return network

    def title(self, network):
        return _xml(_("New threads in %(network)s") % {"network": network.title})

    def subtitle(self, network):
        return _xml(network.intro)

    def link(self, network):
        return reverse("discussions:thread_list", kwargs={"network_slug": network.slug})

    def items(self, network):
        threads = (
            Thread.objects.in_network(network)
            .visible_to(AnonymousUser())
            .select_related("author")
            .defer("body", "author__password")
            .latest_first()[:FEED_LENGTH]
        )
        for thread in threads:
            thread.network = network
        return threads

    def item_title(self, thread):
        return _xml(thread.title)

    def item_description(self, thread):
        # Sanitized at save time; the feed escapes it again as Atom content.
        return _xml(thread.body_html)

    def item_link(self, thread):
        return thread.get_absolute_url()

    def item_author_name(self, thread):
        return _xml(thread.author.get_full_name()) if thread.author else ""

    def item_pubdate(self, thread):
        return thread.created_at

    def item_updateddate(self, thread):
        return thread.edited_at or thread.created_at

    def item_categories(self, thread):
        return []
