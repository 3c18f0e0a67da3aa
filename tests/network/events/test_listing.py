"""The events listing: upcoming and past, filters, per network, and "my events"."""

import datetime

import pytest
from django.urls import reverse

from network.events import services
from network.models.events import EventFormat


@pytest.fixture
def programme(world, event_factory, charter_principles):
    open_by_default = charter_principles[0]
    events = {
        "webinar": event_factory(title="Spanish webinar", language="es"),
        "workshop": event_factory(
            title="Madrid workshop", format=EventFormat.IN_PERSON, place_name="Room 3"
        ),
        "network": event_factory(parent=world.public, title="Network round table"),
        "past": event_factory(
            title="Last year exchange",
            start_date=datetime.date.today() - datetime.timedelta(days=40),
        ),
    }
    events["webinar"].principles.add(open_by_default)
    events["webinar"].save()
    return events, open_by_default


TITLES = ("Spanish webinar", "Madrid workshop", "Network round table", "Last year exchange")


def titles(response):
    html = response.content.decode()
    return {title for title in TITLES if title in html}


def test_upcoming_by_default_and_past_on_request(client, programme, event_index):
    assert titles(client.get(event_index.url)) == {
        "Spanish webinar",
        "Madrid workshop",
        "Network round table",
    }
    assert titles(client.get(event_index.url + "?when=past")) == {"Last year exchange"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("format=in_person", {"Madrid workshop"}),
        ("language=es", {"Spanish webinar"}),
        ("network=open-contracting", {"Network round table"}),
        ("network=site", {"Spanish webinar", "Madrid workshop"}),
        ("principle=open-by-default", {"Spanish webinar"}),
    ],
)
def test_filters(client, programme, event_index, query, expected):
    assert titles(client.get(f"{event_index.url}?{query}")) == expected


def test_an_unknown_filter_value_is_reported_next_to_the_field(client, programme, event_index):
    response = client.get(event_index.url + "?format=teleport")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html
    assert "Madrid workshop" in html  # the other filters still apply


def test_a_members_only_network_cannot_be_guessed_through_the_filter(
    client, world, event_factory, event_index
):
    event_factory(parent=world.private, title="Private session")
    html = client.get(event_index.url + f"?network={world.private.slug}").content.decode()
    assert "Private session" not in html
    assert "Select a valid choice" in html


def test_the_network_page_links_its_events(client, world, programme):
    html = client.get(world.public.url).content.decode()
    assert "Network round table" in html
    assert reverse("events:network_feed", args=[world.public.slug]) in html


def test_my_events_lists_my_registrations_upcoming_and_past(client, world, programme):
    events, _principle = programme
    services.register(event=events["webinar"], user=world.member)
    client.force_login(world.member)
    html = client.get(reverse("events:my_events")).content.decode()
    assert "Spanish webinar" in html
    assert "Madrid workshop" not in html
    assert "You are registered" in html
