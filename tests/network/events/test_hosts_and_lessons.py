"""Host experts (shown on the page, organisers of the registrations) and related lessons
(shown only to people who may see each lesson)."""

import pytest
from django.urls import reverse

from network.models.events import EventHost, EventLesson
from tests.network.experts.factories import ExpertIndexPageFactory, ExpertProfilePageFactory
from tests.network.lessons.conftest import lesson_factory  # noqa: F401 - a fixture


@pytest.fixture
def expert(home_page):
    index = ExpertIndexPageFactory(parent=home_page)
    return ExpertProfilePageFactory(parent=index, headline="Procurement data lead")


def test_hosts_are_shown_and_may_see_the_registrants(client, event_factory, expert):
    event = event_factory()
    EventHost.objects.create(event=event, expert=expert)
    html = client.get(event.url).content.decode()
    assert expert.title in html and "Procurement data lead" in html
    client.force_login(expert.user)
    assert client.get(reverse("events:registrant_list", args=[event.pk])).status_code == 200
    assert event.online_link in client.get(event.url).content.decode()


def test_related_lessons_show_only_to_people_who_may_see_them(
    client,
    world,
    event_factory,
    lesson_factory,  # noqa: F811
):
    event = event_factory(title="Past exchange")
    public = lesson_factory(world.public, world.member, title="Public lesson on identifiers")
    private = lesson_factory(world.private, world.member, title="Private lesson on drafts")
    EventLesson.objects.create(event=event, lesson=public, sort_order=0)
    EventLesson.objects.create(event=event, lesson=private, sort_order=1)
    html = client.get(event.url).content.decode()
    assert "Public lesson on identifiers" in html
    assert "Private lesson on drafts" not in html
    client.force_login(world.member)
    assert "Private lesson on drafts" in client.get(event.url).content.decode()
