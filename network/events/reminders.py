"""Reminders about 24 hours and 1 hour before an event starts.

``send_due_reminders`` is run by cron every few minutes (``manage.py
send_event_reminders``). Each reminder is recorded (``EventReminder``, unique per
registration, kind and announced start) before the person is notified, in the same
transaction, so running it twice, or two runs at once, never sends one twice. When
editors move an event, reminders for the new start go out again.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import notify
from network.events.notifications import VERB_REMINDER
from network.events.times import time_range, viewer_zone
from network.models.events import EventPage, EventReminder, Registration, ReminderKind

# kind: (sent when the start is at most this far away, but more than the next kind's)
WINDOWS = {
    ReminderKind.DAY: datetime.timedelta(hours=24),
    ReminderKind.HOUR: datetime.timedelta(hours=1),
}


def _kind_for(starts_at, now):
    ahead = starts_at - now
    if ahead <= datetime.timedelta(0):
        return None
    if ahead <= WINDOWS[ReminderKind.HOUR]:
        return ReminderKind.HOUR
    if ahead <= WINDOWS[ReminderKind.DAY]:
        return ReminderKind.DAY
    return None


def due_registrations(now):
    """Registered people of live events starting within the next 24 hours."""
    events = EventPage.objects.live().filter(
        starts_at__gt=now, starts_at__lte=now + WINDOWS[ReminderKind.DAY]
    )
    return (
        Registration.objects.registered()
        .filter(event__in=events.values("pk"), user__is_active=True)
        .select_related("user", "event")
        .order_by("event_id", "pk")
    )


def send_due_reminders(now=None):
    """Notify every registered person whose reminder is due; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for registration in due_registrations(now):
        event = registration.event
        kind = _kind_for(event.starts_at, now)
        if kind is None:
            continue
        if kind == ReminderKind.HOUR:
            # Someone who gets the hour's reminder no longer needs the day's.
            EventReminder.objects.get_or_create(
                registration=registration, kind=ReminderKind.DAY, starts_at=event.starts_at
            )
        try:
            with transaction.atomic():
                _, created = EventReminder.objects.get_or_create(
                    registration=registration, kind=kind, starts_at=event.starts_at
                )
                if created:
                    _remind(registration, kind)
                    sent += 1
        except IntegrityError:  # a concurrent run recorded it first
            continue
    return sent


def _remind(registration, kind):
    event, user = registration.event, registration.user
    when = time_range(event, viewer_zone(user) or event.time_zone)
    if kind == ReminderKind.HOUR:
        message = _("Reminder: “%(event)s” starts in about an hour: %(when)s.")
    else:
        message = _("Reminder: “%(event)s” starts in about 24 hours: %(when)s.")
    # The online link is on the event page, shown to registered people: not in emails.
    notify(
        recipient=user,
        verb=VERB_REMINDER,
        message=message % {"event": event.title, "when": when},
        url=event.get_url() or "",
        target=event,
    )
