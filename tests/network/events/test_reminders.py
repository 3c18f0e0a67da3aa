"""The reminder command: about 24 hours and 1 hour before, each sent once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Notification
from network.events import services
from network.events.reminders import send_due_reminders
from network.models.events import EventReminder
from tests.factories import UserFactory


@pytest.fixture
def event_and_people(event_factory):
    event = event_factory(title="Webinar on budget data")
    registered, cancelled = UserFactory(time_zone="Asia/Manila"), UserFactory()
    services.register(event=event, user=registered)
    services.register(event=event, user=cancelled)
    services.cancel(event=event, user=cancelled)
    return event, registered, cancelled


def reminders_to(user):
    notifications = Notification.objects.filter(recipient=user).order_by("pk")
    return list(notifications.values_list("message", flat=True))


def test_day_then_hour_reminders_each_sent_once(
    event_and_people, django_capture_on_commit_callbacks
):
    event, registered, cancelled = event_and_people
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(now=event.starts_at - datetime.timedelta(hours=30)) == 0
        assert send_due_reminders(now=event.starts_at - datetime.timedelta(hours=23)) == 1
        assert send_due_reminders(now=event.starts_at - datetime.timedelta(hours=22)) == 0
        assert send_due_reminders(now=event.starts_at - datetime.timedelta(minutes=55)) == 1
        assert send_due_reminders(now=event.starts_at - datetime.timedelta(minutes=50)) == 0
        assert send_due_reminders(now=event.starts_at + datetime.timedelta(minutes=5)) == 0
    messages = reminders_to(registered)
    assert len(messages) == 2
    assert messages[0].startswith("Reminder: “Webinar on budget data” starts in about 24 hours")
    assert "PST" in messages[0]  # in the person's own zone (Asia/Manila)
    assert "starts in about an hour" in messages[1]
    assert reminders_to(cancelled) == []
    assert [message.to for message in mail.outbox] == [[registered.email]] * 2


def test_moving_the_event_sends_reminders_for_the_new_start(event_and_people):
    event, registered, _cancelled = event_and_people
    send_due_reminders(now=event.starts_at - datetime.timedelta(hours=20))
    event.start_date += datetime.timedelta(days=1)
    event.save_revision().publish()
    event.refresh_from_db()
    assert send_due_reminders(now=event.starts_at - datetime.timedelta(hours=20)) == 1
    assert EventReminder.objects.filter(registration__user=registered).count() == 2


def test_a_late_registration_gets_only_the_hour_reminder(event_factory):
    event = event_factory()
    person = UserFactory()
    services.register(event=event, user=person)
    assert send_due_reminders(now=event.starts_at - datetime.timedelta(minutes=40)) == 1
    assert send_due_reminders(now=event.starts_at - datetime.timedelta(minutes=30)) == 0
    assert len(reminders_to(person)) == 1


def test_the_command_runs_twice_without_sending_twice(event_factory):
    event = event_factory()
    soon = timezone.now() + datetime.timedelta(minutes=30)
    event.start_date, event.start_time = soon.date(), soon.time().replace(microsecond=0)
    later = soon + datetime.timedelta(hours=1)
    event.end_date, event.end_time = later.date(), later.time().replace(microsecond=0)
    event.save_revision().publish()
    person = UserFactory()
    services.register(event=event, user=person)
    call_command("send_event_reminders", verbosity=0)
    call_command("send_event_reminders", verbosity=0)
    assert len(reminders_to(person)) == 1
