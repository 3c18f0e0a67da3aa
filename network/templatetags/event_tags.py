from django import template
from django.contrib.auth.models import AnonymousUser

from network import permissions
from network.events.listing import upcoming_in_network
from network.models.events import EventIndexPage

register = template.Library()


@register.inclusion_tag("network/events/_network_events.html", takes_context=True)
def network_events(context, network):
    """A network page's next events, with links to all of them and its calendar feed.

    Render it only for people who may view the network.
    """
    request = context["request"]
    index = EventIndexPage.objects.live().first()
    return {
        "network": network,
        "events": upcoming_in_network(network, request),
        "index_url": index.get_url(request) if index is not None else None,
        "public_feed": permissions.can_view(AnonymousUser(), network),
        "request": request,
    }
