"""Template tags for other apps' pages: a network's or a page's threads.

``network`` never imports discussions; its templates ``{% load discussions_tags %}`` and
call these, which filter through ``discussions.permissions`` like every other surface.
"""

from django import template
from django.urls import reverse

from discussions import permissions
from discussions.models import Thread
from network import permissions as network_permissions

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("discussions/_thread_summaries.html", takes_context=True)
def network_threads(context, network, limit=5):
    """The latest threads of a network (pinned first), for the network's own page."""
    user = _user(context)
    visible = user is not None and permissions.can_view_network(user, network)
    threads = []
    if visible:
        threads = list(
            Thread.objects.in_network(network)
            .visible_to(user)
            .for_listing()
            .pinned_first()[: int(limit)]
        )
        for thread in threads:
            thread.network = network
    return {
        "threads": threads,
        "visible": visible,
        "network": network,
        "list_url": reverse("discussions:thread_list", kwargs={"network_slug": network.slug}),
        "start_url": (
            reverse("discussions:thread_create", kwargs={"network_slug": network.slug})
            if visible and permissions.can_start_thread(user, network)
            else ""
        ),
        "heading_level": 2,
    }


@register.inclusion_tag("discussions/_thread_summaries.html", takes_context=True)
def page_discussion(context, page, limit=5, network=None):
    """Threads about one page (a lesson, an event ...) and a link to start one.

    A page inside a network is discussed there; a site-wide page (a resource) is
    discussed in the ``network`` its editors chose, if any.
    """
    user = _user(context)
    network = network_permissions.network_of_page(page) or network
    visible = (
        user is not None
        and network is not None
        and permissions.can_view_network(user, network)
        and network_permissions.can_view_page(user, page)
    )
    threads = []
    start_url = ""
    if visible:
        threads = list(
            Thread.objects.about_page(page)
            .in_network(network)
            .visible_to(user)
            .for_listing()
            .pinned_first()[: int(limit)]
        )
        for thread in threads:
            thread.network = network
        if permissions.can_start_thread(user, network):
            start_url = (
                reverse("discussions:thread_create", kwargs={"network_slug": network.slug})
                + f"?about={page.pk}"
            )
    return {
        "threads": threads,
        "visible": visible,
        "network": network,
        "page": page,
        "list_url": "",
        "start_url": start_url,
        "heading_level": 2,
    }
