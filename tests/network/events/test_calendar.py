"""iCalendar: downloads and feeds parse, carry the right UTC instants across daylight-saving
changes, and the private feed is a signed, revocable, personal URL."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from network.events import services
from network.models.events import EventFormat
from tests.factories import UserFactory

UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def entries(cal):
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


@pytest.mark.parametrize(
    ("zone", "day", "start", "expected_utc"),
    [
        # Santiago: UTC-3 in summer (until the first Sunday of April), UTC-4 after.
        ("America/Santiago", datetime.date(2027, 4, 3), datetime.time(10), (13, 0)),
        ("America/Santiago", datetime.date(2027, 4, 4), datetime.time(10), (14, 0)),
        # Madrid: UTC+1 in winter, UTC+2 from the last Sunday of March.
        ("Europe/Madrid", datetime.date(2027, 3, 27), datetime.time(10), (9, 0)),
        ("Europe/Madrid", datetime.date(2027, 3, 28), datetime.time(10), (8, 0)),
    ],
)
def test_ics_carries_utc_instants_from_the_named_zone_across_dst(
    client, event_factory, zone, day, start, expected_utc
):
    event = event_factory(
        time_zone=zone, start_date=day, start_time=start, end_time=datetime.time(11, 30)
    )
    cal = parse(client.get(reverse("events:event_ics", args=[event.pk])))
    (entry,) = cal.walk("VEVENT")
    dtstart, dtend = entry["dtstart"].dt, entry["dtend"].dt
    assert dtstart.utcoffset() == datetime.timedelta(0)
    assert (dtstart.hour, dtstart.minute) == expected_utc
    assert dtstart.date() == day
    assert dtend - dtstart == datetime.timedelta(hours=1, minutes=30)
    assert str(entry["url"]).endswith(event.url)
    assert "DTSTART:" in client.get(reverse("events:event_ics", args=[event.pk])).content.decode()
    assert event.online_link not in str(entry.get("description"))


def test_a_time_the_clocks_skip_is_refused_next_to_the_field(event_factory):
    event = event_factory(time_zone="Europe/Madrid")
    event.start_date = datetime.date(2027, 3, 28)
    event.start_time = datetime.time(2, 30)  # clocks jump from 02:00 to 03:00
    event.end_time = datetime.time(4, 0)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "start_time" in error.value.message_dict


def test_an_end_before_the_start_is_refused(event_factory):
    event = event_factory()
    event.end_time = datetime.time(14, 0)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end_time" in error.value.message_dict


def test_face_to_face_needs_a_place(event_factory):
    event = event_factory()
    event.format = EventFormat.IN_PERSON
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "place_name" in error.value.message_dict


def test_page_shows_the_event_zone_and_the_persons_zone(client, event_factory):
    event = event_factory(
        time_zone="Europe/Madrid",
        start_date=datetime.date(2027, 3, 28),
        start_time=datetime.time(10),
        end_time=datetime.time(11),
    )
    html = client.get(event.url).content.decode()
    assert "Sunday 28 March 2027, 10:00–11:00" in html
    assert "Europe/Madrid (CEST)" in html
    assert "For you" not in html
    client.force_login(UserFactory(time_zone="America/Santiago"))
    html = client.get(event.url).content.decode()
    assert "For you: Sunday 28 March 2027, 05:00–06:00" in html
    assert "America/Santiago (-03)" in html


@pytest.fixture
def feed_world(world, event_factory):
    person = world.member
    registered = event_factory(title="Registered site-wide webinar")
    other = event_factory(title="Site-wide event I skipped")
    private = event_factory(parent=world.private, title="Private network session")
    public = event_factory(parent=world.public, title="Public network webinar")
    services.register(event=registered, user=person)
    return person, registered, other, private, public


def private_feed_url(token):
    return reverse("events:private_feed", kwargs={"token": token})


def test_private_feed_has_my_events_with_links_and_my_private_networks_events(client, feed_world):
    person, registered, other, private, public = feed_world
    token = services.renew_calendar_token(user=person)
    found = entries(parse(client.get(private_feed_url(token))))  # no sign-in: a calendar app
    assert set(found) == {"Registered site-wide webinar", "Private network session"}
    assert registered.online_link in str(found["Registered site-wide webinar"]["description"])
    assert registered.online_link in str(found["Registered site-wide webinar"]["location"])
    assert private.online_link not in client.get(private_feed_url(token)).content.decode()
    assert other.online_link not in client.get(private_feed_url(token)).content.decode()


def test_a_renewed_token_revokes_the_old_feed_url(client, feed_world):
    person = feed_world[0]
    old = services.renew_calendar_token(user=person)
    assert client.get(private_feed_url(old)).status_code == 200
    new = services.renew_calendar_token(user=person)
    assert new != old
    assert client.get(private_feed_url(old)).status_code == 404
    assert client.get(private_feed_url(new)).status_code == 200


def test_tampered_or_foreign_tokens_open_nothing(client, feed_world):
    person = feed_world[0]
    token = services.renew_calendar_token(user=person)
    key, signature = token.split(":")
    assert client.get(private_feed_url(f"{key}x:{signature}")).status_code == 404
    assert client.get(private_feed_url(key)).status_code == 404
    person.is_active = False
    person.save()
    assert client.get(private_feed_url(token)).status_code == 404


def test_leaving_a_network_takes_its_events_out_of_the_private_feed(client, world, feed_world):
    from network.services import leave_network

    person = feed_world[0]
    token = services.renew_calendar_token(user=person)
    leave_network(network=world.private, user=person)
    found = entries(parse(client.get(private_feed_url(token))))
    assert "Private network session" not in found


def test_my_events_page_makes_and_renews_the_private_address(client, world, feed_world):
    person = feed_world[0]
    client.force_login(person)
    html = client.get(reverse("events:my_events")).content.decode()
    assert "Registered site-wide webinar" in html
    assert "Create my calendar address" in html
    client.post(reverse("events:calendar_token_renew"))
    html = client.get(reverse("events:my_events")).content.decode()
    token = services.calendar_feed_token(person)
    assert private_feed_url(token) in html
    response = client.post(reverse("events:calendar_token_renew"), follow=True)
    assert "the old one no longer works" in response.content.decode()
    assert services.calendar_feed_token(person) != token
