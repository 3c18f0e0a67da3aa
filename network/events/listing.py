"""The events listing (the events index page, filtered): reads only what a person may see.

Each card needs its network, its times and the person's own registration: fetched in
bulk for the page, so the number of queries does not grow with the number of events or
registrants.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.http import urlencode

from network import permissions
from network.events.forms import EventFilterForm
from network.events.times import event_times
from network.models.events import EVENTS_PER_PAGE, EventIndexPage, EventPage, Registration
from network.models.pages import LearningNetworkPage
from network.models.taxonomy import CharterPrinciple

STEPLEN = EventPage.steplen


def visible_events(user):
    return EventPage.objects.live().visible_to(user)


def networks_of(events):
    """``{event path prefix: network}`` for these events' parent networks: one query."""
    parents = {event.path[:-STEPLEN] for event in events}
    if not parents:
        return {}
    networks = LearningNetworkPage.objects.filter(path__in=parents).only(
        "pk", "title", "slug", "path", "url_path", "visibility"
    )
    return {network.path: network for network in networks}


def decorate(events, request, network=None):
    """Give each event what its card shows: network, times, the person's registration.

    ``network``: all the events are in this one (no need to look their networks up).
    """
    user = request.user
    events = list(events)
    networks = {network.path: network} if network is not None else networks_of(events)
    registrations = {}
    if user.is_authenticated and events:
        registrations = {
            r.event_id: r
            for r in Registration.objects.for_user(user)
            .active()
            .filter(event_id__in=[event.pk for event in events])
        }
    for event in events:
        event.card_network = networks.get(event.path[:-STEPLEN])
        event.card_times, event.card_viewer_times = event_times(event, user)
        event.card_registration = registrations.get(event.pk)
        if event.capacity is not None:
            event.card_seats_left = max(0, event.capacity - event.registered_total)
    return events


def filter_choices(user):
    networks = (
        LearningNetworkPage.objects.live()
        .filter(permissions.visible_networks_q(user))
        .only("pk", "title", "slug", "path")
        .order_by("title")
    )
    languages = sorted(
        set(visible_events(user).order_by().values_list("language", flat=True).distinct())
    )
    names = dict(EventPage._meta.get_field("language").choices)
    return {
        "networks": list(networks),
        "principles": list(CharterPrinciple.objects.all()),
        "languages": [(code, names.get(code, code)) for code in languages],
    }


def listing_context(request, *, base_query=None):
    user = request.user
    choices = filter_choices(user)
    form = EventFilterForm(request.GET or None, **choices)
    events = visible_events(user)
    when = form.value("when") or "upcoming"
    events = events.past() if when == "past" else events.upcoming()

    if fmt := form.value("format"):
        events = events.filter(format=fmt)
    network_slug = form.value("network")
    if network_slug == "site":
        events = events.filter(_site_wide_q())
    elif network_slug:
        network = next((n for n in choices["networks"] if n.slug == network_slug), None)
        events = events.in_network(network) if network else events.none()
    if principle := form.value("principle"):
        events = events.filter(principles__slug=principle)
    if language := form.value("language"):
        events = events.filter(language=language)

    page_obj = Paginator(events.for_listing(), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = {
        name: form.value(name)
        for name in ("when", "format", "network", "principle", "language")
        if form.value(name) and not (name == "when" and form.value(name) == "upcoming")
    }
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "events": decorate(page_obj.object_list, request),
        "when": when,
        "query": urlencode(query),
        "filtered": bool(query),
    }


def _site_wide_q():
    """Events under the events index (site-wide), not under a network."""
    q = Q(pk__in=[])
    for path in EventIndexPage.objects.values_list("path", flat=True):
        q |= Q(path__startswith=path)
    return q


def upcoming_in_network(network, request, limit=3):
    """The next few events of one network (for its page), for a person who may view it."""
    events = visible_events(request.user).in_network(network).upcoming().for_listing()[:limit]
    return decorate(events, request, network=network)
