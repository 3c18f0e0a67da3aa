"""The header menu, footer and site name, resolved once and kept in the cache.

Resolving the navigation setting's StreamField (its page links, their URLs) costs a few
queries and several milliseconds; every page shows it. So the resolved links are cached
per host name and rebuilt when an editor saves the setting or publishes, unpublishes,
moves or deletes a page (``home.signals``). A link into a members-only network is kept
with that network's path and shown only to people who may see it.
"""

import threading
import uuid
from collections import OrderedDict
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from network.permissions import can_view_page, in_members_only_network

TIMEOUT = 60 * 60
VERSION_KEY = "home:navigation:version"
#: This process's own copy of values already read from the shared cache. Their keys
#: carry the version, which changes on every invalidation, so a copy is never stale:
#: a page view then costs one shared-cache read (the version) instead of three. The
#: least recently used copy goes first when it is full, never one a request just made.
_LOCAL = OrderedDict()
_LOCAL_LIMIT = 64
_LOCAL_LOCK = threading.Lock()


def cache_version(request=None):
    """The current generation of the navigation and site caches (changed to forget them).

    A random token rather than a counter: were the shared cache emptied, a counter would
    start again at 1 and this process's copies of the old generation would come back.
    Read once per request when one is given.
    """
    version = getattr(request, "_navigation_version", None)
    if version is None:
        version = cache.get_or_set(VERSION_KEY, _new_version, None)
        if request is not None:
            request._navigation_version = version
    return version


def _new_version():
    return uuid.uuid4().hex


def _key(request):
    return f"home:navigation:{cache_version(request)}:{request.get_host()}"


def invalidate():
    """Forget every cached navigation (any host); the next page view rebuilds it."""
    cache.set(VERSION_KEY, _new_version(), None)


def shared(key, build):
    """The value cached under a versioned ``key``: this process's copy, else the shared
    cache's, else ``build()`` (then stored in both)."""
    with _LOCAL_LOCK:
        value = _LOCAL.get(key)
        if value is not None:
            _LOCAL.move_to_end(key)
            return value
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    with _LOCAL_LOCK:
        _LOCAL[key] = value
        while len(_LOCAL) > _LOCAL_LIMIT:
            _LOCAL.popitem(last=False)
    return value


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
        data = shared(_key(request), lambda: _build(request))
        request._navigation = data
    return data


def visible_links(links, user):
    """The links this person may follow (links into members-only networks checked)."""
    return [
        link
        for link in links
        if not link["path"] or can_view_page(user, SimpleNamespace(path=link["path"]))
    ]
