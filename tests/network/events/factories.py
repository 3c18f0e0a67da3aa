"""Factories for events: pass ``parent=`` an EventIndexPage or a LearningNetworkPage."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from network.models.events import EventFormat, EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"
    live = True


def days_from_now(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class EventPageFactory(wagtail_factories.PageFactory):
    """An online event ten days from now, 15:00-16:00 UTC, with a secret online link."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    intro = "Publishers compare notes on open contracting data."
    format = EventFormat.ONLINE
    time_zone = "UTC"
    start_date = factory.LazyFunction(lambda: days_from_now(10))
    start_time = datetime.time(15, 0)
    end_time = datetime.time(16, 0)
    online_link = factory.Sequence(lambda n: f"https://meet.example.org/secret-room-{n}")
    language = "en"
    live = True
