from django import template
from django.conf import settings as django_settings
from wagtail.models import Site

from home.models import NavigationSettings

register = template.Library()


def _navigation(context):
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_navigation_settings"):
        request._navigation_settings = NavigationSettings.for_request(request)
    return request._navigation_settings


def _links(stream):
    """Resolve a stream of LinkBlocks to (label, url) pairs."""
    links = []
    for block in stream:
        value = block.value
        page = value.get("page")
        if page is not None and not page.live:
            continue  # an editor unpublished the page: drop the link, not a 404
        url = page.url if page else value.get("url")
        if url:
            links.append({"label": value["label"], "url": url})
    return links


@register.simple_tag(takes_context=True)
def site_name(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return (site and site.site_name) or django_settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("components/_primary_navigation.html", takes_context=True)
def primary_navigation(context):
    navigation = _navigation(context)
    request = context.get("request")
    return {
        "links": _links(navigation.primary_links) if navigation else [],
        "current_path": request.path if request else "",
    }


@register.inclusion_tag("components/_footer.html", takes_context=True)
def site_footer(context):
    navigation = _navigation(context)
    return {
        "links": _links(navigation.footer_links) if navigation else [],
        "footer_text": navigation.footer_text if navigation else "",
        "contact_email": navigation.contact_email if navigation else "",
    }
