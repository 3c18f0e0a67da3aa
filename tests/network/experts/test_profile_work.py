"""An expert's profile shows the lessons they wrote and the events they host, as far as
the viewer may see them, with a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.lessons.services import create_draft_lesson
from network.models import Visibility
from network.models.events import EventHost
from network.models.lessons import LessonPage
from tests.factories import MembershipFactory, UserFactory
from tests.network.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def publish_lesson(network, author, title):
    lesson = create_draft_lesson(
        network=network, owner=author, title=title, authors=[author], summary="In short."
    )
    lesson.get_latest_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def hosted_event(network, expert, title):
    event = EventPageFactory(parent=network, title=title)
    EventHost.objects.create(event=event, expert=expert)
    return event


@pytest.fixture
def world(expert_factory, network_factory, charter_principles):
    person = UserFactory(display_name="Ada Expert")
    expert = expert_factory(title="Ada Expert", user=person)
    public = network_factory(title="Open budgets")
    private = network_factory(title="Closed circle", visibility=Visibility.MEMBERS_ONLY)
    MembershipFactory(network=public, user=person)
    MembershipFactory(network=private, user=person)
    return expert, person, public, private


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_lessons_and_events_show_only_where_the_viewer_may_look(client, world):
    expert, person, public, private = world
    publish_lesson(public, person, "Budgets in the open")
    publish_lesson(private, person, "A secret lesson")
    hosted_event(public, expert, "Budget data clinic")
    hosted_event(private, expert, "Closed round table")

    html, _ = queries(client, expert.url)
    assert "Lessons written" in html and "Budgets in the open" in html
    assert "Events hosted" in html and "Budget data clinic" in html
    assert "A secret lesson" not in html and "Closed round table" not in html

    member = UserFactory()
    MembershipFactory(network=private, user=member)
    client.force_login(member)
    html, _ = queries(client, expert.url)
    assert "A secret lesson" in html and "Closed round table" in html


def test_profile_queries_do_not_grow_with_lessons_and_events(client, world):
    expert, person, public, _ = world
    counts = []
    for start, count in ((0, 2), (2, 12)):
        for number in range(start, start + count):
            publish_lesson(public, person, f"Lesson {number}")
            hosted_event(public, expert, f"Event {number}")
        queries(client, expert.url)  # warm: publishing renewed the navigation caches
        counts.append(queries(client, expert.url)[1])
    assert counts[0] == counts[1]
