"""Members-only events stay private, and the online link reaches only registered people,
on every surface: the page, listings, filters, the API, the sitemap, feeds, .ics
downloads, search and emails."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from network.events import services
from network.events.reminders import send_due_reminders
from network.models.events import EventPage
from tests.factories import UserFactory

ROLES = ["anonymous", "outsider", "pending", "member", "facilitator", "lead", "editor"]
SEES_PRIVATE = {"member", "facilitator", "lead", "editor"}


@pytest.fixture
def private_event(world, event_factory):
    return event_factory(
        parent=world.private,
        title="Closed session on draft commitments",
        slug="closed-session",
        intro="Policy leads read each other's drafts.",
    )


@pytest.mark.parametrize("role", ROLES)
def test_members_only_events_exist_only_for_members_and_editors(
    as_role, world, private_event, event_index, role
):
    client = as_role(role)
    may_see = role in SEES_PRIVATE
    assert client.get(private_event.url).status_code == (200 if may_see else 404)
    assert (private_event.title in client.get(event_index.url).content.decode()) is may_see
    ics = client.get(reverse("events:event_ics", args=[private_event.pk]))
    assert ics.status_code == (200 if may_see else 404)
    filters = client.get(event_index.url).content.decode()
    assert (f'value="{world.private.slug}"' in filters) is may_see
    ids = {item["id"] for item in client.get("/api/v2/pages/?limit=20").json()["items"]}
    assert (private_event.pk in ids) is may_see
    # Nobody, whatever their role, gets it in the sitemap or the public feeds.
    assert private_event.slug not in client.get("/sitemap.xml").content.decode()
    assert private_event.title not in client.get(reverse("events:site_feed")).content.decode()
    feed = client.get(reverse("events:network_feed", args=[world.private.slug]))
    assert feed.status_code == 404
    if not may_see and role != "anonymous":
        # Actions answer like an unknown address too.
        url = reverse("events:registration_create", args=[private_event.pk])
        assert client.post(url).status_code == 404


def test_public_network_events_are_in_its_feed_and_the_site_feed(client, world, event_factory):
    event = event_factory(parent=world.public, title="Public webinar on OCDS")
    network_feed = client.get(reverse("events:network_feed", args=[world.public.slug]))
    assert "Public webinar on OCDS" in network_feed.content.decode()
    assert "Public webinar on OCDS" in client.get(reverse("events:site_feed")).content.decode()
    assert event.slug in client.get("/sitemap.xml").content.decode()


@pytest.fixture
def event_with_people(event_factory):
    event = event_factory(capacity=1, title="Webinar: registers in practice")
    registered, waiting, bystander = UserFactory(), UserFactory(), UserFactory()
    services.register(event=event, user=registered)
    services.register(event=event, user=waiting)
    return event, registered, waiting, bystander


def test_the_online_link_is_on_the_page_only_for_registered_people_and_organisers(
    client, editor, event_with_people
):
    event, registered, waiting, bystander = event_with_people
    link = event.online_link
    assert link not in client.get(event.url).content.decode()
    for person, sees in ((registered, True), (waiting, False), (bystander, False), (editor, True)):
        client.force_login(person)
        assert (link in client.get(event.url).content.decode()) is sees, person
        listing = client.get("/events/").content.decode()
        assert link not in listing
        assert link not in client.get(reverse("events:my_events")).content.decode()


def test_the_online_link_is_not_in_the_api_search_feeds_or_ics_downloads(
    client, event_with_people
):
    event, registered, _waiting, _bystander = event_with_people
    link = event.online_link
    client.force_login(registered)  # even for a registered person: these are public surfaces
    for url in (
        f"/api/v2/pages/{event.pk}/",
        f"/api/v2/pages/{event.pk}/?fields=*",
        "/api/v2/pages/?type=network.EventPage&fields=*",
        reverse("events:site_feed"),
        reverse("events:event_ics", args=[event.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert link not in response.content.decode(), url
        assert "secret-room" not in response.content.decode(), url
    response = client.get(f"/api/v2/pages/{event.pk}/?fields=online_link")
    assert response.status_code == 400
    assert list(EventPage.objects.live().search("registers")) == [event]  # the index works
    assert not EventPage.objects.live().search("secret-room")
    assert not Page.objects.live().search("meet.example.org")
    indexed = {field.field_name for field in EventPage.get_search_fields()}
    assert "online_link" not in indexed


def test_reminders_and_promotions_do_not_carry_the_link(
    event_with_people, django_capture_on_commit_callbacks
):
    event, registered, waiting, _bystander = event_with_people
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(event=event, user=registered)
        send_due_reminders(now=event.starts_at - datetime.timedelta(hours=2))
    assert mail.outbox
    for message in mail.outbox:
        assert event.online_link not in message.body
        assert event.online_link not in message.subject
