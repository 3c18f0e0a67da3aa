from django import template

from network import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def network_permissions(context, network):
    """``{% network_permissions network as perms %}`` then ``perms.post``, ``perms.moderate``."""
    return permissions.permissions_for(context["request"].user, network)
