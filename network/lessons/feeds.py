"""Atom feeds of published lessons: site-wide and per public network.

A feed reader never signs in: both feeds are judged as a visitor, so a members-only
network has no feed and its lessons are never in the site-wide one.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from network import permissions
from network.models import LearningNetworkPage
from network.models.lessons import LessonLibraryPage, LessonPage
from network.rendering import clean_text

FEED_LENGTH = 30


class LessonsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self, obj):
        return _("Lessons learned")

    def subtitle(self, obj):
        return _("Lessons published in the public learning networks.")

    def link(self, obj):
        library = LessonLibraryPage.objects.live().first()
        return library.get_url(self.request) if library else "/"

    def feed_url(self, obj):
        return reverse("lessons:lesson_feed")

    def lessons(self, obj):
        return LessonPage.objects.live().public().visible_to(AnonymousUser())

    def items(self, obj):
        return list(self.lessons(obj).for_listing().newest()[:FEED_LENGTH])

    def item_title(self, lesson):
        return clean_text(lesson.title)

    def item_description(self, lesson):
        # Atom readers treat a summary as HTML: the plain-text summary is escaped.
        return escape(clean_text(lesson.summary))

    def item_link(self, lesson):
        return lesson.get_url(self.request)

    def item_guid(self, lesson):
        return self.request.build_absolute_uri(lesson.get_url(self.request))

    def item_author_name(self, lesson):
        names = [author.get_full_name() for author in lesson.authors]
        return clean_text(", ".join(names)) or settings.WAGTAIL_SITE_NAME

    def item_pubdate(self, lesson):
        return lesson.first_published_at

    def item_updateddate(self, lesson):
        return lesson.last_published_at or lesson.first_published_at

    def item_categories(self, lesson):
        return [principle.name for principle in lesson.principles.all()]


class NetworkLessonsFeed(LessonsFeed):
    def get_object(self, request, slug):
        network = LearningNetworkPage.objects.live().defer_streamfields().filter(slug=slug).first()
        if network is None or not permissions.can_view(AnonymousUser(), network):
            raise Http404
        self.request = request
        return network

    def title(self, network):
        return clean_text(_("Lessons learned in %(network)s") % {"network": network.title})

    def subtitle(self, network):
        return clean_text(network.intro)

    def link(self, network):
        return network.get_url(self.request)

    def feed_url(self, network):
        return reverse("lessons:network_feed", kwargs={"slug": network.slug})

    def lessons(self, network):
        return super().lessons(network).child_of(network)
