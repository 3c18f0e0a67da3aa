"""Lessons on other pages: a network's latest lessons and its "Share an experience" link."""

from django import template
from django.urls import reverse

from network import permissions
from network.models.lessons import LessonLibraryPage, LessonPage

register = template.Library()
NETWORK_LESSONS = 3


@register.inclusion_tag("network/lessons/_network_lessons.html", takes_context=True)
def network_lessons(context, network, limit=NETWORK_LESSONS):
    """The network's latest published lessons; the caller shows it only to readers."""
    request = context.get("request")
    user = request.user
    lessons = list(
        LessonPage.objects.live().public().child_of(network).for_listing().newest()[: int(limit)]
    )
    library = LessonLibraryPage.objects.live().first() if lessons else None
    library_url = f"{library.get_url(request)}?network={network.slug}" if library else ""
    return {
        "request": request,
        "network": network,
        "lessons": lessons,
        "library_url": library_url,
        "feed_url": (
            reverse("lessons:network_feed", kwargs={"slug": network.slug})
            if not network.is_members_only
            else ""
        ),
        "share_url": (
            reverse("lessons:experience_share", kwargs={"slug": network.slug})
            if permissions.can_share_experience(user, network)
            else ""
        ),
    }
