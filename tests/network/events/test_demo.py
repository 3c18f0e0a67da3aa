"""The demo events: six of them, every format, past and upcoming, one full, one private."""

import io

from network.models.events import EventFormat, EventIndexPage, EventPage, Registration


def test_demo_events_are_created_once(home_page):
    from accounts.demo import seed as seed_people
    from network.demo import seed as seed_networks
    from network.events.demo import seed

    seed_people(io.StringIO())
    seed_networks(io.StringIO())
    seed(io.StringIO())
    counts = (EventPage.objects.count(), Registration.objects.count())
    seed(io.StringIO())  # again: nothing new
    assert counts == (EventPage.objects.count(), Registration.objects.count())

    index = EventIndexPage.objects.get()
    assert index.show_in_menus and index.get_parent().pk == home_page.pk
    events = list(EventPage.objects.live())
    assert len(events) == 6
    assert {event.format for event in events} == set(EventFormat.values)
    past = [event for event in events if event.is_past]
    assert len(past) == 2 and all(event.summary for event in past)
    assert any(event.slides for event in past) and any(event.recording_url for event in past)
    full = [
        event
        for event in events
        if event.capacity and event.registrations.registered().count() >= event.capacity
    ]
    assert len(full) == 1 and full[0].registrations.waiting().exists()
    assert sum(1 for event in events if event.network and event.network.is_members_only) == 1
