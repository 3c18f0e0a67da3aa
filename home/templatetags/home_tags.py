from django import template
from django.conf import settings as django_settings

from home.navigation import navigation, visible_links

register = template.Library()


def _navigation(context):
    request = context.get("request")
    return navigation(request) if request is not None else None


@register.simple_tag(takes_context=True)
def site_name(context):
    data = _navigation(context)
    return data["site_name"] if data else django_settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("components/_primary_navigation.html", takes_context=True)
def primary_navigation(context):
    data = _navigation(context)
    request = context.get("request")
    return {
        "links": visible_links(data["primary_links"], request.user) if data else [],
        "current_path": request.path if request else "",
    }


@register.inclusion_tag("components/_footer.html", takes_context=True)
def site_footer(context):
    data = _navigation(context)
    request = context.get("request")
    return {
        "links": visible_links(data["footer_links"], request.user) if data else [],
        "footer_text": data["footer_text"] if data else "",
        "contact_email": data["contact_email"] if data else "",
    }
