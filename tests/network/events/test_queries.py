"""Pinned query counts: the same for 3 and for 500 registrants, and for few or many events."""

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from network.events import services
from network.models.events import Registration, RegistrationStatus

# Exact counts (asserted for both sizes) and the ceiling they must stay under.
EVENT_PAGE_ANONYMOUS = 13
EVENT_PAGE_MEMBER = 19
EVENT_PAGE_ORGANISER = 18
LISTING_ANONYMOUS = 12
LISTING_MEMBER = 18
REGISTRANTS = 11
CEILING = 25


def add_registrants(event, count, start=0):
    password = make_password(None)
    users = User.objects.bulk_create(
        User(
            username=f"bulk{start + i}",
            email=f"bulk{start + i}@example.org",
            display_name=f"Bulk {start + i}",
            password=password,
        )
        for i in range(count)
    )
    Registration.objects.bulk_create(
        Registration(event=event, user=u, status=RegistrationStatus.REGISTERED) for u in users
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def sized_events(world, event_factory, editor):
    """``grow()`` takes each event from 3 registrants to 500 (and adds more events)."""
    events = [
        event_factory(capacity=600, title="Site-wide webinar"),
        event_factory(parent=world.public, capacity=600, title="Network webinar"),
        event_factory(parent=world.private, title="Private session"),
    ]
    for event in events:
        add_registrants(event, 3, start=event.pk * 1000)
    services.register(event=events[0], user=world.member)

    def grow():
        for event in events:
            add_registrants(event, 497, start=event.pk * 1000 + 3)
        for n in range(12):
            extra = event_factory(capacity=10, title=f"Extra event {n}")
            add_registrants(extra, 5, start=extra.pk * 1000)

    return events, grow


def test_event_page_and_listing_queries_do_not_grow_with_registrants(
    client, world, editor, sized_events, event_index
):
    events, grow = sized_events
    site_wide = events[0]
    world.member.time_zone = "America/Santiago"
    world.member.save()
    cases = [
        ("anonymous", None, site_wide.url),
        ("member", world.member, site_wide.url),
        ("organiser", editor, site_wide.url),
        ("listing anonymous", None, event_index.url),
        ("listing member", world.member, event_index.url),
        ("registrants", editor, f"/events/{site_wide.pk}/registrants/"),
    ]
    before = {}
    for name, person, url in cases:
        client.logout()
        if person:
            client.force_login(person)
        count_queries(client, url)  # warm Wagtail's site cache
        before[name] = count_queries(client, url)
    grow()
    after = {}
    for name, person, url in cases:
        client.logout()
        if person:
            client.force_login(person)
        after[name] = count_queries(client, url)
    assert before == after
    assert before == {
        "anonymous": EVENT_PAGE_ANONYMOUS,
        "member": EVENT_PAGE_MEMBER,
        "organiser": EVENT_PAGE_ORGANISER,
        "listing anonymous": LISTING_ANONYMOUS,
        "listing member": LISTING_MEMBER,
        "registrants": REGISTRANTS,
    }
    assert max(before.values()) < CEILING
