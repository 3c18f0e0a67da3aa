"""The header menu, footer and site name, resolved once and kept in the cache.

Resolving the navigation setting's StreamField (its page links, their URLs) costs a few
queries and several milliseconds; every page shows it. So the resolved links are cached
per host name and rebuilt when an editor saves the setting or publishes, unpublishes,
moves or deletes a page (``home.signals``). A link into a members-only network is kept
with that network's path and shown only to people who may see it.
"""

from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from network.permissions import can_view_page, in_members_only_network

TIMEOUT = 60 * 60
VERSION_KEY = "home:navigation:version"


def cache_version():
    """The current generation of the navigation and site caches (bumped to forget them)."""
    return cache.get_or_set(VERSION_KEY, 1, None)


def _key(request):
    return f"home:navigation:{cache_version()}:{request.get_host()}"


def invalidate():
    """Forget every cached navigation (any host); the next page view rebuilds it."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _resolve(stream, members_only):
    links = []
    for block in stream:
        value = block.value
        page = value.get("page")
        if page is not None and not page.live:
            continue  # an editor unpublished the page: drop the link, not a 404
        url = page.url if page else value.get("url")
        if not url:
            continue
        restricted = page is not None and in_members_only_network(page, members_only)
        links.append(
            {"label": value["label"], "url": url, "path": page.path if restricted else ""}
        )
    return links


def _build(request):
    from home.models import NavigationSettings

    site = Site.find_for_request(request)
    data = {
        "site_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME,
        "primary_links": [],
        "footer_links": [],
        "footer_text": "",
        "contact_email": "",
    }
    # Read, never create, the setting's row: a page view writes nothing.
    navigation = NavigationSettings.objects.filter(site=site).first() if site else None
    if navigation is None:
        return data
    members_only = SimpleNamespace()  # caches the members-only paths for both streams
    data.update(
        primary_links=_resolve(navigation.primary_links, members_only),
        footer_links=_resolve(navigation.footer_links, members_only),
        # Rich text from the admin (sanitized on save), with its page links expanded.
        footer_text=mark_safe(expand_db_html(navigation.footer_text)),  # noqa: S308
        contact_email=navigation.contact_email,
    )
    return data


def navigation(request):
    """The cached navigation of the request's site (built once per request at most)."""
    data = getattr(request, "_navigation", None)
    if data is None:
        key = _key(request)
        data = cache.get(key)
        if data is None:
            data = _build(request)
            cache.set(key, data, TIMEOUT)
        request._navigation = data
    return data


def visible_links(links, user):
    """The links this person may follow (links into members-only networks checked)."""
    return [
        link
        for link in links
        if not link["path"] or can_view_page(user, SimpleNamespace(path=link["path"]))
    ]
